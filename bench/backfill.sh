#!/usr/bin/env bash
# Backfill benchmark against PostgreSQL: a simulated Gladly organization with about 1,000,000 contacts in 90 days,
# Rostra backfilling it through the real HTTP client, budget and Reports API windows. Prints contacts/second through
# parse+map+upsert, and the backfill time against the lower bound Gladly's rate limits allow.
# Usage: bench/backfill.sh [contacts-per-weekday] [days]
set -euo pipefail
cd "$(dirname "$0")/.."
PER_DAY=${1:-13300}
DAYS=${2:-90}
PORT=18182
SIM_PORT=18183
DB="rostra_bench_$(date +%s)"
JAR=target/rostra-0.1.0-SNAPSHOT.jar
[ -f $JAR ] || mvn -B -q -DskipTests package
psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB"
java -Xmx2g -cp $JAR -Dloader.main=com.rostra.simulator.SimulatorMain org.springframework.boot.loader.launch.PropertiesLauncher \
  $SIM_PORT 7 "$PER_DAY" > /tmp/sim-bench.log 2>&1 &
SIM=$!
export ROSTRA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ROSTRA_DB_USER=postgres ROSTRA_DB_PASSWORD= ROSTRA_ADMIN_TOKEN=bench-token
export ROSTRA_GLADLY_ALLOWED_HOSTS=127.0.0.1
java -Xmx2g ${ROSTRA_JAVA_OPTS:-} -jar $JAR --server.port=$PORT --logging.level.root=WARN --logging.level.com.rostra.gladly.ContactSync=INFO \
  --rostra.gladly.call-lookups-per-run=0 --db-scheduler.polling-interval=1s > /tmp/rostra-backfill.log 2>&1 &
APP=$!
# A process that does not stop within 30 s is killed: a benchmark must never hang its caller (CI).
stop() {
  kill "$@" 2>/dev/null || true
  for _ in $(seq 1 60); do
    local alive=0; for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && return 0; sleep 0.5
  done
  kill -9 "$@" 2>/dev/null || true
}
trap 'stop $APP $SIM; wait $APP $SIM 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB with (force)" || true' EXIT
for _ in $(seq 1 60); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
TOKEN=$(grep -o 'token .*' /tmp/sim-bench.log | awk '{print $2}')
USER=$(grep -o 'user .*' /tmp/sim-bench.log | awk '{print $2}')
KEY=$(curl -sf -X POST -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' \
  -d '{"name":"Backfill Co"}' localhost:$PORT/api/v1/companies | sed 's/.*"api_key":"\([^"]*\)".*/\1/')
START=$(date +%s.%N)
curl -sf -u "$KEY:" -X PUT -H 'Content-Type: application/json' localhost:$PORT/api/v1/integrations/gladly \
  -d "{\"username\":\"$USER\",\"api_token\":\"$TOKEN\",\"base_url\":\"http://127.0.0.1:$SIM_PORT/api/v1\",\"backfill_days\":$DAYS}" >/dev/null
DEADLINE=$(( $(date +%s) + ${BACKFILL_TIMEOUT_SECONDS:-600} ))
while true; do
  [ "$(date +%s)" -lt "$DEADLINE" ] || { echo "backfill not healthy within ${BACKFILL_TIMEOUT_SECONDS:-600} s"; exit 1; }
  STATUS=$(curl -sf -u "$KEY:" localhost:$PORT/api/v1/integrations/gladly)
  echo "$STATUS" | grep -q '"status":"healthy"' && break
  echo "$STATUS" | grep -q '"status":"invalid"' && { echo "sync invalid: $STATUS"; exit 1; }
  sleep 0.5
done
END=$(date +%s.%N)
CONTACTS=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from contacts")
REPORTS=$(curl -sf localhost:$SIM_PORT/__sim/requests | grep -o '/api/v1/reports' | wc -l)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB RAM, PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version')"
grep "Contact window" /tmp/rostra-backfill.log | sed 's/.*Contact window/window/' | awk '
  { rows += $3; store += $(NF-1) } END { printf "windows=%d rows=%d parse_map_upsert_ms=%d contacts_per_second=%.0f\n", NR, rows, store, rows / (store / 1000.0) }'
python3 - "$START" "$END" "$CONTACTS" "$REPORTS" <<'PY'
import math, sys
start, end, contacts, reports = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
elapsed = end - start
needed = max(1, math.ceil(contacts / 100_000))      # Gladly caps a report at 100,000 rows
bound = (needed - 1) * 6.0                            # 10 reports per minute: one every 6 s at best
print(f"contacts={contacts} report_requests={reports} backfill_seconds={elapsed:.1f} "
      f"overall_contacts_per_second={contacts / elapsed:.0f}")
print(f"rate_limit_lower_bound_seconds={bound:.1f} (>= {needed} reports at 10/min) "
      f"ratio={elapsed / bound if bound else float('nan'):.2f}")
PY

# Reading a million contacts back, and re-assigning all of them after a queue rule change.
FROM=$(date -u -d "-$DAYS days" +%Y-%m-%dT00:00:00Z)
TO=$(date -u +%Y-%m-%dT00:00:00Z)
timed() { curl -s -o /dev/null -w '%{http_code} %{time_total}' -u "$KEY:" "localhost:$PORT$1"; }
for path in "/api/v1/volume?start=$FROM&end=$TO&interval=15m&group_by=channel" \
            "/api/v1/volume?start=$FROM&end=$TO&interval=1d&group_by=queue" \
            "/api/v1/contacts?limit=1000&start=$FROM" \
            "/api/v1/contacts?limit=1000&channel=email&status=open"; do
  timed "$path" >/dev/null   # warm-up
  echo "read $(timed "$path") s  GET ${path%%\?*}?${path#*\?}" | sed "s/$FROM/<90 days ago>/; s/$TO/<today>/"
done
R_START=$(date +%s.%N)
QUEUE=$(curl -sf -u "$KEY:" -H 'Content-Type: application/json' localhost:$PORT/api/v1/queues \
  -d '{"name":"Billing","rules":[{"attribute":"inbox_when_queued","operator":"starts_with","value":"Billing"}]}' | sed 's/.*"id":\([0-9]*\).*/\1/')
while ! curl -sf -u "$KEY:" localhost:$PORT/api/v1/queues/assignment | grep -q '"status":"up_to_date"'; do sleep 0.5; done
R_END=$(date +%s.%N)
IN_QUEUE=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from contacts where queue_path = ',$QUEUE,'")
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'reassigned={sys.argv[3]} contacts in queue after a rule change, whole history of {sys.argv[4]} in {s:.1f} s ({int(sys.argv[4])/s:.0f} contacts/s)')" \
  "$R_START" "$R_END" "$IN_QUEUE" "$CONTACTS"
timed "/api/v1/volume?start=$FROM&end=$TO&interval=1d&group_by=queue" >/dev/null
echo "read $(timed "/api/v1/volume?start=$FROM&end=$TO&interval=15m&group_by=queue") s  GET /api/v1/volume (90 days, 15m, group_by=queue, one queue)"
