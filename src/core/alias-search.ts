/**
 * The alias expression, compiled piece by piece. V8's cost of compiling one expression grows
 * faster than its size: the whole trie (about 80 kB of source) takes several times longer to
 * compile than all of its first-character branches compiled one by one, and every frame pays it
 * again. So the expression is split where the compiler (src/knowledge/compile.ts) joins it —
 * `START (?=[first characters]) (?:branch|branch|…) TAIL` — into a small finder (START and the
 * look-ahead) and one expression per first character, each compiled the first time text holds
 * a word that starts with it. A page whose words start with few of those characters compiles
 * few branches; a frame without text compiles none.
 *
 * The search gives exactly the matches of the whole expression: at each position the finder
 * accepts, only the branches starting with that character (as the "i" flag compares characters)
 * can match, and they are tried in their original order with the same boundaries and tail.
 */

/** What the matcher needs of its expression: a global RegExp's `exec` and `lastIndex`. */
export interface AliasSearch {
  lastIndex: number;
  exec(text: string): RegExpExecArray | null;
}

interface Parts {
  head: string;
  ahead: string;
  branches: Map<string, string[]>;
  tail: string;
}

/** How the "i" flag (without "u") compares characters: ECMAScript's Canonicalize. */
export function canonical(c: string): string {
  const u = c.toUpperCase();
  return u.length === 1 && !(c.charCodeAt(0) >= 128 && u.charCodeAt(0) < 128) ? u : c;
}

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

/** Split a compiled source; null when it does not have the expected shape (then it is used whole). */
export function splitSource(source: string): Parts | null {
  const h = assertion(source, 0, '(?<![');
  const a = h > 0 ? assertion(source, h, '(?=[') : -1;
  const b = a > 0 ? branchesAt(source, a) : null;
  if (!b) return null;
  const branches = new Map<string, string[]>();
  for (const br of b.list) {
    // A branch must start with one literal character (escaped or not), not a class or a group.
    const c = br[0] === '\\' ? br[1] : br[0];
    if (!c || (br[0] === '\\' && /[A-Za-z0-9]/.test(c)) || (br[0] !== '\\' && /[([.|)?*+{]/.test(c))) return null;
    const k = canonical(c);
    if (!branches.has(k)) branches.set(k, []);
    branches.get(k)!.push(br);
  }
  return { head: source.slice(0, h), ahead: source.slice(h, a), branches, tail: source.slice(b.end) };
}

class SplitSearch implements AliasSearch {
  lastIndex = 0;
  #finder: RegExp;
  #parts: Parts;
  #compiled = new Map<string, RegExp | null>();

  constructor(parts: Parts) {
    this.#parts = parts;
    this.#finder = new RegExp(parts.head + parts.ahead, 'gi');
  }

  #branch(k: string): RegExp | null {
    let re = this.#compiled.get(k);
    if (re === undefined) {
      const list = this.#parts.branches.get(k);
      re = list ? new RegExp(`${this.#parts.head}(?:${list.join('|')})${this.#parts.tail}`, 'iy') : null;
      this.#compiled.set(k, re);
    }
    return re;
  }

  exec(text: string): RegExpExecArray | null {
    const f = this.#finder;
    f.lastIndex = this.lastIndex;
    for (let m = f.exec(text); m; m = f.exec(text)) {
      const at = m.index;
      const re = this.#branch(canonical(text[at]));
      if (re) {
        re.lastIndex = at;
        const r = re.exec(text);
        if (r) {
          this.lastIndex = at + r[0].length;
          return r;
        }
      }
      f.lastIndex = at + 1;
    }
    this.lastIndex = 0;
    return null;
  }
}

/** The search for a compiled index's expression (flags "gi"). */
export function aliasSearch(source: string): AliasSearch {
  const parts = splitSource(source);
  return parts ? new SplitSearch(parts) : new RegExp(source, 'gi');
}
