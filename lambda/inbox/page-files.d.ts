// The inbox page's files, imported as text by lambda/inbox.ts (esbuild's `with { type: 'text' }`).
declare module '*.html' {
  const text: string;
  export default text;
}
declare module '*.css' {
  const text: string;
  export default text;
}
