/**
 * The one network request ModelLens makes: a GET of the static knowledge pack. No cookies or
 * credentials, no referrer, no query string, nothing about the reader or the pages they read; only
 * `If-None-Match` with the ETag of the pack in use. A timeout covers the whole download, and the
 * body is read as a stream that stops at the size cap.
 */
import { MAX_PACK_BYTES, PackRefused } from '../knowledge/pack';

/** The whole request, headers and body, must finish within this. */
export const PACK_TIMEOUT_MS = 30_000;

export type PackDownload = { status: 'not-modified' } | { status: 'ok'; text: string; etag?: string };

export interface FetchOptions {
  etag?: string;
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
  /** navigator.onLine by default: offline, no request is tried. */
  online?: () => boolean;
}

export async function downloadPack(url: string, opts: FetchOptions = {}): Promise<PackDownload> {
  const online = opts.online ?? (() => globalThis.navigator?.onLine !== false);
  if (!online()) throw new PackRefused('offline', 'the browser is offline');
  const abort = new AbortController();
  const timeoutMs = opts.timeoutMs ?? PACK_TIMEOUT_MS;
  const timer = setTimeout(() => abort.abort(new PackRefused('timeout', `no complete answer within ${timeoutMs / 1000} s`)), timeoutMs);
  try {
    const res = await (opts.fetchImpl ?? fetch)(url, {
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      headers: opts.etag ? { 'If-None-Match': opts.etag } : {},
      signal: abort.signal,
    });
    if (res.status === 304) {
      void res.body?.cancel().catch(() => undefined);
      return { status: 'not-modified' };
    }
    if (!res.ok) {
      void res.body?.cancel().catch(() => undefined);
      throw new PackRefused('http', `HTTP ${res.status}`);
    }
    const text = await readCapped(res, opts.maxBytes ?? MAX_PACK_BYTES, abort);
    return { status: 'ok', text, etag: res.headers.get('ETag') ?? undefined };
  } catch (err) {
    throw classify(err, abort.signal, online);
  } finally {
    clearTimeout(timer);
  }
}

/** Read the body as UTF-8, stopping (and cancelling the download) as soon as it passes `max` bytes. */
async function readCapped(res: Response, max: number, abort: AbortController): Promise<string> {
  const declared = Number(res.headers.get('Content-Length'));
  const tooLarge = (n: number) => new PackRefused('too-large', `${n > max * 2 ? 'over ' : ''}${Math.round(n / 1e5) / 10} MB; the limit is ${max / 1024 / 1024} MB`);
  if (declared > max) {
    abort.abort();
    throw tooLarge(declared);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      abort.abort();
      throw tooLarge(size);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw new PackRefused('malformed', 'not UTF-8 text');
  }
}

function classify(err: unknown, signal: AbortSignal, online: () => boolean): PackRefused {
  if (err instanceof PackRefused) return err;
  if (signal.aborted && signal.reason instanceof PackRefused) return signal.reason;
  if (!online()) return new PackRefused('offline', 'the browser is offline');
  return new PackRefused('network', (err as Error)?.message ?? String(err));
}
