// Checks that the servers a launch relies on but does not start (Kafka, Redis, a PostgreSQL server) are
// there, before any service starts and fails on them with a less helpful message.
import { LaunchError } from './launch-error';
import { connectionProblem, redactedUrl } from './postgres-databases';
import { acceptsConnections } from './waiting';

export interface HostPort {
  host: string;
  port: number;
}

/** `host:port,host:port` as in KAFKA_BROKERS. */
export function parseBrokers(brokers: string): HostPort[] {
  return brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean)
    .map((broker) => {
      const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(broker);
      if (!match) throw new LaunchError(`KAFKA_BROKERS: "${broker}" is not host:port.`);
      return { host: match[1], port: Number(match[2]) };
    });
}

export async function assertKafkaReachable(brokers: string): Promise<void> {
  const list = parseBrokers(brokers);
  for (const { host, port } of list) if (await acceptsConnections(host, port)) return;
  throw new LaunchError(
    `Kafka is not reachable at ${brokers} (KAFKA_BROKERS). Start the local broker with \`bash infra/kafka/start.sh\` ` +
      '(it needs Java and Maven), or set KAFKA_BROKERS to a running broker.',
  );
}

export async function assertRedisReachable(redisUrl: string): Promise<void> {
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    throw new LaunchError(`REDIS_URL=${redisUrl} is not a URL (expected redis://host:port).`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  if (!(await acceptsConnections(host, Number(url.port || 6379)))) {
    throw new LaunchError(
      `Redis is not reachable at ${redactedUrl(redisUrl)} (REDIS_URL). Start it (e.g. \`redis-server --daemonize yes\`), ` +
        'or set REDIS_URL to a running Redis.',
    );
  }
}

export async function assertPostgresReachable(serverUrl: string): Promise<void> {
  const problem = await connectionProblem(serverUrl);
  if (problem !== undefined) {
    throw new LaunchError(
      `PostgreSQL is not reachable at ${redactedUrl(serverUrl)} (DATABASE_SERVER_URL): ${problem}. ` +
        'Start the server or set DATABASE_SERVER_URL; or use `npm start`, which brings its own PostgreSQL.',
    );
  }
}
