/** The card's English words in code and in locales/en.yml are the same, so no string drifts. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { CARD_WORDS } from '../../src/core/words';

describe('card words', () => {
  it('match locales/en.yml card.* one to one', async () => {
    const msgs = await parseMessagesFile(join(import.meta.dirname, '../../locales/en.yml'));
    const card = Object.fromEntries(
      msgs.filter((m) => m.key[0] === 'card').map((m) => [m.key.slice(1).join('.'), (m as unknown as { message: string }).message]),
    );
    expect(card).toEqual({ ...CARD_WORDS });
  });
});
