#!/usr/bin/env bash
# Starts a Zipkin server (in-memory storage) on 127.0.0.1:${ZIPKIN_PORT:-9411}, from the jar that pom.xml
# fetches from Maven Central (cached in lib/). Idempotent: a running server is left alone. Waits until
# its /health answers UP. Stop it with stop.sh. Services send to it with
# OTEL_TRACES_EXPORTER=zipkin (OTEL_EXPORTER_ZIPKIN_ENDPOINT defaults to http://localhost:9411/api/v2/spans).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${ZIPKIN_PORT:-9411}"
run="${ZIPKIN_RUN_DIR:-$here/run}"
jar="$here/lib/zipkin-server-exec.jar"
mkdir -p "$run"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"UP"'; }

if [ -f "$run/zipkin.pid" ] && kill -0 "$(cat "$run/zipkin.pid")" 2>/dev/null && listening "$port"; then
  echo "zipkin: already running on 127.0.0.1:$port (pid $(cat "$run/zipkin.pid"))"
  exit 0
fi
if listening "$port"; then
  echo "zipkin: port $port is already in use by another process; set ZIPKIN_PORT to use another port" >&2
  exit 1
fi

if [ ! -f "$jar" ]; then
  echo "zipkin: fetching the server jar from Maven Central (once, ~130 MB)…"
  (cd "$here" && mvn -q -B dependency:copy)
fi

# In-memory storage: a development and CI backend; it keeps the newest MEM_MAX_SPANS spans.
nohup env STORAGE_TYPE=mem MEM_MAX_SPANS="${ZIPKIN_MAX_SPANS:-200000}" \
  java -Xms64m -Xmx"${ZIPKIN_HEAP:-384m}" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
  -jar "$jar" --server.address=127.0.0.1 --server.port="$port" --logging.level.root=WARN \
  >"$run/zipkin.log" 2>&1 &
echo $! > "$run/zipkin.pid"

for _ in $(seq 1 180); do
  if healthy; then echo "zipkin: ready on http://127.0.0.1:$port (pid $(cat "$run/zipkin.pid"))"; exit 0; fi
  if ! kill -0 "$(cat "$run/zipkin.pid")" 2>/dev/null; then
    echo "zipkin: the server exited; last lines of its log:" >&2; tail -20 "$run/zipkin.log" >&2 || true; exit 1
  fi
  sleep 0.5
done
echo "zipkin: not healthy on $port after 90 s" >&2; exit 1
