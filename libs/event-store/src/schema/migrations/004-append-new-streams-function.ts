import { Migration } from '../migration';

// Many new streams in one statement (a bulk import): expectation `no_stream` for each, all or nothing.
// The stream rows are inserted first, in stream id order (two batches sharing streams lock them in the same
// order, so they cannot deadlock); when any of them exists already, the rows this call inserted are deleted
// again, before any event is written, and the first taken stream is returned with its actual version. Like
// ishc_append_events a conflict is returned, not raised, and leaves nothing of the batch behind, so a
// caller's own transaction stays usable (no subtransaction either: an import makes many batches in one
// transaction, and many subtransactions slow every snapshot in the cluster).
export const appendNewStreamsFunction: Migration = {
  version: 4,
  name: 'append new streams function',
  sql: `
    CREATE FUNCTION ishc_append_new_streams(
      p_streams jsonb  -- [{ stream_id, stream_type, events: [{ event_id, type, schema_version, data, metadata }] }], ids distinct
    ) RETURNS TABLE (
      conflict        boolean,
      stream_id       text,
      actual_version  bigint,
      stream_type     text,
      global_position bigint,
      transaction_id  xid8,
      stream_version  bigint,
      recorded_at     timestamptz
    )
    LANGUAGE plpgsql AS $fn$
    #variable_conflict use_column
    DECLARE
      v_created text[];
      v_taken   text;
    BEGIN
      WITH created AS (
        INSERT INTO streams AS s (stream_id, stream_type, version)
        SELECT t.x ->> 'stream_id', t.x ->> 'stream_type', jsonb_array_length(t.x -> 'events')
        FROM jsonb_array_elements(p_streams) AS t (x)
        ORDER BY t.x ->> 'stream_id'
        ON CONFLICT (stream_id) DO NOTHING
        RETURNING s.stream_id
      )
      SELECT coalesce(array_agg(c.stream_id), '{}') INTO v_created FROM created c;

      IF cardinality(v_created) < jsonb_array_length(p_streams) THEN
        DELETE FROM streams s WHERE s.stream_id = ANY (v_created);
        SELECT t.x ->> 'stream_id' INTO v_taken
        FROM jsonb_array_elements(p_streams) WITH ORDINALITY AS t (x, n)
        WHERE NOT (t.x ->> 'stream_id' = ANY (v_created))
        ORDER BY t.n
        LIMIT 1;
        -- A new statement sees the winner's committed row, so the reported version is the real one.
        RETURN QUERY
          SELECT true, v_taken, s.version, s.stream_type, NULL::bigint, NULL::xid8, NULL::bigint, NULL::timestamptz
          FROM (SELECT 1) AS one
          LEFT JOIN streams s ON s.stream_id = v_taken;
        RETURN;
      END IF;

      RETURN QUERY
        INSERT INTO events AS e (stream_id, stream_type, stream_version, event_id, type, schema_version, data, metadata)
        SELECT t.x ->> 'stream_id', t.x ->> 'stream_type', v.n, (v.y ->> 'event_id')::uuid, v.y ->> 'type',
               (v.y ->> 'schema_version')::int, v.y -> 'data', v.y -> 'metadata'
        FROM jsonb_array_elements(p_streams) WITH ORDINALITY AS t (x, m),
             jsonb_array_elements(t.x -> 'events') WITH ORDINALITY AS v (y, n)
        ORDER BY t.m, v.n
        RETURNING false, e.stream_id, e.stream_version, e.stream_type, e.global_position, e.transaction_id, e.stream_version, e.recorded_at;

      -- Delivered on commit only; wakes subscribers that LISTEN instead of polling.
      PERFORM pg_notify('ishc_events', '');
    END
    $fn$;
  `,
};
