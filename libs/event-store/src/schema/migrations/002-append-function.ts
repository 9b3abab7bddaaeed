import { Migration } from '../migration';

// The whole append is one statement, so it is atomic on its own (pool.query) and composes with a caller's
// transaction. The expected-version check is the row write itself: an UPDATE ... WHERE version = N or an
// INSERT ... ON CONFLICT waits for a concurrent writer's row lock and then re-checks the committed row, so
// of two appends with the same expectation exactly one can win.
//
// A failed expectation is returned (conflict = true, the actual version), not raised: nothing has been
// written at that point, so a caller's own transaction stays usable.
export const appendFunction: Migration = {
  version: 2,
  name: 'append function',
  sql: `
    CREATE FUNCTION ishc_append_events(
      p_stream_id   text,
      p_stream_type text,
      p_expected    text,  -- 'no_stream' | 'exists' | 'any' | a version number
      p_events      jsonb  -- [{ event_id, type, schema_version, data, metadata }]
    ) RETURNS TABLE (
      conflict        boolean,
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
      v_count   bigint := jsonb_array_length(p_events);
      v_version bigint;  -- the stream's version after this append; NULL when the expectation failed
      v_type    text;
    BEGIN
      IF v_count = 0 THEN
        -- Nothing to write (an idempotent command): only check the expectation and report where the stream is.
        SELECT s.version INTO v_version FROM streams s WHERE s.stream_id = p_stream_id;
        RETURN QUERY
          SELECT NOT CASE p_expected
                       WHEN 'any' THEN true
                       WHEN 'no_stream' THEN v_version IS NULL
                       WHEN 'exists' THEN v_version IS NOT NULL
                       ELSE coalesce(v_version = p_expected::bigint, false)
                     END,
                 v_version, e.stream_type, e.global_position, e.transaction_id, e.stream_version, e.recorded_at
          FROM (SELECT 1) AS one
          LEFT JOIN events e ON e.stream_id = p_stream_id AND e.stream_version = v_version;
        RETURN;
      END IF;

      IF p_expected = 'no_stream' THEN
        INSERT INTO streams AS s (stream_id, stream_type, version)
        VALUES (p_stream_id, p_stream_type, v_count)
        ON CONFLICT (stream_id) DO NOTHING
        RETURNING s.version, s.stream_type INTO v_version, v_type;
      ELSIF p_expected = 'any' THEN
        INSERT INTO streams AS s (stream_id, stream_type, version)
        VALUES (p_stream_id, p_stream_type, v_count)
        ON CONFLICT (stream_id) DO UPDATE SET version = s.version + v_count, updated_at = now()
        RETURNING s.version, s.stream_type INTO v_version, v_type;
      ELSIF p_expected = 'exists' THEN
        UPDATE streams s SET version = s.version + v_count, updated_at = now()
        WHERE s.stream_id = p_stream_id
        RETURNING s.version, s.stream_type INTO v_version, v_type;
      ELSE
        UPDATE streams s SET version = s.version + v_count, updated_at = now()
        WHERE s.stream_id = p_stream_id AND s.version = p_expected::bigint
        RETURNING s.version, s.stream_type INTO v_version, v_type;
      END IF;

      IF v_version IS NULL THEN
        -- A new statement sees the winner's committed row, so the reported version is the real one.
        RETURN QUERY
          SELECT true, s.version, s.stream_type, NULL::bigint, NULL::xid8, NULL::bigint, NULL::timestamptz
          FROM (SELECT 1) AS one
          LEFT JOIN streams s ON s.stream_id = p_stream_id;
        RETURN;
      END IF;

      RETURN QUERY
        INSERT INTO events AS e (stream_id, stream_type, stream_version, event_id, type, schema_version, data, metadata)
        SELECT p_stream_id, v_type, v_version - v_count + t.n, (t.x ->> 'event_id')::uuid, t.x ->> 'type',
               (t.x ->> 'schema_version')::int, t.x -> 'data', t.x -> 'metadata'
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t (x, n)
        ORDER BY t.n
        RETURNING false, v_version, e.stream_type, e.global_position, e.transaction_id, e.stream_version, e.recorded_at;

      -- Delivered on commit only; wakes subscribers that LISTEN instead of polling.
      PERFORM pg_notify('ishc_events', '');
    END
    $fn$;
  `,
};
