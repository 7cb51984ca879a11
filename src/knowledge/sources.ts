/**
 * Source classes, from the registry in vendors.json:
 * - vendor: on a vendor's own domains (site, docs, blog, status pages, official GitHub / Hugging Face orgs)
 * - reference: data sets, papers, registries (models.dev, arXiv): specs, never lifecycles
 * - community: wikis, mirrors, re-hosts, aggregators, personal and SEO sites: a last resort
 * - outlet: any other host (a named publication)
 * Pure: no fs; the registry is a JSON import.
 */
import registryJson from './vendors.json';

export type SourceClass = 'vendor' | 'outlet' | 'reference' | 'community';

export interface VendorInfo {
  name: string;
  domains: string[];
}

export interface Registry {
  vendors: Record<string, VendorInfo>;
  reference: string[];
  community: Array<{ host: string; why: string }>;
}

export const REGISTRY: Registry = registryJson as Registry;

export interface Classified {
  class: SourceClass;
  host: string;
  /** vendor: the registry key of the vendor whose domain it is. */
  vendor?: string;
  /** community: why the host counts as community. */
  why?: string;
}

/**
 * On code and model hosts the owner is the first path segment; an organisation's collections,
 * spaces, data sets and org pages (huggingface.co/collections/Qwen/…, github.com/orgs/openai/…)
 * belong to it as well.
 */
const OWNER_PREFIX: Record<string, RegExp> = {
  'huggingface.co': /^\/(collections|spaces|datasets|organizations|posts)(?=\/)/,
  'github.com': /^\/orgs(?=\/)/,
};

function hostOf(url: string): { host: string; path: string } {
  try {
    const u = new URL(url);
    let host = u.hostname.toLowerCase().replace(/^www\./, '');
    // Raw files of a GitHub repository belong to the repository's owner, as on github.com.
    if (host === 'raw.githubusercontent.com') host = 'github.com';
    let path = u.pathname.toLowerCase();
    const owner = OWNER_PREFIX[host];
    if (owner) path = path.replace(owner, '');
    return { host, path };
  } catch {
    return { host: '', path: '' };
  }
}

/** Does a registry pattern ("openai.com", "github.com/openai") cover this host and path? */
function matchesDomain(pattern: string, host: string, path: string): boolean {
  const slash = pattern.indexOf('/');
  const h = (slash < 0 ? pattern : pattern.slice(0, slash)).toLowerCase();
  // A bare domain covers its subdomains; a path prefix belongs to that one host.
  if (slash < 0) return host === h || host.endsWith('.' + h);
  if (host !== h) return false;
  const prefix = pattern.slice(slash).toLowerCase();
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}

/** Class of a source URL. Vendor domains win over the reference and community lists. */
export function classify(url: string, registry: Registry = REGISTRY): Classified {
  const { host, path } = hostOf(url);
  for (const [key, v] of Object.entries(registry.vendors))
    if (v.domains.some((d) => matchesDomain(d, host, path))) return { class: 'vendor', host, vendor: key };
  if (registry.reference.some((d) => matchesDomain(d, host, path))) return { class: 'reference', host };
  const c = registry.community.find((d) => matchesDomain(d.host, host, path));
  if (c) return { class: 'community', host, why: c.why };
  return { class: 'outlet', host };
}

/** The registry key of an entry's vendor: the prefix of its id ("anthropic" for anthropic/claude). */
export function vendorKey(id: string): string {
  return id.slice(0, id.indexOf('/'));
}

/** Is the URL on the given vendor's own domains? */
export function isVendorSource(url: string, vendor: string, registry: Registry = REGISTRY): boolean {
  const { host, path } = hostOf(url);
  return registry.vendors[vendor]?.domains.some((d) => matchesDomain(d, host, path)) ?? false;
}
