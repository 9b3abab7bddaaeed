type ExitSignal = 'SIGTERM' | 'SIGINT';

/**
 * Flushes spans before the process goes away, without cutting short anyone else's shutdown:
 * - on SIGTERM/SIGINT, while another listener is registered (Nest's enableShutdownHooks closes the app
 *   and then re-raises the signal), only flush and wait;
 * - once ours is the last listener, shut the SDK down and re-raise the signal so the process ends the
 *   way it would have without us (exit code 128 + signal);
 * - on 'beforeExit' (the event loop drained by itself), shut down once.
 */
export function shutdownOnExit(
  tracing: { flush(): Promise<void>; shutdown(): Promise<void> },
  proc: NodeJS.Process = process,
): () => void {
  let shutDown: Promise<void> | null = null;
  const shutdownOnce = () => (shutDown ??= tracing.shutdown().catch(() => undefined));

  const handlers = (['SIGTERM', 'SIGINT'] as ExitSignal[]).map((signal) => {
    const onSignal = async () => {
      if (proc.listenerCount(signal) > 1) {
        await tracing.flush().catch(() => undefined);
        return;
      }
      proc.removeListener(signal, onSignal);
      await shutdownOnce();
      proc.kill(proc.pid, signal);
    };
    proc.on(signal, onSignal);
    return { signal, onSignal };
  });
  const onBeforeExit = () => void shutdownOnce();
  proc.once('beforeExit', onBeforeExit);

  return () => {
    for (const { signal, onSignal } of handlers) proc.removeListener(signal, onSignal);
    proc.removeListener('beforeExit', onBeforeExit);
  };
}
