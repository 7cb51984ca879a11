/**
 * Build-time configuration of the knowledge pack client (src/background/pack-schedule.ts):
 *   MODELLENS_UPDATE_URL         where the signed pack is published (default: the project's)
 *   MODELLENS_UPDATE_PUBLIC_KEY  base64 SPKI of the key packs must be signed with (default: the project's)
 * End-to-end test builds (WXT_E2E=1) default to no URL, so no test ever reaches the network; the
 * pack tests point them at a local server.
 */
export const DEFAULT_UPDATE_URL = 'https://modellens.dev/knowledge/pack.json';
/** The project's Ed25519 public key. Its private half never enters the repository (README: Knowledge updates). */
export const DEFAULT_UPDATE_PUBLIC_KEY = 'MCowBQYDK2VwAyEAmuWFN5kQGkjR+uUiiatCRfLz0qjnm1tjmryp9HAcsYs=';

export function updateDefines(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const url = env.MODELLENS_UPDATE_URL ?? (env.WXT_E2E ? '' : DEFAULT_UPDATE_URL);
  const key = env.MODELLENS_UPDATE_PUBLIC_KEY ?? DEFAULT_UPDATE_PUBLIC_KEY;
  if (url && !/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))
    throw new Error(`MODELLENS_UPDATE_URL must be https (or http on localhost): ${url}`);
  if (url.includes('?')) throw new Error('MODELLENS_UPDATE_URL must not carry a query string');
  if (!/^[A-Za-z0-9+/]+=*$/.test(key)) throw new Error('MODELLENS_UPDATE_PUBLIC_KEY must be base64 (SPKI)');
  return { __MODELLENS_UPDATE_URL__: JSON.stringify(url), __MODELLENS_UPDATE_PUBLIC_KEY__: JSON.stringify(key) };
}
