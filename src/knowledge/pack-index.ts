/**
 * Packing the compiled index for the page (knowledge-index.js). The compiler (compile.ts) builds
 * the CompiledIndex; this module writes it compactly, with the few lines of code that rebuild it.
 */
import { FLAG_EXACT_CASE, FLAG_NOT_MODEL, FLAG_PROPER, type CompiledIndex } from '../core/index-format';
import { indexFingerprint } from './fingerprint';

/**
 * The index as the page loads it (knowledge-index.js, a classic script in every frame): the same
 * CompiledIndex, written compactly and rebuilt by a few lines of code in the script itself, so the
 * content script neither grows nor changes.
 * - Entities: one line each — id prefix, vendor and kind as numbers into small tables, the family
 *   as a number, the slug only when it is not the name in lower case, the name, then the entity's
 *   alias keys, each front-coded against the one before (a base-36 digit: how many characters it
 *   shares) and prefixed by `^flags^` when it has flags (its case-kept text then stands for it).
 * - The expression source as it is (see indexScriptFor).
 */
export const PACK_FIELD = '|';
const PACK_LINE = '\n';
const PACK_FLAG = '^';

export interface PackedIndex {
  /** Id prefixes (the part before "/"), vendors, kinds. */
  p: string[];
  u: string[];
  k: string[];
  /** One line per entity (see above). */
  e: string;
  /** Keys of the known non-model names, joined by "|". */
  n: string;
  /** Version forms, one a line: prefix|suffix|entity|flags (numbers base 36). */
  f: string;
  rest: Omit<CompiledIndex, 'v' | 'source' | 'ids' | 'names' | 'vendors' | 'kinds' | 'keys' | 'forms' | 'parents'>;
}

/** The slug most ids have: the name in lower case, spaces as hyphens (the decoder does the same). */
const slugOf = (name: string) => name.toLowerCase().replace(/ /g, '-');

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < 35 && n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function packIndex(index: CompiledIndex): PackedIndex {
  const table = (xs: string[]) => [...new Set(xs)];
  const prefixes = index.ids.map((id) => id.slice(0, id.indexOf('/') + 1));
  const p = table(prefixes);
  const u = table(index.vendors);
  const k = table(index.kinds);
  const byEntity: string[][] = index.ids.map(() => []);
  const bad = (s: string) => s.includes(PACK_FIELD) || s.includes(PACK_LINE) || s.startsWith(PACK_FLAG);
  const notModel: string[] = [];
  for (const [key, [i, flags, exact]] of Object.entries(index.keys)) {
    if (i < 0) {
      if (bad(key) || (exact !== undefined && exact !== key)) throw new Error(`index: non-model name "${key}" cannot be packed`);
      notModel.push((flags & FLAG_EXACT_CASE ? PACK_FLAG : '') + key);
      continue;
    }
    if (exact !== undefined && exact.toLowerCase() !== key) throw new Error(`index: case-kept text "${exact}" is not its key "${key}"`);
    byEntity[i].push(flags ? `${PACK_FLAG}${flags}${PACK_FLAG}${exact ?? key}` : key);
  }
  const lines = index.ids.map((id, i) => {
    const slug = id.slice(prefixes[i].length);
    const name = index.names[i];
    const keys = byEntity[i].sort((a, b) => (a.replace(/^\^\d+\^/, '') < b.replace(/^\^\d+\^/, '') ? -1 : 1));
    for (const s of [slug, name, ...keys.map((x) => (x.startsWith(PACK_FLAG) ? x.split(PACK_FLAG)[2] : x))])
      if (bad(s)) throw new Error(`index: "${s}" holds a character the packed index uses`);
    let prev = '';
    const coded = keys.map((x) => {
      const flagged = x.startsWith(PACK_FLAG);
      const text = flagged ? x.split(PACK_FLAG)[2] : x;
      const n = sharedPrefix(prev, text);
      const out = (flagged ? x.slice(0, x.length - text.length) : '') + n.toString(36) + text.slice(n);
      prev = text;
      return out;
    });
    const parent = index.parents?.[i] ?? i;
    const pi = p.indexOf(prefixes[i]);
    const ui = u.indexOf(index.vendors[i]);
    const meta = [pi, ui === pi ? '' : ui, k.indexOf(index.kinds[i]), parent === i ? '' : parent].map((x) => x.toString(36)).join(',');
    return [meta, slug === slugOf(name) ? '' : slug, name, ...coded].join(PACK_FIELD);
  });
  const forms = [...new Set(index.forms.map((f) => f.map((x) => (typeof x === 'number' ? x.toString(36) : x)).join(PACK_FIELD)))];
  for (const f of index.forms) if (f.slice(0, 2).some((x) => bad(x as string) || (x as string).includes(PACK_LINE))) throw new Error(`index: form "${f[0]}" holds a character the packed index uses`);
  const { v: _v, source: _s, ids: _i, names: _n, vendors: _u, kinds: _k, keys: _y, forms: _f, parents: _p, ...rest } = index;
  return { p, u, k, e: lines.join(PACK_LINE), n: notModel.join(PACK_FIELD), f: forms.join(PACK_LINE), rest };
}

