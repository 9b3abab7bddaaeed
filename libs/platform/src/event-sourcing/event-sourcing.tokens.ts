/** The service's own PostgresEventStore (on PG_POOL). */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The EventTransport chosen by configuration (embedded or Kafka). */
export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
