/** Requests from the popup and the background's keyboard commands, answered by this frame. */
import { serve } from '../../messaging/client';
import { listen } from '../messages';
import { isContentRequest, type ContentProtocol, type ContentRequest, type MentionInfo, type PageInfo } from '../../messaging/protocol';
import { countEntities } from '../../settings/apply';
import type { Mention } from '../mentions';
import type { PageSession } from '../session';
import type { Tour } from './tour';

/** Characters of context on each side of a reported mention. */
const QUOTE = 32;

function mentionInfo(m: Mention): MentionInfo {
  const first = m.ranges[0];
  const last = m.ranges[m.ranges.length - 1];
  const text = m.ranges.map((r) => r.toString()).join('');
  const pre = (first.startContainer as Text).data.slice(0, first.startOffset);
  const post = (last.endContainer as Text).data.slice(last.endOffset);
  return {
    key: m.key,
    entityId: m.entityId,
    exact: m.match.alias || text,
    prefix: pre.slice(-QUOTE),
    suffix: post.slice(0, QUOTE),
    unknownVersion: m.match.unknownVersion,
  };
}

export function pageInfo(session: PageSession): PageInfo {
  const ids = [...session.scanner.mentions()].map((m) => m.entityId);
  return { host: session.host, enabled: session.enabled, total: session.scanner.size, entities: countEntities(session.index, ids) };
}

export function initPopupRequests(session: PageSession, tour: Tour, signal: AbortSignal): void {
  const listener = serve<ContentProtocol>((msg): msg is ContentRequest => !signal.aborted && isContentRequest(msg), {
    listMentions: () => session.mentions().map(mentionInfo),
    tour: (msg) => tour.step(msg.dir),
    pageInfo: () => pageInfo(session),
    reveal: (msg) => tour.reveal(msg.entityId),
  });
  // After invalidation the extension's messaging is gone with it; the guard above answers nothing.
  listen(listener);
}
