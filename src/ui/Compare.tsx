/** Two entries side by side: the rows a reader compares first. */
import type { Entry } from '../knowledge/schema';
import { formatDate, formatTokens, kindLabel, statusLine } from '../core/status';
import type { CardWord, Tr } from '../core/words';
import { useTr } from './tr';

type Row = [label: CardWord, get: (e: Entry, tr: Tr, today: string) => string];

const dash = '—';
const ROWS: Row[] = [
  ['vendor', (e) => e.vendor],
  ['kind', (e, tr) => kindLabel(e.kind, tr)],
  ['status', (e, tr, today) => statusLine(e, today, tr)],
  ['releasedCol', (e) => (e.released ? formatDate(e.released.value) : dash)],
  ['context', (e) => (e.specs?.value.context ? formatTokens(e.specs.value.context) : dash)],
  ['maxOutput', (e) => (e.specs?.value.output ? formatTokens(e.specs.value.output) : dash)],
  ['input', (e) => e.specs?.value.input?.join(', ') ?? dash],
  ['weights', (e, tr) => (e.specs?.value.openWeights === undefined ? dash : e.specs.value.openWeights ? tr('weightsOpen') : tr('weightsClosed'))],
  ['cutoff', (e) => (e.specs?.value.knowledgeCutoff ? formatDate(e.specs.value.knowledgeCutoff) : dash)],
];

export function Compare({ a, b, today, onClose }: { a: Entry; b: Entry; today: string; onClose(): void }) {
  const tr = useTr();
  return (
    <section class="compare" aria-label={tr('compareLabel', { a: a.name, b: b.name })}>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <span class="sr-only">{tr('field')}</span>
            </th>
            <th scope="col">{a.name}</th>
            <th scope="col">{b.name}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, get]) => (
            <tr key={label}>
              <th scope="row">{tr(label)}</th>
              <td>{get(a, tr, today)}</td>
              <td>{get(b, tr, today)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="fine">
        {tr('compareNote', { a: a.specs ? formatDate(a.specs.asOf) : dash, b: b.specs ? formatDate(b.specs.asOf) : dash })}{' '}
        <button type="button" class="link" onClick={onClose}>
          {tr('back')}
        </button>
      </div>
    </section>
  );
}
