#!/usr/bin/env bash
# Webhook load benchmark against PostgreSQL: builds the jar, starts Rostra on a fresh database, posts AGENT_STATUS
# events at increasing rates, then counts what was stored. Prints the figures; copy them into docs/benchmarks.md.
# Uses wrk (Debian package) when installed: closed loop at increasing connection counts; otherwise the Java
# open-loop generator bench/WebhookLoad.java at fixed rates.
# Usage: bench/webhook-load.sh [rates or connection counts] [seconds-per-step] [concurrency]
# Environment: CONNECTIONS (wrk steps, default "8 16 32 64"); PGBENCH_SECONDS (default 15, 0 = skip): first measure
# PostgreSQL's raw single-row insert rate of the same body (pgbench, 32 clients, bench/pg-raw-insert.sql) in the same
# database, so the webhook's rate can be read as a ratio of it. While each step runs the unprocessed backlog is
# sampled every 5 s. STREAM_EVENTS (default 0): also time that many agent-state changes from POST to the live stream
# (of a second company, 100 agents)
# while wrk runs (bench/StreamLatency.java). Machine-readable lines start with "pgbench ", "connections=",
# "stream_at_load " and "acknowledged=".
set -euo pipefail
cd "$(dirname "$0")/.."
RATES=${1:-1000,2000,3000,4000}
SECONDS_PER_STEP=${2:-15}
CONCURRENCY=${3:-64}
PORT=18181
DB="rostra_bench_$(date +%s)"
[ -f target/rostra-0.1.0-SNAPSHOT.jar ] || mvn -B -q -DskipTests package
psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB"
export ROSTRA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ROSTRA_DB_USER=postgres ROSTRA_DB_PASSWORD= ROSTRA_ADMIN_TOKEN=bench-token
export ROSTRA_DB_POOL_SIZE=${ROSTRA_DB_POOL_SIZE:-20}
java -Xmx1g ${ROSTRA_JAVA_OPTS:-} -jar target/rostra-0.1.0-SNAPSHOT.jar --server.port=$PORT --logging.level.root=WARN \
  --server.tomcat.threads.max=100 > /tmp/rostra-bench.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB with (force)" || true' EXIT
for _ in $(seq 1 60); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
KEY=$(curl -sf -X POST -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' \
  -d '{"name":"Bench Co"}' localhost:$PORT/api/v1/companies | sed 's/.*"api_key":"\([^"]*\)".*/\1/')
# The live stream is timed on a company of its own: 100 agents changing every few seconds, as a support floor does,
# while wrk's load goes to another company. Streaming wrk's company would have the viewer watch 200 agents changing
# 40 times a second each (every change fanned out as an event and parsed by the timing client on the same two cores).
STREAM_KEY=$(curl -sf -X POST -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' \
  -d '{"name":"Bench Stream Co"}' localhost:$PORT/api/v1/companies | sed 's/.*"api_key":"\([^"]*\)".*/\1/')
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version') PostgreSQL"
export AUTH="Basic $(printf '%s:%s' "$KEY" "$KEY" | base64 -w0)"
if command -v wrk >/dev/null; then
  # Warm-up so the JIT has compiled the request path: rounds of 10 s at WARMUP_CONNECTIONS until the rate stops rising
  # (less than 10 % over the round before), at most WARMUP_SECONDS. On a busy machine the compiler threads get little
  # CPU and a fixed short warm-up measured the interpreter, not the path.
  PREV=0; SPENT=0
  while [ "$SPENT" -lt "${WARMUP_SECONDS:-10}" ]; do
    W=$(RUN_ID=warm$SPENT wrk -t1 -c${WARMUP_CONNECTIONS:-8} -d10s -s bench/webhook.lua "http://127.0.0.1:$PORT/webhooks/gladly" | grep RESULT)
    echo "warmup after=${SPENT}s $W"
    RATE=$(echo "$W" | sed 's/.*rps=\([0-9]*\).*/\1/')
    SPENT=$((SPENT + 10))
    [ "$SPENT" -ge 30 ] && [ "$((RATE * 10))" -lt "$((PREV * 11))" ] && break
    PREV=$RATE
  done
