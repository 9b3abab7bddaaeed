import { Client, Pool } from 'pg';
import { closeQuietly, openDedicatedConnection } from './dedicated-connection';

const CHANNEL = 'ishc_events';
const RECONNECT_MS = 1_000;

// One LISTEN connection per source database, however many processors read from it.
const shared = new Map<Pool, AppendNotifications>();

/**
 * Calls `onAppend` whenever an append commits in `pool`'s database (pg_notify from the append function),
 * and once after every (re)connect, since notifications sent while not listening are lost. Best effort:
 * processors also poll, so a broken listener costs latency, never events. Returns the unsubscribe.
 */
export function subscribeToAppends(pool: Pool, onAppend: () => void): () => void {
  let notifications = shared.get(pool);
  if (!notifications) {
    notifications = new AppendNotifications(pool, () => shared.delete(pool));
    shared.set(pool, notifications);
  }
  return notifications.subscribe(onAppend);
}

class AppendNotifications {
  private readonly listeners = new Set<() => void>();
  private connection?: Client;
  private reconnectTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly onClosed: () => void,
  ) {
    void this.connect();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = undefined;
    try {
      const connection = await openDedicatedConnection(this.pool, 'ishc-listen', () => this.connectionLost());
      if (this.closed) {
        await closeQuietly(connection);
        return;
      }
      connection.on('notification', (message) => {
        if (message.channel === CHANNEL) this.wakeAll();
      });
      await connection.query(`LISTEN ${CHANNEL}`);
      this.connection = connection;
      this.wakeAll();
    } catch {
      this.scheduleReconnect();
    }
  }

  private connectionLost(): void {
    this.connection = undefined;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  private wakeAll(): void {
    for (const listener of this.listeners) listener();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    clearTimeout(this.reconnectTimer);
    if (this.connection) void closeQuietly(this.connection);
    this.connection = undefined;
  }
}
