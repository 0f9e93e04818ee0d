import { randomUUID } from "node:crypto";
import { Pool } from "pg";

// The ceiling: plain INSERTs of event-sized rows, same concurrency, no app in between.
export async function measureRawInserts(options: {
  connectionString: string;
  userId: string;
  traderId: string;
  groupId: string;
  connections: number;
  seconds: number;
}): Promise<number> {
  const pool = new Pool({ connectionString: options.connectionString, max: options.connections });
  const deadline = Date.now() + options.seconds * 1_000;
  let inserted = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      await pool.query(
        `INSERT INTO trader_execution_errors
           (user_id, trader_id, group_id, idempotency_key, payload_hash, error_type, error_message, error_hash, occurred_at, context)
         VALUES ($1, $2, $3, $4, 'x', 'runtime', 'raw insert ceiling', 'ceiling', now(), '{"symbol":"BTCUSDT"}')`,
        [options.userId, options.traderId, options.groupId, randomUUID()],
      );
      inserted += 1;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (Date.now() - started) / 1_000;
  await pool.end();
  return inserted / elapsed;
}
