/**
 * The most telling short reason of a failed network call: the system error code (ECONNREFUSED…) of the
 * error or of its cause (fetch wraps it as "fetch failed"), else the message. Duck-typed rather than
 * `instanceof Error`, which fails for errors made in another realm (undici's, seen from a jest sandbox).
 */
export function errorCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; e = Reflect.get(e, 'cause'), depth++) {
    const code = Reflect.get(e, 'code');
    if (typeof code === 'string' && code.length > 0 && !code.startsWith('UND_ERR_SOCKET')) return code;
  }
  const message = typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
  return typeof message === 'string' ? message : String(error);
}
