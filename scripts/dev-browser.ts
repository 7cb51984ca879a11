/**
 * How `npm run dev` opens a browser (WXT's `webExt` runner config), for the machine it runs on.
 * Chromium refuses to start as root without `--no-sandbox`, and no browser starts without a
 * display; web-ext then only says "CDP connection closed before response to
 * Extensions.loadUnpacked" (or ECONNRESET). So: as root, pass `--no-sandbox`; without a display,
 * open no browser (the dev server still builds and rebuilds) and say what to do. Only `wxt` (dev)
 * reads this config; builds and tests never open a browser through it.
 */
import type { WebExtConfig } from 'wxt';

export interface DevMachine {
  platform: NodeJS.Platform;
  uid: number | undefined;
  env: Record<string, string | undefined>;
}

export interface DevBrowser {
  config: WebExtConfig;
  /** Printed when the dev server starts; empty when nothing is unusual. */
  notes: string[];
}

export function devBrowser(m: DevMachine): DevBrowser {
  const notes: string[] = [];
  if (m.platform !== 'linux') return { config: {}, notes };
  if (!m.env.DISPLAY && !m.env.WAYLAND_DISPLAY) {
    notes.push(
      'No display ($DISPLAY and $WAYLAND_DISPLAY unset): no browser is opened; the dev server still builds and rebuilds .output/chrome-mv3-dev (firefox-mv3-dev with dev:firefox).',
      'Load that folder by hand in a browser that has a display (README: Load it in your browser), or start one on a virtual display: xvfb-run npm run dev (apt-get install xvfb).',
    );
    return { config: { disabled: true }, notes };
  }
  if (m.uid === 0) {
    notes.push('Running as root: Chromium is started with --no-sandbox, as it will not start as root otherwise. Prefer an ordinary user.');
    return { config: { chromiumArgs: ['--no-sandbox'] }, notes };
  }
  return { config: {}, notes };
}

/** The dev browser for this machine. */
export function thisDevBrowser(): DevBrowser {
  return devBrowser({ platform: process.platform, uid: process.getuid?.(), env: process.env });
}
