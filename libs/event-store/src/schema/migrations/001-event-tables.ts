import { Migration } from '../migration';

// `stream_type` is denormalised onto events so subscribers (relay, projections) can filter by aggregate
// kind without a join. `transaction_id` is what makes subscriptions gap-safe: see DESIGN §4 and readAll.
export const eventTables: Migration = {
  version: 1,
  name: 'event tables',
  sql: `
    CREATE TABLE streams (
      stream_id   text PRIMARY KEY,
      stream_type text NOT NULL,
      version     bigint NOT NULL CHECK (version >= 0),
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE events (
      global_position bigserial PRIMARY KEY,
      transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
      stream_id       text NOT NULL REFERENCES streams (stream_id),
      stream_type     text NOT NULL,
      stream_version  bigint NOT NULL CHECK (stream_version >= 1),
      event_id        uuid NOT NULL UNIQUE,
      type            text NOT NULL,
      schema_version  int NOT NULL DEFAULT 1,
      data            jsonb NOT NULL,
      metadata        jsonb NOT NULL,
      recorded_at     timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream_id, stream_version)
    );

    -- Subscription order: readAll and headPosition walk this index.
    CREATE INDEX events_subscription_order ON events (transaction_id, global_position);
  `,
};
