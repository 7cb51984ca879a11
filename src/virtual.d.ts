declare module 'virtual:modellens-entries' {
  const entries: Record<string, import('./knowledge/schema').Entry>;
  export default entries;
}
declare module '*.css?inline' {
  const css: string;
  export default css;
}
