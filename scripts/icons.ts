/**
 * Icons in every size from one source, assets/icon.svg, rendered with @resvg/resvg-js (an npm
 * package with prebuilt binaries: no system library, works offline after npm install).
 * Used by the build (wxt.config.ts adds the PNGs as public assets) and by `npm run icons`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SOURCE = resolve(import.meta.dirname ?? __dirname, '../assets/icon.svg');
/** Toolbar (16, 32), extension management (48), store and install prompts (96, 128). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

export function renderIcon(size: number, svg = readFileSync(ICON_SOURCE, 'utf8')): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Write icon/<size>.png under `dir`; returns the written paths relative to `dir`. */
export function writeIcons(dir: string): string[] {
  const svg = readFileSync(ICON_SOURCE, 'utf8');
  mkdirSync(join(dir, 'icon'), { recursive: true });
  return ICON_SIZES.map((s) => {
    const rel = `icon/${s}.png`;
    writeFileSync(join(dir, rel), renderIcon(s, svg));
    return rel;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const out = resolve(process.argv[2] ?? 'node_modules/.cache/modellens-icons');
  console.log(writeIcons(out).map((p) => join(out, p)).join('\n'));
}
