/**
 * The card for a looked-up text the knowledge lacks (context menu "Look up ‹selection› in
 * ModelLens"): says so and offers the knowledge browser with the text as its search.
 */
import type { Tr } from '../core/words';

export interface LookupMissProps {
  tr: Tr;
  query: string;
  onSearch(): void;
  onClose(): void;
}

export function LookupMiss({ tr, query, onSearch, onClose }: LookupMissProps) {
  const titleId = 'modellens-card-title';
  return (
    <div class="card lookup-miss" role="dialog" tabIndex={-1} aria-labelledby={titleId}>
      <div class="head">
        <div class="title">
          <h2 id={titleId} class="name">
            {query}
          </h2>
        </div>
        <div class="tools">
          <button type="button" class="icon" title={tr('closeHint')} aria-label={tr('close')} onClick={onClose}>
            ×
          </button>
        </div>
      </div>
      <p class="summary">{tr('lookupMiss')}</p>
      <p>
        <a
          href="#"
          class="search-knowledge"
          onClick={(e) => {
            e.preventDefault();
            onSearch();
          }}
        >
          {tr('lookupSearch')}
        </a>
      </p>
    </div>
  );
}
