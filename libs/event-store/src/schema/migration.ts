/** One versioned, append-only step of the event store's schema. Never edit one that has shipped: add the next. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
