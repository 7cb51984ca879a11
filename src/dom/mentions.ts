/** The record of one highlighted mention on the page, shared by scanner, hit testing and UI. */
import type { Match } from '../core/matcher';

export interface Mention {
  /** Unique per page session. */
  key: number;
  match: Match;
  entityId: string;
  /** One Range per text node the mention covers (several when split across inline elements). */
  ranges: Range[];
  block: Element;
}
