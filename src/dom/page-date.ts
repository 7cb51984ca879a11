/**
 * The page's publish date, read from what publishers put there: article:published_time and
 * similar meta tags, JSON-LD datePublished, or the first <time datetime> in the article.
 */

const META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
];

const ISO = /^(\d{4}-\d{2}-\d{2})/;

function iso(value: string | null | undefined): string | null {
  const m = value?.trim().match(ISO);
  return m ? m[1] : null;
}

function fromJsonLd(node: unknown, depth = 0): string | null {
  if (!node || typeof node !== 'object' || depth > 4) return null;
  if (Array.isArray(node)) {
    for (const n of node) {
      const d = fromJsonLd(n, depth + 1);
      if (d) return d;
    }
    return null;
  }
  const o = node as Record<string, unknown>;
  const d = iso(typeof o.datePublished === 'string' ? o.datePublished : null);
  if (d) return d;
  return fromJsonLd(o['@graph'], depth + 1);
}

export function readPublishDate(doc: Document): string | null {
  for (const sel of META) {
    const d = iso(doc.querySelector(sel)?.getAttribute('content'));
    if (d) return d;
  }
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const d = fromJsonLd(JSON.parse(s.textContent ?? ''));
      if (d) return d;
    } catch {
      // A site's broken JSON-LD is not our error.
    }
  }
  const t = doc.querySelector('article time[datetime], main time[datetime], time[pubdate][datetime], time[datetime]');
  return iso(t?.getAttribute('datetime'));
}
