/** Two entries side by side: the rows a reader compares first. */
import type { Entry } from '../knowledge/schema';
import { formatDate, formatTokens, KIND_LABEL, statusLine } from '../core/status';

type Row = [label: string, get: (e: Entry) => string];

const dash = '—';
const ROWS: Row[] = [
  ['Vendor', (e) => e.vendor],
  ['Kind', (e) => KIND_LABEL[e.kind]],
  ['Status', (e) => statusLine(e)],
  ['Released', (e) => (e.released ? formatDate(e.released.value) : dash)],
  ['Context', (e) => (e.specs?.value.context ? formatTokens(e.specs.value.context) : dash)],
  ['Max output', (e) => (e.specs?.value.output ? formatTokens(e.specs.value.output) : dash)],
  ['Input', (e) => e.specs?.value.input?.join(', ') ?? dash],
  ['Weights', (e) => (e.specs?.value.openWeights === undefined ? dash : e.specs.value.openWeights ? 'Open' : 'Closed')],
  ['Knowledge cutoff', (e) => (e.specs?.value.knowledgeCutoff ? formatDate(e.specs.value.knowledgeCutoff) : dash)],
];

export function Compare({ a, b, onClose }: { a: Entry; b: Entry; onClose(): void }) {
  return (
    <section class="compare" aria-label={`Compare ${a.name} and ${b.name}`}>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <span class="sr-only">Field</span>
            </th>
            <th scope="col">{a.name}</th>
            <th scope="col">{b.name}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, get]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{get(a)}</td>
              <td>{get(b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="fine">
        Specs as of {a.specs ? formatDate(a.specs.asOf) : dash} / {b.specs ? formatDate(b.specs.asOf) : dash}; sources on each card.{' '}
        <button type="button" class="link" onClick={onClose}>
          Back
        </button>
      </div>
    </section>
  );
}
