import { Injectable } from '@nestjs/common';
import { ConsistencyToken, ServiceUnavailableError, ValidationError } from '@ishc/platform';
import { PROJECTED_SOURCES, ProjectionConsumer } from '../projections/projection-consumer';

/** API.md: a read with `consistentWith` waits up to 10 s for the projections, then answers 503. */
export const CONSISTENCY_WAIT_MS = 10_000;
const POLL_MS = 15;

@Injectable()
export class ReadYourWrites {
  constructor(private readonly projections: ProjectionConsumer) {}

  /** Resolves once every token's write has been projected; throws 503 (Retry-After) past the limit. */
  async waitFor(tokens: ConsistencyToken[], timeoutMs = CONSISTENCY_WAIT_MS): Promise<void> {
    // Reporting's own writes (plans) are read from the table written with their events: already visible.
    const unknown = tokens.filter((t) => t.service !== 'reporting' && !PROJECTED_SOURCES.includes(t.service));
    if (unknown.length > 0) {
      throw new ValidationError([{ field: 'consistentWith', message: `reporting does not project ${unknown.map((t) => t.service).join(', ')} events yet` }]);
    }
    const deadline = Date.now() + timeoutMs;
    const consumer = this.projections.running();
    for (const token of tokens.filter((t) => t.service !== 'reporting')) {
      while (!(await consumer.isProcessed(token.service, token.position))) {
        if (Date.now() >= deadline) {
          throw new ServiceUnavailableError(`The projections have not reached ${token.service}'s write yet; retry shortly.`, 1);
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
  }
}
