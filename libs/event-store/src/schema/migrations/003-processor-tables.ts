import { Migration } from '../migration';

// These live in the CONSUMER's database: a processor commits its effect and its checkpoint together there,
// whichever database it reads events from.
export const processorTables: Migration = {
  version: 3,
  name: 'processor tables',
  sql: `
    -- A checkpoint is the subscription-order pair (transaction_id, global_position), never the position alone.
    CREATE TABLE checkpoints (
      processor_id    text NOT NULL,
      partition       text NOT NULL,
      transaction_id  xid8 NOT NULL,
      global_position bigint NOT NULL,
      updated_at      timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (processor_id, partition)
    );

    -- The advisory lock gives exclusion among live sessions; this row makes a successor wait out the lease,
    -- so a holder whose connection dropped has time to notice and stop before anyone else starts.
    CREATE TABLE processor_leases (
      processor_id text PRIMARY KEY,
      holder       text NOT NULL,
      acquired_at  timestamptz NOT NULL,
      expires_at   timestamptz NOT NULL
    );
  `,
};
