/**
 * Which news facts the compact card shows first: the most telling ones. A correction to common
 * reporting comes first, then a dispute, then the newest confirmed fact; the rest keep the order
 * the knowledge gives them. Pure, so the order is unit-tested.
 */
import type { Fact } from '../knowledge/schema';
import { dayOf } from './lifecycle';

/** A fact that corrects what was commonly reported ("Correction to …", as the knowledge writes it). */
export const isCorrection = (f: Fact<string>): boolean => /^correction\b/i.test(f.value.trim());

/** The facts in the order the card shows them (stable; `facts` is not changed). */
export function tellingOrder<F extends Fact<string>>(facts: readonly F[]): F[] {
  let newest = -1;
  facts.forEach((f, i) => {
    if (f.status !== 'confirmed' || isCorrection(f)) return;
    if (newest < 0 || dayOf(f.asOf) > dayOf(facts[newest].asOf)) newest = i;
  });
  const rank = (f: F, i: number) => (isCorrection(f) ? 0 : f.status === 'disputed' ? 1 : i === newest ? 2 : 3);
  return facts
    .map((f, i) => [rank(f, i), i, f] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([, , f]) => f);
}
