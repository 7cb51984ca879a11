/** An editable list of strings (muted terms, sites): add with validation, remove one by one. */
import { useState } from 'preact/hooks';
import { t } from './i18n';

export function ListEditor(p: {
  id: string;
  label: string;
  placeholder: string;
  items: string[];
  normalize(s: string): string;
  invalid: string;
  onChange(items: string[]): void;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const v = p.normalize(draft);
    if (!v) return setError(p.invalid);
    setError('');
    setDraft('');
    if (!p.items.includes(v)) p.onChange([...p.items, v]);
  };
  return (
    <div class="list-editor">
      <form class="add" onSubmit={add}>
        <label for={p.id}>{p.label}</label>
        <div class="row">
          <input
            type="text"
            id={p.id}
            value={draft}
            placeholder={p.placeholder}
            aria-invalid={!!error}
            aria-describedby={error ? `${p.id}-error` : undefined}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{t('options.add')}</button>
        </div>
        {error && (
          <p class="field-error" id={`${p.id}-error`} role="alert">
            {error}
          </p>
        )}
      </form>
      {p.items.length > 0 && (
        <ul class="chips" aria-label={p.label}>
          {p.items.map((item) => (
            <li class="chip" key={item}>
              <span>{item}</span>
              <button type="button" aria-label={t('options.removeItem', { item })} onClick={() => p.onChange(p.items.filter((x) => x !== item))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
