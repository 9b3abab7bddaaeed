/** A JSON body as an object to merge path parameters into; anything else validates as empty. */
export function asObject(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
