declare module 'virtual:modellens-entries' {
  const entries: Record<string, import('./knowledge/schema').Entry>;
  export default entries;
}
declare module '*.css?inline' {
  const css: string;
  export default css;
}
declare module 'virtual:modellens-locales' {
  /** language → flat message key (`popup_title`) → message */
  const locales: Record<string, Record<string, string>>;
  export default locales;
}
declare module 'virtual:modellens-knowledge-date' {
  /** The newest `reviewed` day of the bundled knowledge (YYYY-MM-DD), null without entries. */
  const date: string | null;
  export default date;
}
declare module 'virtual:modellens-index' {
  /** The bundled compiled index with its fingerprint (the background's probe, src/background/probe.ts). */
  const index: import('./background/probe').BundledIndex;
  export default index;
}
