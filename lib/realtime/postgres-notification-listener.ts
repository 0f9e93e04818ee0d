import { Client } from "pg";

export type NotificationListenerOptions = {
  connectionString: string;
  channel: string;
  onNotification(payload: string): void;
  // The connection dropped: notifications sent until it is back are lost.
  onInterrupted(): void;
  // Shows up in pg_stat_activity, so operators (and tests) can find this connection.
  applicationName?: string;
  initialRetryMs?: number;
  maxRetryMs?: number;
};

/**
 * One dedicated connection that LISTENs on a channel. Pool connections cannot:
 * LISTEN belongs to a session, and a pooled client is handed to other queries.
 * When the connection drops it reconnects with capped, jittered exponential
 * backoff, and callers waiting in ensureListening() share one attempt.
 */
export class PostgresNotificationListener {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failedAttempts = 0;
  private isClosed = false;

  constructor(private readonly options: NotificationListenerOptions) {}

  // Resolves once LISTEN is active. Rejects when this attempt fails; a retry is
  // scheduled anyway, so a later call may succeed.
  ensureListening(): Promise<void> {
    if (this.isClosed) return Promise.reject(new Error("The realtime listener is closed."));
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    this.clearRetry();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.clearRetry();
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName ?? "faultline-realtime",
      // A half-open TCP connection (a NAT or failover dropping it silently) would
      // otherwise leave us listening to nothing, forever.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 5_000,
    });
    client.on("notification", (message) => {
      if (message.channel === this.options.channel && message.payload !== undefined) {
        this.options.onNotification(message.payload);
      }
    });
    // pg emits "error" on a lost connection; without a listener it would crash the process.
    client.on("error", (error) => this.drop(client, error));
    client.on("end", () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.options.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.scheduleRetry();
      throw error;
    }
    if (this.isClosed) {
      await client.end().catch(() => undefined);
      throw new Error("The realtime listener is closed.");
    }
    this.failedAttempts = 0;
    this.client = client;
  }

  private drop(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    console.warn("[realtime] listener connection lost", error?.message ?? "ended");
    client.removeAllListeners("notification");
    void client.end().catch(() => undefined);
    this.options.onInterrupted();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.isClosed || this.retryTimer) return;
    const initial = this.options.initialRetryMs ?? 500;
    const max = this.options.maxRetryMs ?? 30_000;
    const ceiling = Math.min(max, initial * 2 ** this.failedAttempts);
    this.failedAttempts += 1;
    // Jitter, so several app instances do not reconnect in lockstep after a restart.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureListening().catch((error: unknown) => {
        console.warn("[realtime] listener reconnect failed", errorMessage(error));
      });
    }, delay);
    // Never the reason a script or test process stays alive.
    this.retryTimer.unref();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
