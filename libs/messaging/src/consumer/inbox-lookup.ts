// "Is the token's event in the inbox yet?" for every waiting reader at once. One query per reader per
// poll (every 15 ms) put hundreds of queries a second on the pool the consumer itself applies events
// through, when many reads wait (issue #8). Here the questions asked while a query runs are answered
// together by the next one: at most one query in flight per consumer, whatever the number of readers.
import type { Position } from '@ishc/event-store';
import type { Pool } from 'pg';
import type { ServiceName } from '../transport.port';
import { foundInInbox, inboxKey } from './inbox';

interface Question {
  source: ServiceName;
  position: Position;
  answers: { resolve(found: boolean): void; reject(error: unknown): void }[];
}

const MAX_BIGINT = 2n ** 63n - 1n;
const MAX_XID8 = 2n ** 64n - 1n;

/** Outside the columns' ranges a position cannot be in the inbox, and in a shared query it would fail everyone's. */
function fitsTheInbox(position: Position): boolean {
  try {
    const transactionId = BigInt(position.transactionId);
    const globalPosition = BigInt(position.globalPosition);
    return transactionId >= 0n && transactionId <= MAX_XID8 && globalPosition >= 0n && globalPosition <= MAX_BIGINT;
  } catch {
    return false;
  }
}

export function inboxLookup(pool: Pool, consumer: string): (source: ServiceName, position: Position) => Promise<boolean> {
  let asked = new Map<string, Question>();
  let querying = false;

  const queryNext = async () => {
    if (querying || asked.size === 0) return;
    querying = true;
    const questions = asked;
    asked = new Map();
    try {
      const found = await foundInInbox(pool, consumer, [...questions.values()]);
      for (const [key, question] of questions) question.answers.forEach((answer) => answer.resolve(found.has(key)));
    } catch (error) {
      for (const question of questions.values()) question.answers.forEach((answer) => answer.reject(error));
    } finally {
      querying = false;
      void queryNext();
    }
  };

  return async (source, position) => {
    if (!fitsTheInbox(position)) return false;
    return new Promise<boolean>((resolve, reject) => {
      const key = inboxKey(source, position);
      let question = asked.get(key);
      if (!question) {
        question = { source, position, answers: [] };
        asked.set(key, question);
      }
      question.answers.push({ resolve, reject });
      void queryNext();
    });
  };
}
