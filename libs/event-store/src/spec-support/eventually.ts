/**
 * Retries `probe` until it stops throwing (an assertion that must become true, e.g. a lease noticing its
 * connection died). The timeout only bounds a broken test; it is not what the test asserts.
 */
export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 20_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}
