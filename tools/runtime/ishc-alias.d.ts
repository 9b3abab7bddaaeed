/** The file (without extension) an `@ishc/…` request maps to under `distRoot`, or undefined. */
export function ishcTarget(request: string, distRoot: string): string | undefined;
