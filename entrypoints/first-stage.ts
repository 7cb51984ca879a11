/**
 * The manifest's content script, in every frame: src/dom/first-stage.ts. A plain script (not a
 * WXT content script) so that a frame without text touches no extension API at all.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { firstStage } from '@/src/dom/first-stage';

export default defineUnlistedScript(() => {
  void firstStage().catch((err) => console.warn(`ModelLens: ${String(err)}`));
});
