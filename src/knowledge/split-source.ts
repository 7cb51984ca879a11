/**
 * Build time: where the alias expression splits into first-character branches, so the page
 * compiles it piece by piece (src/core/alias-search.ts). Stored in the index as offsets.
 */

/** End (exclusive) of the character class that starts at `i`. */
function classEnd(s: string, i: number): number {
  for (i++; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i + 1;
  }
  return -1;
}

/** `(?<![…])` or `(?=[…])` at `i`: the index after it, or -1. */
function assertion(s: string, i: number, open: string): number {
  if (!s.startsWith(open, i)) return -1;
  const e = classEnd(s, i + open.length - 1);
  return e > 0 && s[e] === ')' ? e + 1 : -1;
}

/** The top-level branches of the group `(?:…)` at `i`, and the index after it. */
function branchesAt(s: string, i: number): { list: string[]; end: number } | null {
  if (!s.startsWith('(?:', i)) return null;
  const list: string[] = [];
  let depth = 0;
  let from = i + 3;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(s, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      list.push(s.slice(from, j));
      return { list, end: j + 1 };
    } else if (c === '|' && depth === 1) {
      list.push(s.slice(from, j));
      from = j + 1;
    }
    if (j < 0) return null;
  }
  return null;
}

/**
 * Where the compiled source splits (CompiledIndex.cuts): the end of START, the end of the
 * look-ahead, the start of each top-level branch, and the index of the group's closing
 * parenthesis. Undefined when the source does not have that shape (it is then used whole).
 */
export function sourceCuts(source: string): number[] | undefined {
  const h = assertion(source, 0, '(?<![');
  const a = h > 0 ? assertion(source, h, '(?=[') : -1;
  const b = a > 0 ? branchesAt(source, a) : null;
  if (!b) return undefined;
  const cuts = [h, a];
  let at = a + 3;
  for (const br of b.list) {
    // A branch must start with one literal character (escaped or not), not a class or a group.
    const c = br[0] === '\\' ? br[1] : br[0];
    if (!c || (br[0] === '\\' && /[A-Za-z0-9]/.test(c)) || (br[0] !== '\\' && /[([.|)?*+{]/.test(c))) return undefined;
    cuts.push(at);
    at += br.length + 1;
  }
  cuts.push(b.end - 1);
  return cuts;
}

