// One round trip per event: check the trader's owner, lock/upsert the group
// (reopening resolved → regressed and expired ignores → unresolved), insert the
// event, and record activity + notifications (with their delivery job) for new
// groups and regressions.
// A replay of a stored idempotency key short-circuits to the stored row; a
// concurrent duplicate that slips past that check fails the event INSERT with a
// unique violation, which rolls the whole statement back, so a count never moves twice.
export const INSERT_EVENT_SQL = `
WITH existing AS (
  SELECT id, group_id, error_hash, payload_hash FROM trader_execution_errors
  WHERE user_id = $1::uuid AND idempotency_key = $9
),
trader AS (
  SELECT id FROM traders WHERE id = $2::uuid AND user_id = $1::uuid AND NOT EXISTS (SELECT 1 FROM existing)
),
previous AS (
  SELECT g.id, g.status FROM error_groups g JOIN trader ON g.trader_id = trader.id
  WHERE g.fingerprint = $3 FOR UPDATE OF g
),
grp AS (
  INSERT INTO error_groups AS g
    (user_id, trader_id, fingerprint, grouping_version, error_type, title, error_hash,
     status, event_count, first_seen_at, last_seen_at)
  SELECT $1::uuid, trader.id, $3, $4, $5::execution_error_type, $6, $7,
     'unresolved', 1, $8::timestamptz, $8::timestamptz
  -- Joining "previous" here makes Postgres read (and lock) the old group row before
  -- this upsert rewrites it; read afterwards, the row would be skipped as self-modified.
  FROM trader LEFT JOIN previous ON true
  ON CONFLICT (trader_id, fingerprint) DO UPDATE SET
    event_count = g.event_count + 1,
    first_seen_at = LEAST(g.first_seen_at, EXCLUDED.first_seen_at),
    last_seen_at = GREATEST(g.last_seen_at, EXCLUDED.last_seen_at),
    status = CASE
      WHEN g.status = 'resolved' THEN 'regressed'::error_group_status
      WHEN g.status = 'ignored' AND (g.ignored_until <= now() OR g.event_count + 1 >= g.ignored_until_count)
        THEN 'unresolved'::error_group_status
      ELSE g.status END,
    regressed_at = CASE WHEN g.status = 'resolved' THEN now() ELSE g.regressed_at END,
    regression_count = g.regression_count + CASE WHEN g.status = 'resolved' THEN 1 ELSE 0 END,
    resolved_at = CASE WHEN g.status = 'resolved' THEN NULL ELSE g.resolved_at END,
    updated_at = now()
  RETURNING g.id, g.status, g.error_hash, (g.xmax = 0) AS is_new
),
transition AS (
  SELECT grp.id AS group_id, grp.is_new, grp.status AS to_status,
    CASE WHEN grp.is_new THEN NULL ELSE COALESCE(previous.status, grp.status) END AS from_status
  FROM grp LEFT JOIN previous ON previous.id = grp.id
),
event AS (
  INSERT INTO trader_execution_errors
    (user_id, trader_id, group_id, idempotency_key, payload_hash, source, error_type, error_message,
     stack_trace, trigger_interval, symbols_processed, execution_duration_ms, code_version_id,
     filter_code_snapshot, context, error_hash, occurred_at)
  SELECT $1::uuid, $2::uuid, grp.id, $9, $10, $11::event_source, $5::execution_error_type, $12,
     $13, $14, $15, $16,
     (SELECT v.id FROM trader_code_versions v WHERE v.id = $17::uuid AND v.trader_id = $2::uuid),
     $18, $19::jsonb, grp.error_hash, $8::timestamptz
  FROM grp
  RETURNING id, group_id
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
    (CASE WHEN is_new THEN 'New error: ' ELSE 'Regression: ' END) || $6, group_id, $2::uuid
  FROM transition WHERE is_new OR (from_status = 'resolved' AND to_status = 'regressed')
  RETURNING id
),
delivery AS (
  -- The outbox row commits with its notification, so an email is never lost or doubled.
  INSERT INTO jobs (kind, payload, dedupe_key)
  SELECT 'notification.deliver', jsonb_build_object('notificationId', id), 'notification.deliver:' || id
  FROM notification
),
trader_touch AS (
  -- Throttled to one write a second per trader: the trader row is shared by all its groups.
  UPDATE traders t SET
    state = CASE WHEN t.state = 'running' THEN 'error'::trader_state ELSE t.state END,
    last_error_at = GREATEST(t.last_error_at, $8::timestamptz),
    updated_at = now()
  FROM trader
  WHERE t.id = trader.id
    AND (t.state = 'running' OR t.last_error_at IS NULL OR t.last_error_at < $8::timestamptz - interval '1 second')
)
SELECT false AS is_replay, event.id, event.group_id, grp.error_hash, NULL AS payload_hash,
  transition.is_new, transition.from_status, transition.to_status
FROM event JOIN grp ON grp.id = event.group_id JOIN transition ON transition.group_id = event.group_id
UNION ALL
SELECT true, id, group_id, error_hash, payload_hash, false, NULL, NULL FROM existing
`;
