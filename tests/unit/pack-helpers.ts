/** Test packs: the e2e fixture knowledge (Acme Labs, example.org) signed with keys made per test run. */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Entry } from '../../src/knowledge/schema';
import type { Registry } from '../../src/knowledge/sources';

const ROOT = join(import.meta.dirname, '../..');
export const FIXTURE: Entry[] = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/knowledge-e2e/lifecycle.json'), 'utf8')).entries;
export const REGISTRY: Registry = { vendors: { acme: { name: 'Acme Labs', domains: ['example.org/acme'] } }, reference: [], community: [] };
export const TODAY = '2026-11-30';

/** A local HTTP server whose handler the test sets; every request is logged. */
export async function packServer(): Promise<{ url: string; log: string[]; handle: (h: (req: IncomingMessage, res: ServerResponse) => void) => void; close: () => Promise<void>; server: Server }> {
  const log: string[] = [];
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => void res.writeHead(404).end();
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url} ${req.headers['if-none-match'] ?? ''}`.trim());
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pack.json`,
    log,
    server,
    handle: (h) => void (handler = h),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** A model the fixture knowledge lacks, made from Acme Rocket 4 (a simple entry without a timeline). */
export function newModel(name = 'Acme Zephyr 9', summary = 'A model only the knowledge pack knows.'): Entry {
  const base = structuredClone(FIXTURE.find((e) => e.id === 'acme/rocket-4')!);
  const slug = name.toLowerCase().replace(/^acme /, '').replace(/\s+/g, '-');
  return { ...base, id: `acme/${slug}`, name, summary, aliases: [name] };
}
