import { Position, RecordedEvent } from '../types';

/** The subscription position of a recorded event: what a checkpoint stores after processing it. */
export function positionOf(event: Pick<RecordedEvent, 'transactionId' | 'globalPosition'>): Position {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}
