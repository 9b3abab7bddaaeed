import { PostgresEventStore } from '../store/postgres-event-store';
import { comparePositions, Position } from '../types';
import { eventually } from './eventually';

/**
 * Waits until subscribers can see `position`. Any transaction open anywhere on the test server (another
 * suite's, running in parallel) legitimately holds readAll back, so a test that reads all must wait for
 * the horizon first rather than assume its own commit is visible at once.
 */
export async function untilVisible(store: PostgresEventStore, position: Position): Promise<void> {
  await eventually(async () => {
    const head = await store.headPosition();
    if (comparePositions(head, position) < 0) throw new Error(`head ${JSON.stringify(head)} is behind ${JSON.stringify(position)}`);
  }, 50_000);
}
