// Probes the services that integration suites need, once per jest run, and tells the workers through
// the environment. @ishc/testing's `describeWith` reads these: a missing service skips its suites
// locally and fails them when CI=true.
const net = require('node:net');

function reachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function hostPort(url, defaultPort) {
  const u = new URL(url);
  return [u.hostname || '127.0.0.1', Number(u.port || defaultPort)];
}

// Cross-service suites (tests/e2e) run the compiled processes: build dist/ once per run (incremental,
// seconds when nothing changed). ISHC_SKIP_BUILD=1 skips it for a quick unit-only run.
function buildOnce() {
  if (process.env.ISHC_SKIP_BUILD === '1') return;
  const { spawnSync } = require('node:child_process');
  const path = require('node:path');
  const run = spawnSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error('jest global setup: `node tools/build.js` failed (see above)');
}

module.exports = async function globalSetup() {
  buildOnce();
  process.env.TEST_DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_REDIS_URL ||= process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const [pgHost, pgPort] = hostPort(process.env.TEST_DATABASE_URL, 5432);
  const [redisHost, redisPort] = hostPort(process.env.TEST_REDIS_URL, 6379);
  process.env.ISHC_TEST_POSTGRES = (await reachable(pgHost, pgPort)) ? 'up' : 'down';
  process.env.ISHC_TEST_REDIS = (await reachable(redisHost, redisPort)) ? 'up' : 'down';
  // Zipkin (infra/zipkin/start.sh): the trace test reads a real Zipkin's HTTP API.
  process.env.ZIPKIN_URL ||= 'http://127.0.0.1:9411';
  const [zipkinHost, zipkinPort] = hostPort(process.env.ZIPKIN_URL, 9411);
  process.env.ISHC_TEST_ZIPKIN = (await reachable(zipkinHost, zipkinPort)) ? 'up' : 'down';
  const brokers = process.env.KAFKA_BROKERS;
  if (brokers) {
    const [host, port] = brokers.split(',')[0].split(':');
    process.env.ISHC_TEST_KAFKA = (await reachable(host, Number(port || 9092))) ? 'up' : 'down';
  } else {
    process.env.ISHC_TEST_KAFKA = 'unset';
  }
};
