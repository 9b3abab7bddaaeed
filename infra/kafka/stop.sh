#!/usr/bin/env bash
# Stops the broker started by start.sh (SIGTERM, then SIGKILL after 30 s). Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="${KAFKA_RUN_DIR:-$here/run}"
[ -f "$run/kafka.pid" ] || { echo "kafka: not running"; exit 0; }
pid="$(cat "$run/kafka.pid")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" || true
fi
rm -f "$run/kafka.pid"
echo "kafka: stopped"