fi
if [ "${PGBENCH_SECONDS:-15}" -gt 0 ]; then
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "create table bench_raw_events (like gladly_events including all)" \
    -c "create sequence bench_raw_events_seq"
  PGB=$(pgbench -h 127.0.0.1 -U postgres -n -c 32 -j 2 -T "$PGBENCH_SECONDS" -f bench/pg-raw-insert.sql "$DB" 2>&1)
  TPS=$(echo "$PGB" | sed -n 's/^tps = \([0-9.]*\) .*/\1/p' | head -1)
  LAT=$(echo "$PGB" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' | head -1)
  echo "pgbench clients=32 seconds=$PGBENCH_SECONDS tps=${TPS:-0} latency_avg_ms=${LAT:-0}"
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "drop table bench_raw_events" -c "drop sequence bench_raw_events_seq"
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "checkpoint" >/dev/null 2>&1 || true
fi
# The unprocessed backlog (stored, not yet applied), sampled while a step runs: is the processor keeping up?
sample_backlog() {
  local max=0 n
  while true; do
    n=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from gladly_events where processed_at is null" 2>/dev/null || echo 0)
    [ "$n" -gt "$max" ] && max=$n
    echo "$max" > /tmp/webhook-backlog-max
    sleep 5
  done
}
if command -v wrk >/dev/null; then
  export AUTH="Basic $(printf '%s:%s' "$KEY" "$KEY" | base64 -w0)"
  ACKED=0
  ACKED=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from gladly_events")
  for C in ${CONNECTIONS:-8 16 32 64}; do
    echo 0 > /tmp/webhook-backlog-max
    sample_backlog & SAMPLER=$!
    STREAM=""
    if [ "${STREAM_EVENTS:-0}" -gt 0 ]; then
      # The live stream at this load: 100 agents' changes (~33/s) timed from POST to SSE event, alongside wrk.
      javac -d /tmp/webhook-stream-latency bench/StreamLatency.java
      (sleep 5; java -cp /tmp/webhook-stream-latency StreamLatency "http://127.0.0.1:$PORT" "$STREAM_KEY" 100 "$STREAM_EVENTS" \
         > /tmp/webhook-stream-latency.out 2>&1) & STREAM=$!
    fi
    OUT=$(RUN_ID=c$C wrk -t1 -c$C -d${SECONDS_PER_STEP}s --timeout 15s -s bench/webhook.lua "http://127.0.0.1:$PORT/webhooks/gladly" | grep RESULT)
    kill $SAMPLER 2>/dev/null || true; wait $SAMPLER 2>/dev/null || true
    if [ -n "$STREAM" ]; then
      wait $STREAM || true
      echo "stream_at_load connections=$C $(grep -o 'agents=.*' /tmp/webhook-stream-latency.out | tail -1 | sed 's/ ms//g; s/p50=/p50_ms=/; s/p99=/p99_ms=/; s/max=/max_ms=/')"
    fi
    BACKLOG_END=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from gladly_events where processed_at is null")
    echo "connections=$C $OUT backlog_max=$(cat /tmp/webhook-backlog-max) backlog_end=$BACKLOG_END"
    R=$(echo "$OUT" | sed 's/.*requests=\([0-9]*\).*/\1/'); E=$(echo "$OUT" | sed 's/.*non2xx=\([0-9]*\).*/\1/')
    ACKED=$((ACKED + R - E))
  done
  echo "total_acknowledged=$ACKED" > /tmp/webhook-load.csv
else
  java bench/WebhookLoad.java "http://127.0.0.1:$PORT/webhooks/gladly" "$KEY" "$RATES" "$SECONDS_PER_STEP" "$CONCURRENCY" | tee /tmp/webhook-load.csv
fi
sleep 5
STORED=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from gladly_events")
APPLIED=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from agent_state_changes")
ACKED=$(grep total_acknowledged /tmp/webhook-load.csv | cut -d= -f2)
UNPROCESSED=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from gladly_events where processed_at is null")
echo "acknowledged=$ACKED stored=$STORED applied_state_changes=$APPLIED unprocessed=$UNPROCESSED lost=$((ACKED > STORED ? ACKED - STORED : 0))"