/**
 * The page-side decoder of packIndex (plain JS: it runs in knowledge-index.js). Only the
 * expression and what the matcher compiles are ready at once; the entity tables (ids, names,
 * vendors, kinds, parents, forms) are decoded on first use, and the alias table (`keys`) after
 * them: a frame where no alias matches builds neither (decoding them cost a frame ~10 ms).
 */
export const UNPACK_JS = `(d,source)=>{const x={v:2,source,...d.rest},rows=[],lazy=(ns,make)=>{let v;const put=(n,w)=>Object.defineProperty(x,n,{value:w,enumerable:true,writable:true,configurable:true});ns.forEach((n,j)=>Object.defineProperty(x,n,{configurable:true,enumerable:true,get(){if(!v){v=make();ns.forEach((m,k)=>put(m,v[k]))}return v[j]},set(w){put(n,w)}}))};lazy(["ids","names","vendors","kinds","parents","forms"],()=>{const t=[[],[],[],[],[]];d.e.split("\\n").forEach((l,i)=>{const f=l.split("|"),m=f[0].split(","),n=f[2];t[0].push(d.p[parseInt(m[0],36)]+(f[1]||n.toLowerCase().replace(/ /g,"-")));t[1].push(n);t[2].push(d.u[parseInt(m[1]||m[0],36)]);t[3].push(d.k[parseInt(m[2],36)]);t[4].push(m[3]?parseInt(m[3],36):i);rows.push(f)});t.push(d.f.split("\\n").map(l=>{const f=l.split("|");return[f[0],f[1],parseInt(f[2],36),parseInt(f[3],36)]}));return t});lazy(["keys"],()=>{x.ids;const keys={};rows.forEach((f,i)=>{let prev="";for(let j=3;j<f.length;j++){let s=f[j],fl=0;if(s[0]==="^"){const e=s.indexOf("^",1);fl=+s.slice(1,e);s=s.slice(e+1)}const t=prev.slice(0,parseInt(s[0],36))+s.slice(1);keys[t.toLowerCase()]=fl&${FLAG_EXACT_CASE | FLAG_PROPER}?[i,fl,t]:[i,fl];prev=t}});if(d.n)for(const k of d.n.split("|"))k[0]==="^"?keys[k.slice(1)]=[-1,${FLAG_NOT_MODEL | FLAG_EXACT_CASE},k.slice(1)]:keys[k]=[-1,${FLAG_NOT_MODEL}];return[keys]});return x}`;

/**
 * knowledge-index.js: `globalThis[global]`, the index, packed and decoded on first read. The
 * script's value is undefined: Firefox's scripting.executeScript hands it back to the caller and
 * fails on a value it cannot clone (the global object).
 */
export function indexScriptFor(index: CompiledIndex, global: string): string {
  // Evaluating the script only defines a getter: a frame that never reads the index (no readable
  // text, src/dom/readable.ts) pays for parsing, not for decoding. The data are constants of an
  // arrow called at once, which V8 compiles eagerly; inside the getter (compiled lazily) they
  // would be scanned a second time on the first read. The expression source is written out whole:
  // rebuilding it on the page from a shorter form (split/join of its repeated pieces) cost a frame
  // in a fresh renderer process (a cross-site frame) about 10 ms, against 50 kB more to parse.
  // The fingerprint is a constant of the build, set on the decoded index (not enumerable: it is
  // no part of the index's data).
  const g = JSON.stringify(global);
  const fp = JSON.stringify(indexFingerprint(index));
  return `(()=>{const d=${JSON.stringify(packIndex(index))},s=${JSON.stringify(index.source)};Object.defineProperty(globalThis,${g},{configurable:true,get(){const v=Object.defineProperty((${UNPACK_JS})(d,s),"fp",{value:${fp}});Object.defineProperty(globalThis,${g},{value:v,configurable:true});return v}})})();void 0;`;
}
