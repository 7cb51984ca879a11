import { describe, expect, it } from 'vitest';
import { isCorrection, tellingOrder } from '../../src/core/telling';
import type { Fact } from '../../src/knowledge/schema';

const src = { url: 'https://example.com', title: 'x', retrieved: '2026-11-30' };
const f = (value: string, status: Fact<string>['status'], asOf: string): Fact<string> => ({ value, status, asOf, source: src });

describe('most telling facts first', () => {
  it('puts a correction first, then a dispute, then the newest confirmed fact, the rest in their order', () => {
    const old = f('Old confirmed', 'confirmed', '2026-01-10');
    const reported = f('Reported', 'reported', '2026-11-01');
    const newest = f('Newest confirmed', 'confirmed', '2026-10-07');
    const middle = f('Middle confirmed', 'confirmed', '2026-05');
    const disputed = f('Disputed', 'disputed', '2026-04-09');
    const correction = f('Correction to the seed post: it shipped.', 'confirmed', '2026-04-16');
    expect(tellingOrder([old, reported, newest, middle, disputed, correction]).map((x) => x.value)).toEqual([
      correction.value,
      disputed.value,
      newest.value,
      old.value,
      reported.value,
      middle.value,
    ]);
  });

  it('keeps the order when nothing stands out, and does not change its input', () => {
    const list = [f('a', 'reported', '2026-01-01'), f('b', 'rumored', '2026-02-01')];
    const copy = [...list];
    expect(tellingOrder(list)).toEqual(list);
    expect(list).toEqual(copy);
    expect(tellingOrder([])).toEqual([]);
  });

  it('knows a correction by how the knowledge writes it', () => {
    expect(isCorrection(f('Correction to the seed post "The Claude Code Leak": …', 'reported', '2026-11-30'))).toBe(true);
    expect(isCorrection(f('The correction came later.', 'reported', '2026-11-30'))).toBe(false);
  });
});
