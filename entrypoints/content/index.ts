import { defineContentScript } from 'wxt/utils/define-content-script';
import { firstStage } from '@/src/dom/first-stage';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    void firstStage(ctx).catch((err) => console.warn(`ModelLens: ${String(err)}`));
  },
});
