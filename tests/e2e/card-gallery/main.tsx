/**
 * Every entry of the knowledge through the real card component and styles, for measuring the
 * compact card in real browsers (tests/e2e/card-every-entry.test.ts). Each card is drawn in a
 * card layer as on a page (380 px wide), one batch at a time, in one shadow root.
 */
import { h, render } from 'preact';
import entries from 'virtual:modellens-entries';
import type { Entry } from '../../../src/knowledge/schema';
import { Card } from '../../../src/ui/Card';
import { timelineNote } from '../../../src/core/timeline';
import { modelEvents } from '../../../src/core/lifecycle';
import cardCss from '../../../src/ui/card.css?inline';

export interface Variant {
  id: string;
  /** The page's publish date (the timeline note it gives), or none. */
  pageDate: string | null;
  unknownVersion?: string;
}

export interface Measured extends Variant {
  height: number;
  width: number;
  scrolls: boolean;
  statusVisible: boolean;
  summaryVisible: boolean;
  timeline: boolean;
  /** News facts in the first view. */
  facts: number;
  factsInEntry: number;
}

const all = entries as unknown as Record<string, Entry>;
const OTHERS = [
  { id: 'openai/gpt-5-4', name: 'GPT-5.4', vendor: 'OpenAI', kind: 'model' as const },
  { id: 'google/gemini-2-5-pro', name: 'Gemini 2.5 Pro', vendor: 'Google', kind: 'model' as const },
];

/** The page date that gives the longest timeline note for `e` on `today` (null: no date gives one). */
function longestNoteDate(e: Entry, today: string): string | null {
  const days = ['2000-01-01', today, ...modelEvents(e).map((ev) => ev.date), e.released?.value, e.announced?.value].filter(Boolean) as string[];
  const candidates = days.flatMap((d) => [d, shift(d, -1), shift(d, 1)]);
  let best: string | null = null;
  let len = 0;
  for (const d of candidates) {
    const n = timelineNote(e, d, today)?.length ?? 0;
    if (n > len) [best, len] = [d, n];
  }
  return best;
}

function shift(day: string, by: number): string {
  const t = new Date(`${day.length === 7 ? day + '-01' : day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + by);
  return t.toISOString().slice(0, 10);
}

/** Every entry without a page date, with its longest timeline note, and (families) as an unknown version. */
function variants(today: string): Variant[] {
  const out: Variant[] = [];
  for (const e of Object.values(all)) {
    out.push({ id: e.id, pageDate: null });
    const d = longestNoteDate(e, today);
    if (d) out.push({ id: e.id, pageDate: d });
    if (e.versionForms?.length) out.push({ id: e.id, pageDate: d, unknownVersion: '9.9' });
  }
  return out;
}

const host = document.getElementById('host')!;
const root = host.attachShadow({ mode: 'open' });
const style = document.createElement('style');
// As on a page, but in the flow: one card under the other.
style.textContent = cardCss + '\n.layer{position:static;transform:none;margin:0 0 8px}.card{animation:none}';
root.append(style);

function draw(v: Variant, today: string): HTMLElement {
  const e = all[v.id];
  const layer = document.createElement('div');
  layer.className = 'layer';
  root.append(layer);
  const name = v.unknownVersion ? `${e.name} ${v.unknownVersion}` : e.name;
  render(
    h(Card, {
      entry: e, links: {}, alias: name, unknownVersion: v.unknownVersion, pinned: false, today,
      timeline: timelineNote(e, v.pageDate, today), others: OTHERS, onCompare: () => {}, onPin: () => {}, onClose: () => {}, onOpen: () => {},
    }),
    layer,
  );
  return layer;
}

function measure(layer: HTMLElement, v: Variant): Measured {
  const card = layer.querySelector('.card') as HTMLElement;
  const r = card.getBoundingClientRect();
  const inside = (sel: string) => {
    const el = card.querySelector(sel);
    if (!el) return false;
    const b = el.getBoundingClientRect();
    return b.height > 0 && b.top >= r.top && b.bottom <= r.bottom;
  };
  return {
    ...v, height: r.height, width: r.width, scrolls: card.scrollHeight > card.clientHeight + 1,
    statusVisible: inside('.status'), summaryVisible: inside('.summary'), timeline: !!card.querySelector('.timeline'),
    facts: card.querySelectorAll('.facts .fact').length,
    factsInEntry: all[v.id].facts?.length ?? 0,
  };
}

/** Preact's re-renders (a card that gives up a fact for room) run after a task. */
const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
};

/** Measure every variant, `batch` cards at a time. */
async function measureAll(today: string, batch = 150): Promise<Measured[]> {
  const out: Measured[] = [];
  const list = variants(today);
  for (let i = 0; i < list.length; i += batch) {
    const drawn = list.slice(i, i + batch).map((v) => [draw(v, today), v] as const);
    await settle();
    for (const [layer, v] of drawn) out.push(measure(layer, v));
    for (const [layer] of drawn) {
      render(null, layer);
      layer.remove();
    }
  }
  return out;
}

/** Show one card (screenshots, a look by eye). */
function show(v: Variant, today: string): void {
  draw(v, today);
}

Object.assign(window, { cardGallery: { measureAll, show, count: Object.keys(all).length } });
