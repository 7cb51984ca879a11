/**
 * The layering rules of the design, checked on every run: who may import whom, no import cycles,
 * thin entrypoints and short functions. Imports are read with the TypeScript parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAX_FUNCTION_LINES = 80;
const MAX_ENTRYPOINT_LINES = 40;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...walk(rel));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

interface Import {
  /** Project-relative path of the imported file, or the bare module name. */
  target: string;
  typeOnly: boolean;
}

const sources = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  let sf = sources.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    sources.set(file, sf);
  }
  return sf;
}

function resolveSpecifier(from: string, spec: string): string {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = join(dirname(from), spec);
  else return spec;
  base = base.replace(/\?.*$/, '');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      /* next candidate */
    }
  }
  return base;
}

function importsOf(file: string): Import[] {
  const out: Import[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node)
        ? !!node.importClause?.isTypeOnly ||
          (!!node.importClause && !node.importClause.name && !!node.importClause.namedBindings && ts.isNamedImports(node.importClause.namedBindings) &&
            node.importClause.namedBindings.elements.length > 0 && node.importClause.namedBindings.elements.every((e) => e.isTypeOnly))
        : node.isTypeOnly;
      out.push({ target: resolveSpecifier(file, node.moduleSpecifier.text), typeOnly });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ target: resolveSpecifier(file, node.argument.literal.text), typeOnly: true });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push({ target: resolveSpecifier(file, node.arguments[0].text), typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return out;
}

const FILES = [...walk('src'), ...walk('entrypoints'), ...walk('scripts')];
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

function within(file: string, dir: string): boolean {
  return file.startsWith(dir + '/');
}

/** Cycles among project files (type-only imports included: a cycle is a cycle). */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const { target } of GRAPH.get(f) ?? []) {
      if (!GRAPH.has(target)) continue;
      if (state.get(target) === 'open') found.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of GRAPH.keys()) if (!state.has(f)) visit(f);
  return found;
}

function longFunctions(file: string): string[] {
  const sf = parse(file);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION_LINES) {
        const name = (node as ts.FunctionLikeDeclaration).name?.getText(sf) ?? '(anonymous)';
        out.push(`${file}:${start + 1} ${name} ${lines} lines`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('architecture', () => {
  it('reads the imports it checks', () => {
    // A parser that found nothing would pass every rule below.
    expect(GRAPH.get('src/dom/engine.ts')?.some((i) => i.target === 'src/dom/scanner.ts')).toBe(true);
    expect(GRAPH.get('src/ui/mount.ts')?.some((i) => i.target === 'preact')).toBe(true);
  });

  it('src/core imports only src/core (type imports aside)', () => {
    const bad = [...GRAPH]
      .filter(([f]) => within(f, 'src/core'))
      .flatMap(([f, imports]) => imports.filter((i) => !i.typeOnly && !within(i.target, 'src/core')).map((i) => `${f} → ${i.target}`));
    expect(bad).toEqual([]);
  });

  it('src/core imports nothing from the knowledge compiler, not even types', () => {
    const bad = [...GRAPH]
      .filter(([f]) => within(f, 'src/core'))
      .flatMap(([f, imports]) => imports.filter((i) => i.target === 'src/knowledge/compile.ts').map(() => f));
    expect(bad).toEqual([]);
  });

  it('only src/ui and entrypoints use Preact; src/ui never imports src/dom', () => {
    const bad = [...GRAPH].flatMap(([f, imports]) =>
      imports
        .filter(
          (i) =>
            (/^preact($|\/)/.test(i.target) && !within(f, 'src/ui') && !within(f, 'entrypoints')) ||
            (within(f, 'src/ui') && within(i.target, 'src/dom') && !i.typeOnly),
        )
        .map((i) => `${f} → ${i.target}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/ and entrypoints/ never import from scripts/ or tests/; scripts/ never from tests/', () => {
    const bad = [...GRAPH].flatMap(([f, imports]) =>
      imports
        .filter((i) => within(i.target, 'tests') || (!within(f, 'scripts') && within(i.target, 'scripts')))
        .map((i) => `${f} → ${i.target}`),
    );
    expect(bad).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(cycles().map((c) => c.join(' → '))).toEqual([]);
  });

  it(`every entrypoint is at most ${MAX_ENTRYPOINT_LINES} lines`, () => {
    const long = walk('entrypoints')
      .map((f) => [f, readFileSync(join(ROOT, f), 'utf8').trimEnd().split('\n').length] as const)
      .filter(([, n]) => n > MAX_ENTRYPOINT_LINES)
      .map(([f, n]) => `${f}: ${n} lines`);
    expect(long).toEqual([]);
  });

  it(`no function in src/ or entrypoints/ is over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = [...walk('src'), ...walk('entrypoints')].flatMap(longFunctions);
    expect(long).toEqual([]);
  });

  it('every content-script feature module is started by the composition root', () => {
    const features = walk('src/dom/features').map((f) => relative('src/dom', f));
    expect(features.length).toBeGreaterThan(0);
    const root = GRAPH.get('src/dom/start.ts')?.map((i) => i.target) ?? [];
    expect(features.filter((f) => !root.includes(`src/dom/${f}`))).toEqual([]);
  });
});
