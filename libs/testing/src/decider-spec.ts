// Given/when/then for pure deciders (Emmett's DeciderSpecification): the history is folded with `evolve`,
// the command decided against the resulting state, and the outcome compared: events, nothing, or an error.
// No mocks and no I/O, so a domain rule is specified by example in a few lines.

export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event | Event[];
  evolve(state: State, event: Event): State;
  /** The state before any event; a function is called once per scenario (fresh mutable state). */
  initialState: State | (() => State);
}

/** An Error subclass (checked with instanceof). */
export type ErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;

export interface DeciderScenario<Event> {
  /** decide returned exactly these events, in this order (deep equality). */
  then(expected: Event | Event[]): void;
  /** decide returned no events (an idempotent repeat, for instance). */
  thenNothingHappened(): void;
  /**
   * decide threw. With a class, the error must be an instance of it (and pass `check` if given);
   * with a predicate, the predicate must return true for it.
   */
  thenThrows<E extends Error = Error>(expectation?: ErrorClass<E> | ((error: E) => boolean), check?: (error: E) => boolean): void;
}

export interface DeciderGiven<Command, Event> {
  when(command: Command): DeciderScenario<Event>;
}

/** `given(events)` also works as a plain function: `const given = DeciderSpecification.for(d)`. */
export interface DeciderSpecification<Command, Event> {
  (events?: Event | Event[]): DeciderGiven<Command, Event>;
  given(events?: Event | Event[]): DeciderGiven<Command, Event>;
}

export const DeciderSpecification = {
  for<Command, Event, State>(decider: Decider<Command, Event, State>): DeciderSpecification<Command, Event> {
    const given = (events: Event | Event[] = []): DeciderGiven<Command, Event> => ({
      when: (command) => scenario(decider, asArray(events), command),
    });
    return Object.assign(given, { given });
  },
};

function scenario<Command, Event, State>(decider: Decider<Command, Event, State>, history: Event[], command: Command): DeciderScenario<Event> {
  // Deciding lazily keeps a throwing decide inside the assertion that expects (or does not expect) it.
  const decide = (): Event[] => {
    const state = history.reduce((current, event) => decider.evolve(current, event), initialStateOf(decider.initialState));
    return asArray(decider.decide(command, state));
  };
  return {
    then(expected) {
      expect(decide()).toEqual(asArray(expected));
    },
    thenNothingHappened() {
      expect(decide()).toEqual([]);
    },
    thenThrows<E extends Error>(expectation?: ErrorClass<E> | ((error: E) => boolean), check?: (error: E) => boolean) {
      let events: Event[];
      try {
        events = decide();
      } catch (error) {
        assertExpectedError(error, expectation, check);
        return;
      }
      throw new Error(`expected decide to throw, but it returned ${JSON.stringify(events)}`);
    },
  };
}

function assertExpectedError<E extends Error>(error: unknown, expectation?: ErrorClass<E> | ((error: E) => boolean), check?: (error: E) => boolean): void {
  if (expectation === undefined) return;
  if (isErrorClass(expectation)) {
    expect(error).toBeInstanceOf(expectation);
    if (check && !check(error as E)) throw new Error(`the thrown ${describeError(error)} did not pass the check`);
    return;
  }
  if (!expectation(error as E)) throw new Error(`the thrown ${describeError(error)} did not match the predicate`);
}

// Classes extending Error have Error.prototype in their prototype chain; predicates (arrows) have none.
function isErrorClass<E extends Error>(value: ErrorClass<E> | ((error: E) => boolean)): value is ErrorClass<E> {
  const candidate: unknown = value;
  return candidate === Error || value.prototype instanceof Error;
}

function initialStateOf<State>(initial: State | (() => State)): State {
  return typeof initial === 'function' ? (initial as () => State)() : initial;
}

function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
}
