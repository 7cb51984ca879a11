/**
 * The alias expression, compiled piece by piece (split at build time: src/knowledge/split-source.ts). V8's cost of compiling one expression grows
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
  /** START and the look-ahead: where a name may begin. */
  finder: string;
  branches: Map<string, string[]>;
  tail: string;
}

/** The pieces of a source at its cuts (CompiledIndex.cuts, src/knowledge/split-source.ts). */
export function splitSource(source: string, cuts: number[]): Parts {
  const a = cuts[1];
  const close = cuts[cuts.length - 1];
  const branches = new Map<string, string[]>();
  for (let i = 2; i < cuts.length - 1; i++) {
    const br = source.slice(cuts[i], cuts[i + 1] - (i + 1 < cuts.length - 1 ? 1 : 0));
    const k = canonical(br[0] === '\\' ? br[1] : br[0]);
    if (!branches.has(k)) branches.set(k, []);
    branches.get(k)!.push(br);
  }
  return { finder: source.slice(0, a), branches, tail: source.slice(close + 1) };
}

/**
 * The key of a first character: its upper case (one character), as the "i" flag compares
 * characters. Canonicalize also keeps "ı" and "ſ" apart from "I" and "S"; grouping them together
 * only means the branch expression is tried where it cannot match, never that a match is missed.
 */
export function canonical(c: string): string {
  const u = c.toUpperCase();
  return u.length === 1 ? u : c;
}

/** One global-RegExp-like search over the pieces: the finder proposes, the branch decides. */
function splitSearch(parts: Parts): AliasSearch {
  const finder = new RegExp(parts.finder, 'gi');
  const compiled = new Map<string, RegExp | undefined>();
  const branch = (k: string) => {
    if (!compiled.has(k)) {
      const list = parts.branches.get(k);
      // Tried only where the finder stopped: START has been checked there already.
      compiled.set(k, list && new RegExp(`(?:${list.join('|')})${parts.tail}`, 'iy'));
    }
    return compiled.get(k);
  };
  const search: AliasSearch = {
    lastIndex: 0,
    exec(text) {
      finder.lastIndex = search.lastIndex;
      for (let m = finder.exec(text); m; m = finder.exec(text)) {
        const at = m.index;
        const re = branch(canonical(text[at]));
        if (re) {
          re.lastIndex = at;
          const r = re.exec(text);
          if (r) {
            search.lastIndex = at + r[0].length;
            return r;
          }
        }
        finder.lastIndex = at + 1;
      }
      search.lastIndex = 0;
      return null;
    },
  };
  return search;
}

/** The search for a compiled index's expression (flags "gi"), split at its cuts when it has them. */
export function aliasSearch(source: string, cuts?: number[]): AliasSearch {
  return cuts ? splitSearch(splitSource(source, cuts)) : new RegExp(source, 'gi');
}
