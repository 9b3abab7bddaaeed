import { describeWith } from '../testing/test-fixtures';
import { transportContract } from '../testing/transport-contract';
import { quietLogger } from '../testing/quiet-logger';
import { createEmbeddedTransport } from './embedded-transport';

describeWith(['postgres'], 'embedded transport', () => {
  transportContract({
    kind: 'embedded',
    spreadsStreamsOverPartitions: false,
    createTransport: ({ sources, tracing }) =>
      createEmbeddedTransport({
        sources,
        tracing,
        logger: quietLogger(),
        // A crashed instance's lease must expire before its successor may start: keep that wait short.
        processor: { leaseMs: 2_000, idleWaitMs: 500, retry: { initialMs: 20, maxMs: 500 } },
      }),
  });
});
