import { ValidationError } from '../errors/http-errors';
import { formatConsistencyToken, parseConsistencyTokens } from './consistency-token';
import { WriteTracker } from './write-tracker';

describe('consistency tokens', () => {
  it('round-trips <service>:<transactionId>:<globalPosition>', () => {
    const token = formatConsistencyToken('registry', { transactionId: '9007199254740993', globalPosition: '42' });
    expect(token).toBe('registry:9007199254740993:42');
    expect(parseConsistencyTokens(`${token}, activities:7:8`)).toEqual([
      { service: 'registry', position: { transactionId: '9007199254740993', globalPosition: '42' } },
      { service: 'activities', position: { transactionId: '7', globalPosition: '8' } },
    ]);
    expect(parseConsistencyTokens(['registry:1:2', 'reporting:3:4'])).toHaveLength(2);
    expect(parseConsistencyTokens(undefined)).toEqual([]);
    expect(parseConsistencyTokens('')).toEqual([]);
  });

  it('rejects malformed tokens with a 400 naming consistentWith', () => {
    for (const bad of ['registry:1', 'billing:1:2', 'registry:x:2', 'registry:1:2,registry:-1:2']) {
      let thrown: unknown;
      try {
        parseConsistencyTokens(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).status).toBe(400);
      expect((thrown as ValidationError).errors?.map((e) => e.field)).toEqual(['consistentWith']);
    }
  });
});

describe('WriteTracker', () => {
  it('keeps the latest append of the current scope only', async () => {
    const tracker = new WriteTracker();
    tracker.recordAppend({ lastPosition: { transactionId: '1', globalPosition: '1' } }); // outside a scope: ignored
    const last = await tracker.run(async () => {
      tracker.recordAppend({ lastPosition: { transactionId: '5', globalPosition: '10' } });
      tracker.recordAppend({ lastPosition: { transactionId: '5', globalPosition: '12' } });
      const inner = await tracker.run(async () => tracker.lastPosition);
      expect(inner).toBeNull();
      return tracker.lastPosition;
    });
    expect(last).toEqual({ transactionId: '5', globalPosition: '12' });
    expect(tracker.lastPosition).toBeNull();
  });
});
