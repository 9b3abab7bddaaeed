#!/usr/bin/env bash
# Stops the server started by start.sh (SIGTERM, then SIGKILL after 20 s). Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="${ZIPKIN_RUN_DIR:-$here/run}"
[ -f "$run/zipkin.pid" ] || { echo "zipkin: not running"; exit 0; }
pid="$(cat "$run/zipkin.pid")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" || true
fi
rm -f "$run/zipkin.pid"
echo "zipkin: stopped"
