import { DeciderSpecification } from './decider-spec';

// A tiny decider written for this spec: a counter that opens once and refuses to go above a limit.
type Command = { type: 'open' } | { type: 'add'; amount: number };
type Event = { type: 'opened' } | { type: 'added'; amount: number } | { type: 'limit-reached' };
interface State {
  open: boolean;
  total: number;
}

class NotOpenError extends Error {}
class OverLimitError extends Error {
  constructor(readonly total: number) {
    super(`over the limit at ${total}`);
  }
}

const LIMIT = 10;

const counter = {
  initialState: (): State => ({ open: false, total: 0 }),
  evolve(state: State, event: Event): State {
    switch (event.type) {
      case 'opened':
        return { ...state, open: true };
      case 'added':
        return { ...state, total: state.total + event.amount };
      case 'limit-reached':
        return state;
    }
  },
  decide(command: Command, state: State): Event | Event[] {
    if (command.type === 'open') return state.open ? [] : { type: 'opened' };
    if (!state.open) throw new NotOpenError('not open');
    const total = state.total + command.amount;
    if (total > LIMIT) throw new OverLimitError(total);
    return total === LIMIT ? [{ type: 'added', amount: command.amount }, { type: 'limit-reached' }] : [{ type: 'added', amount: command.amount }];
  },
};

const given = DeciderSpecification.for(counter);

describe('DeciderSpecification', () => {
  it('folds the given events and compares the decided ones (single event or array)', () => {
    given([]).when({ type: 'open' }).then({ type: 'opened' });
    given([{ type: 'opened' }]).when({ type: 'add', amount: 3 }).then([{ type: 'added', amount: 3 }]);
    given([{ type: 'opened' }, { type: 'added', amount: 4 }])
      .when({ type: 'add', amount: 6 })
      .then([{ type: 'added', amount: 6 }, { type: 'limit-reached' }]);
  });

  it('offers given() as a method too', () => {
    DeciderSpecification.for(counter).given({ type: 'opened' }).when({ type: 'open' }).thenNothingHappened();
  });

  it('fails then() when the decided events differ', () => {
    expect(() => given({ type: 'opened' }).when({ type: 'add', amount: 3 }).then({ type: 'added', amount: 4 })).toThrow();
    expect(() => given({ type: 'opened' }).when({ type: 'open' }).then({ type: 'opened' })).toThrow();
  });

  it('fails thenNothingHappened() when events were decided', () => {
    expect(() => given([]).when({ type: 'open' }).thenNothingHappened()).toThrow();
  });

  it('lets a domain error surface from then(), rather than hiding it', () => {
    expect(() => given([]).when({ type: 'add', amount: 1 }).then([])).toThrow(NotOpenError);
  });

  it('matches a thrown error by class, by class and check, or by predicate', () => {
    given([]).when({ type: 'add', amount: 1 }).thenThrows(NotOpenError);
    given({ type: 'opened' })
      .when({ type: 'add', amount: 11 })
      .thenThrows(OverLimitError, (e) => e.total === 11);
    given({ type: 'opened' })
      .when({ type: 'add', amount: 11 })
      .thenThrows((e: Error) => e.message.includes('limit'));
    given([]).when({ type: 'add', amount: 1 }).thenThrows();
  });

  it('fails thenThrows() on the wrong class, a failed check, a false predicate, or no error at all', () => {
    expect(() => given([]).when({ type: 'add', amount: 1 }).thenThrows(OverLimitError)).toThrow();
    expect(() =>
      given({ type: 'opened' })
        .when({ type: 'add', amount: 11 })
        .thenThrows(OverLimitError, (e) => e.total === 12),
    ).toThrow(/did not pass the check/);
    expect(() => given([]).when({ type: 'add', amount: 1 }).thenThrows(() => false)).toThrow(/did not match the predicate/);
    expect(() => given({ type: 'opened' }).when({ type: 'add', amount: 1 }).thenThrows(NotOpenError)).toThrow(/expected decide to throw/);
  });

  it('starts every scenario from a fresh initial state', () => {
    let created = 0;
    const spec = DeciderSpecification.for({ ...counter, initialState: () => (created++, counter.initialState()) });
    spec([]).when({ type: 'open' }).then({ type: 'opened' });
    spec([]).when({ type: 'open' }).then({ type: 'opened' });
    expect(created).toBe(2);
  });

  it('accepts a plain initial state value', () => {
    DeciderSpecification.for({ ...counter, initialState: { open: true, total: 9 } })
      .given([])
      .when({ type: 'add', amount: 1 })
      .then([{ type: 'added', amount: 1 }, { type: 'limit-reached' }]);
  });
});
