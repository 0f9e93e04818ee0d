// Many events of one user in one statement (a batch, or concurrent single events
// coalesced by the ingest queue): the events arrive as one JSON array, groups are
// upserted once per fingerprint with the summed count, and every event row,
// activity, notification and delivery job is written by the same statement, so
// the cost per event is a few index entries instead of a round trip and a commit.
//
// Each input row comes back exactly once: as an inserted event, as a replay of a
// stored idempotency key, or not at all when its trader is not the user's (the
// caller decides whether that fails the whole request). Callers dedupe keys within
// one call; a concurrent duplicate from another statement fails this one with a
// unique violation, which rolls all of it back.
export const INSERT_EVENTS_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS i(
    ord int, trader_id uuid, fingerprint text, grouping_version int,
    error_type execution_error_type, title text, error_hash text, occurred_at timestamptz,
    idempotency_key text, payload_hash text, source event_source, error_message text,
    stack_trace text, trigger_interval text, symbols_processed int, execution_duration_ms int,
    code_version_id uuid, filter_code_snapshot text, context jsonb)
),
existing AS (
  -- One unique-index probe per input row. As a plain join the planner may hash the
  -- input against every stored event of the user (it guesses 100 input rows and
  -- knows nothing of user_id until the table is analyzed), which costs a scan of
  -- the user's whole history on every statement. LIMIT 1 keeps the subquery from
  -- being flattened back into that join; the unique key allows one row anyway.
  SELECT i.ord, e.id, e.group_id, e.error_hash, e.payload_hash
  FROM input i CROSS JOIN LATERAL (
    SELECT s.id, s.group_id, s.error_hash, s.payload_hash FROM trader_execution_errors s
    WHERE s.user_id = $1::uuid AND s.idempotency_key = i.idempotency_key
    LIMIT 1
  ) e
),
fresh AS (
  SELECT i.* FROM input i JOIN traders t ON t.id = i.trader_id AND t.user_id = $1::uuid
  WHERE NOT EXISTS (SELECT 1 FROM existing x WHERE x.ord = i.ord)
),
per_group AS (
  SELECT trader_id, fingerprint, count(*)::int AS n,
    min(occurred_at) AS first_at, max(occurred_at) AS last_at,
    (array_agg(grouping_version ORDER BY ord))[1] AS grouping_version,
    (array_agg(error_type ORDER BY ord))[1] AS error_type,
    (array_agg(title ORDER BY ord))[1] AS title,
    (array_agg(error_hash ORDER BY ord))[1] AS error_hash
  FROM fresh GROUP BY trader_id, fingerprint
),
previous AS (
  -- Locked in one order so two statements sharing groups wait instead of deadlocking.
  SELECT g.id, g.status FROM error_groups g JOIN per_group p
    ON g.trader_id = p.trader_id AND g.fingerprint = p.fingerprint
  ORDER BY g.trader_id, g.fingerprint FOR UPDATE OF g
),
grp AS (
  INSERT INTO error_groups AS g
    (user_id, trader_id, fingerprint, grouping_version, error_type, title, error_hash,
     status, event_count, first_seen_at, last_seen_at)
  SELECT $1::uuid, p.trader_id, p.fingerprint, p.grouping_version, p.error_type, p.title,
     p.error_hash, 'unresolved', p.n, p.first_at, p.last_at
  -- Joining "previous" makes Postgres read (and lock) the old rows before this upsert
  -- rewrites them; read afterwards, a row would be skipped as self-modified. (An inner
  -- join: the planner would drop an unused LEFT JOIN to a one-row subquery.)
  FROM per_group p CROSS JOIN (SELECT count(*) FROM previous) locked
  ORDER BY p.trader_id, p.fingerprint
  ON CONFLICT (trader_id, fingerprint) DO UPDATE SET
    event_count = g.event_count + EXCLUDED.event_count,
    first_seen_at = LEAST(g.first_seen_at, EXCLUDED.first_seen_at),
    last_seen_at = GREATEST(g.last_seen_at, EXCLUDED.last_seen_at),
    status = CASE
      WHEN g.status = 'resolved' THEN 'regressed'::error_group_status
      WHEN g.status = 'ignored' AND (g.ignored_until <= now()
        OR g.event_count + EXCLUDED.event_count >= g.ignored_until_count)
        THEN 'unresolved'::error_group_status
      ELSE g.status END,
    regressed_at = CASE WHEN g.status = 'resolved' THEN now() ELSE g.regressed_at END,
    regression_count = g.regression_count + CASE WHEN g.status = 'resolved' THEN 1 ELSE 0 END,
    resolved_at = CASE WHEN g.status = 'resolved' THEN NULL ELSE g.resolved_at END,
    updated_at = now()
  RETURNING g.id, g.trader_id, g.fingerprint, g.status, g.error_hash, g.title, (g.xmax = 0) AS is_new
),
transition AS (
  SELECT grp.id AS group_id, grp.trader_id, grp.fingerprint, grp.title, grp.is_new,
    grp.status AS to_status, grp.error_hash,
    CASE WHEN grp.is_new THEN NULL ELSE COALESCE(previous.status, grp.status) END AS from_status
  FROM grp LEFT JOIN previous ON previous.id = grp.id
),
event AS (
  INSERT INTO trader_execution_errors
    (user_id, trader_id, group_id, idempotency_key, payload_hash, source, error_type, error_message,
     stack_trace, trigger_interval, symbols_processed, execution_duration_ms, code_version_id,
     filter_code_snapshot, context, error_hash, occurred_at)
  SELECT $1::uuid, f.trader_id, t.group_id, f.idempotency_key, f.payload_hash, f.source,
     f.error_type, f.error_message, f.stack_trace, f.trigger_interval, f.symbols_processed,
     f.execution_duration_ms,
     (SELECT v.id FROM trader_code_versions v WHERE v.id = f.code_version_id AND v.trader_id = f.trader_id),
     f.filter_code_snapshot, f.context, t.error_hash, f.occurred_at
  FROM fresh f JOIN transition t ON t.trader_id = f.trader_id AND t.fingerprint = f.fingerprint
  RETURNING id, group_id, idempotency_key
),
activity AS (
  INSERT INTO error_group_activities (group_id, actor_kind, kind, from_status, to_status)
  SELECT group_id, 'system',
    (CASE WHEN is_new THEN 'created' WHEN to_status = 'regressed' THEN 'regressed' ELSE 'status_changed' END)::activity_kind,
    from_status, to_status
  FROM transition WHERE is_new OR from_status IS DISTINCT FROM to_status
),
notification AS (
  INSERT INTO notifications (user_id, kind, title, group_id, trader_id)
  SELECT $1::uuid, (CASE WHEN is_new THEN 'new_group' ELSE 'regression' END)::notification_kind,
    (CASE WHEN is_new THEN 'New error: ' ELSE 'Regression: ' END) || title, group_id, trader_id
  FROM transition WHERE is_new OR (from_status = 'resolved' AND to_status = 'regressed')
  RETURNING id
),
delivery AS (
  -- The outbox row commits with its notification, so an email is never lost or doubled.
  INSERT INTO jobs (kind, payload, dedupe_key)
  SELECT 'notification.deliver', jsonb_build_object('notificationId', id), 'notification.deliver:' || id
  FROM notification
),
watch AS (
  -- A deployed fix under watch: lib/deploy judges the new events (roll back, regress or
  -- keep watching). No dedupe key: the check is idempotent and must run again later.
  INSERT INTO jobs (kind, payload)
  SELECT 'deploy.watch', jsonb_build_object('groupId', group_id)
  FROM transition WHERE to_status = 'fix_deployed'
),
trader_touch AS (
  -- Throttled to one write a second per trader: the trader row is shared by all its groups.
  UPDATE traders t SET
    state = CASE WHEN t.state = 'running' THEN 'error'::trader_state ELSE t.state END,
    last_error_at = GREATEST(t.last_error_at, latest.at),
    updated_at = now()
  FROM (SELECT trader_id, max(occurred_at) AS at FROM fresh GROUP BY trader_id) latest
  WHERE t.id = latest.trader_id
    AND (t.state = 'running' OR t.last_error_at IS NULL OR t.last_error_at < latest.at - interval '1 second')
)
SELECT f.ord, false AS is_replay, e.id, e.group_id, t.error_hash, NULL AS payload_hash,
  -- Only the first event of a group in this statement made it new or regressed.
  (f.ord = min(f.ord) OVER (PARTITION BY t.group_id)) AS is_first_of_group,
  t.is_new, t.from_status, t.to_status
FROM event e JOIN fresh f ON f.idempotency_key = e.idempotency_key
  JOIN transition t ON t.group_id = e.group_id
UNION ALL
SELECT ord, true, id, group_id, error_hash, payload_hash, false, false, NULL, NULL FROM existing
`;
