/** `npm run dev`'s browser for the machine it runs on (scripts/dev-browser.ts). */
import { describe, expect, it } from 'vitest';
import { devBrowser } from '../../scripts/dev-browser';

describe('dev browser', () => {
  it('an ordinary user with a display: WXT defaults, nothing to say', () => {
    expect(devBrowser({ platform: 'linux', uid: 1000, env: { DISPLAY: ':0' } })).toEqual({ config: {}, notes: [] });
    expect(devBrowser({ platform: 'linux', uid: 1000, env: { WAYLAND_DISPLAY: 'wayland-0' } }).config).toEqual({});
  });

  it('root with a display: Chromium gets --no-sandbox, and the reader is told', () => {
    const b = devBrowser({ platform: 'linux', uid: 0, env: { DISPLAY: ':99' } });
    expect(b.config).toEqual({ chromiumArgs: ['--no-sandbox'] });
    expect(b.notes.join(' ')).toMatch(/root.*--no-sandbox/);
  });

  it('no display (root or not): no browser is opened, and the notes say what to do', () => {
    for (const uid of [0, 1000]) {
      const b = devBrowser({ platform: 'linux', uid, env: {} });
      expect(b.config).toEqual({ disabled: true });
      expect(b.notes.join(' ')).toMatch(/No display/);
      expect(b.notes.join(' ')).toMatch(/xvfb-run npm run dev/);
      expect(b.notes.join(' ')).toMatch(/chrome-mv3-dev/);
    }
  });

  it('macOS and Windows have no DISPLAY and no root sandbox rule: WXT defaults', () => {
    expect(devBrowser({ platform: 'darwin', uid: 501, env: {} })).toEqual({ config: {}, notes: [] });
    expect(devBrowser({ platform: 'win32', uid: undefined, env: {} })).toEqual({ config: {}, notes: [] });
  });
});
