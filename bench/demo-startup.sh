#!/usr/bin/env bash
# The README's promise, measured: from `java -jar ... --demo` to visible data. Prints the seconds until the process
# answers, until the integration is healthy (contacts backfilled), and until Realtime has agent states.
# Usage: bench/demo-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PORT=18191
JAR=target/rostra-0.1.0-SNAPSHOT.jar
[ -f $JAR ] || mvn -B -q -DskipTests package
KEY=rk_demo_startup_bench_key_0123456789
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%FT%TZ)"
for run in $(seq 1 "$RUNS"); do
  DIR=$(mktemp -d)
  START=$(date +%s.%N)
  # exec: $APP is the JVM itself, so the kill below ends it (a subshell's kill left the JVM running).
  if curl -sf localhost:$PORT/actuator/health >/dev/null 2>&1; then echo "port $PORT is taken by another process"; exit 1; fi
  (cd "$DIR" && ROSTRA_DEMO_API_KEY=$KEY ROSTRA_DEMO_PASSWORD=bench-password-123 \
     exec java -jar "$OLDPWD/$JAR" --demo --server.port=$PORT --logging.level.root=WARN > "$DIR/app.log" 2>&1) &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  up=""; healthy=""; states=""; used=""; live=""
  for _ in $(seq 1 1200); do
    NOW=$(date +%s.%N)
    if [ -z "$up" ] && curl -sf localhost:$PORT/actuator/health >/dev/null 2>&1; then up=$(echo "$NOW - $START" | bc); fi
    if [ -n "$up" ] && [ -z "$healthy" ] && curl -sf -u "$KEY:" localhost:$PORT/api/v1/integrations/gladly | grep -q '"status":"healthy"'; then
      healthy=$(echo "$NOW - $START" | bc); fi
    if [ -n "$healthy" ] && [ -z "$states" ] && [ "$(curl -sf -u "$KEY:" localhost:$PORT/api/v1/agent-states/current | grep -o gladly_agent_id | wc -l)" -gt 0 ]; then
      states=$(echo "$NOW - $START" | bc)
      # Heap after start: used, then live after a full GC.
      JPID=$APP
      if [ -n "$JPID" ]; then
        used=$(jcmd "$JPID" GC.heap_info 2>/dev/null | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
        jcmd "$JPID" GC.run >/dev/null 2>&1 || true
        live=$(jcmd "$JPID" GC.heap_info 2>/dev/null | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
      fi
      break; fi
    sleep 0.25
  done
  kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true
  rm -rf "$DIR"
  printf 'run %d: answering %6.1f s, integration healthy %6.1f s, agent states shown %6.1f s (goal: data within 60 s)\n' \
    "$run" "${up:-nan}" "${healthy:-nan}" "${states:-nan}"
  echo "run $run: heap_used_mib=$(( ${used:-0} / 1024 )) heap_live_after_gc_mib=$(( ${live:-0} / 1024 ))"
done
