#!/usr/bin/env bash
# Webhook delivery -> event on the live agent-state stream, against PostgreSQL (NOTIFY path): builds the jar, starts
# Rostra on a fresh database, opens the stream and times each change. Goal (issue 14): p99 under 200 ms at 100 agents.
# Usage: bench/stream-latency.sh [agents] [events]
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS=${1:-100}
EVENTS=${2:-2000}
PORT=18185
DB="rostra_bench_$(date +%s)"
[ -f target/rostra-0.1.0-SNAPSHOT.jar ] || mvn -B -q -DskipTests package
psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB"
export ROSTRA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ROSTRA_DB_USER=postgres ROSTRA_DB_PASSWORD= ROSTRA_ADMIN_TOKEN=bench-token
java -Xmx1g -jar target/rostra-0.1.0-SNAPSHOT.jar --server.port=$PORT --logging.level.root=WARN > /tmp/rostra-stream.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB with (force)" || true' EXIT
for _ in $(seq 1 90); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
KEY=$(curl -sf -X POST -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' \
  -d '{"name":"Stream Co"}' localhost:$PORT/api/v1/companies | sed 's/.*"api_key":"\([^"]*\)".*/\1/')
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(date -u +%FT%TZ)"
java bench/StreamLatency.java "http://127.0.0.1:$PORT" "$KEY" 100 200 > /dev/null   # warm-up
java bench/StreamLatency.java "http://127.0.0.1:$PORT" "$KEY" "$AGENTS" "$EVENTS"
