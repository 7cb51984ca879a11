import { defineContentScript } from 'wxt/utils/define-content-script';
import { start } from '@/src/dom/start';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    void start(ctx);
  },
});
