#!/usr/bin/env bash
# Adherence at scale (issue #14): 1,000 agents x 30 days.
#  1. The arithmetic alone (AdherenceCalculator, no database).
#  2. End to end on PostgreSQL: Rostra as its own process on a fresh database; people, generated schedules (seven
#     blocks a day), about thirty state changes and three availability changes per agent and day are written with
#     SQL; then GET /api/v1/adherence over the 30 days is timed (3 rounds), and the process's peak memory read.
# Goal: under 5 s on 2 cores. Copy the figures into docs/benchmarks.md (note the machine's load).
# Usage: bench/adherence-bench.sh [agents] [days]
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS=${1:-1000}
DAYS=${2:-30}
PORT=18191
DB="rostra_adh_bench_$(date +%s)"
JAR=target/rostra-0.1.0-SNAPSHOT.jar
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q -DskipTests package
if [ "${SKIP_ARITHMETIC:-0}" != 1 ]; then
  echo "== arithmetic only =="
  java -Xmx1g -cp target/classes:target/test-classes com.rostra.adherence.AdherenceBench "$AGENTS" "$DAYS"
fi

echo "== end to end on PostgreSQL =="
psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB"
export ROSTRA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ROSTRA_DB_USER=postgres ROSTRA_DB_PASSWORD= ROSTRA_ADMIN_TOKEN=bench-token
# The clock reads two days after the range, so all of it is past.
java -Xmx512m ${ROSTRA_JAVA_OPTS:-} -jar $JAR --server.port=$PORT --logging.level.root=WARN --rostra.clock.start-at=2026-11-02T00:00:00Z \
  > /tmp/rostra-adh-bench.log 2>&1 &
APP=$!
# KEEP_DB=1 keeps the database for a look with psql afterwards (drop it yourself).
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; [ "${KEEP_DB:-0}" = 1 ] && echo "kept database $DB" || psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB with (force)" || true' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
COMPANY=$(curl -sf -X POST -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' \
  -d '{"name":"Adherence Bench","time_zone":"UTC"}' localhost:$PORT/api/v1/companies)
KEY=$(echo "$COMPANY" | sed 's/.*"api_key":"\([^"]*\)".*/\1/')
CID=$(echo "$COMPANY" | sed 's/.*"id":\([0-9]*\).*/\1/')
curl -sf -u "$KEY:" localhost:$PORT/api/v1/activity-types >/dev/null   # the default types exist from the first look
SQL() { psql -h 127.0.0.1 -U postgres -d "$DB" -qtAc "$1"; }
T0=$(date +%s.%N)
SQL "insert into people (company_id, first_name, last_name, email, role, staffable, channels, team, gladly_agent_id, created_at)
     select $CID, 'Agent', a::text, 'a' || a || '@bench.test', 'agent', true, 'phone,email', 'Team ' || (a % 20), 'ag-' || a, now()
     from generate_series(1, $AGENTS) a"
# Per day from 07:00 + (a % 8) h: Phone 2 h, Break 15 min, Email 1 h 45, Lunch 30 min, Phone 2 h, Break 15 min, Phone 1 h 15.
SQL "insert into activities (company_id, person_id, activity_type_id, start_at, end_at, created_at)
     select $CID, p.id, t.id, s.day + b.off * interval '1 minute', s.day + b.off_end * interval '1 minute', now()
     from people p
     cross join lateral (select timestamptz '2026-10-01 00:00:00+00' + d * interval '1 day'
                                + (7 + (substring(p.gladly_agent_id from 4)::int % 8)) * interval '1 hour' as day
                         from generate_series(0, $DAYS - 1) d) s
     cross join (values (0, 120, 'Phone'), (120, 135, 'Break'), (135, 240, 'Email'), (240, 270, 'Lunch'),
                        (270, 390, 'Phone'), (390, 405, 'Break'), (405, 480, 'Phone')) b(off, off_end, type_name)
     join activity_types t on t.company_id = $CID and t.name = b.type_name
     where p.company_id = $CID"
# About thirty state changes a day from ten minutes before the shift: every 16 minutes, give or take 5; 70 % active,
# else away (Break, Lunch or Coffee); logged out at the end of the day.
SQL "insert into agent_state_changes (company_id, gladly_agent_id, event_id, occurred_at, state, reason)
     select $CID, p.gladly_agent_id, 'b-' || p.id || '-' || d || '-' || k,
            timestamptz '2026-10-01 00:00:00+00' + d * interval '1 day' + (7 + (substring(p.gladly_agent_id from 4)::int % 8)) * interval '1 hour'
              + (k * 16 - 10 + ((p.id * 7 + d * 13 + k * 29) % 11) - 5) * interval '1 minute',
            case when k = 30 then 'logged_out' when (p.id * 3 + d * 5 + k * 7) % 10 < 7 then 'active' else 'away' end,
            case when k = 30 or (p.id * 3 + d * 5 + k * 7) % 10 < 7 then null
                 else (array['Break', 'Lunch', 'Coffee'])[1 + (p.id + k) % 3] end
     from people p cross join generate_series(0, $DAYS - 1) d cross join generate_series(0, 30) k
     where p.company_id = $CID"
# Availability: phone and email at the start, email only for the Email block, phone and email after it.
SQL "insert into agent_availability_changes (company_id, gladly_agent_id, occurred_at, available_for)
     select $CID, p.gladly_agent_id,
            timestamptz '2026-10-01 00:00:00+00' + d * interval '1 day' + (7 + (substring(p.gladly_agent_id from 4)::int % 8)) * interval '1 hour' + v.off * interval '1 minute',
            v.codes
     from people p cross join generate_series(0, $DAYS - 1) d
     cross join (values (-10, 'VOICE,MAIL'), (136, 'MAIL'), (241, 'VOICE,MAIL')) v(off, codes)
     where p.company_id = $CID"
SQL "analyze"
T1=$(date +%s.%N)
echo "rows: $(SQL "select count(*) from people where company_id = $CID") people, $(SQL "select count(*) from activities where company_id = $CID") activities, $(SQL "select count(*) from agent_state_changes where company_id = $CID") state changes, $(SQL "select count(*) from agent_availability_changes where company_id = $CID") availability changes (written in $(echo "$T1 - $T0" | bc) s)"
END_DAY=$(date -u -d "2026-10-01 + $DAYS days" +%Y-%m-%d)
for round in 1 2 3; do
  S=$(date +%s.%N)
  OUT=$(curl -sf -u "$KEY:" "localhost:$PORT/api/v1/adherence?start=2026-10-01T00:00:00Z&end=${END_DAY}T00:00:00Z")
  E=$(date +%s.%N)
  echo "round $round: GET /api/v1/adherence, $AGENTS agents x $DAYS days: $(echo "$E - $S" | bc) s ($(echo "$OUT" | grep -o '"person_id"' | wc -l) people; first: $(echo "$OUT" | head -c 240))"
done
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg); Rostra's peak resident memory (-Xmx512m): $(grep VmHWM /proc/$APP/status | awk '{print $2/1024 " MB"}')"
