// virtual:embedded-files (build/offline.ts): the preset files, embedded in the single-file build; null otherwise.
declare module 'virtual:embedded-files' {
  const files: Readonly<Record<string, string>> | null;
  export default files;
}
