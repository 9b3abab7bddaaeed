// The stack's Kafka broker: the bench uses the running one (KAFKA_BROKERS, default 127.0.0.1:9092) and
// starts infra/kafka/start.sh only when nothing listens there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ROOT } from './service-process';

export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);

export async function ensureKafka(): Promise<{ startedByBench: boolean }> {
  if (await listening(KAFKA_BROKERS[0])) return { startedByBench: false };
  console.log('bench: no Kafka broker answers; starting infra/kafka/start.sh');
  execFileSync('bash', [path.join(ROOT, 'infra/kafka/start.sh')], { stdio: 'inherit' });
  return { startedByBench: true };
}

function listening(broker: string): Promise<boolean> {
  const [host, port] = broker.split(':');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Topic names and consumer groups of this run (KAFKA_NAMESPACE), so nothing is shared with tests. */
export function runNamespace(label: string): string {
  return `bench-${process.pid}-${Date.now().toString(36)}-${label}.`;
}

/** The broker started by infra/kafka/start.sh (its pid file), when it runs on this machine. */
export function kafkaBrokerPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(ROOT, 'infra/kafka/run/kafka.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && fs.existsSync(`/proc/${pid}`) ? pid : null;
  } catch {
    return null;
  }
}

/** Deletes the topics the services created under this run's namespace (the broker is shared with the tests). */
export async function deleteNamespaceTopics(namespace: string): Promise<void> {
  const admin = new Kafka({ brokers: KAFKA_BROKERS, clientId: 'bench-cleanup', logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(namespace));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } catch (error) {
    console.error(`bench: could not delete the topics of ${namespace}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
