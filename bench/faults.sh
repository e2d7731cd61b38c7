#!/usr/bin/env bash
# The counted fault tests at full size: Rostra as its own process(es) on a fresh PostgreSQL database,
# kill -9 of one of two nodes mid-burst and mid-backfill, and the database cut mid-burst, each counted against the
# simulator's ground truth. The suite runs the same tests at reduced size.
#   bench/faults.sh [events] [backfill-days] [burst-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-20000}
DAYS=${2:-14}
SECONDS_=${3:-60}
mvn -q -o -DskipTests test-compile 2>/dev/null || mvn -q -DskipTests test-compile
start=$(date +%s)
# The filter shows the stages and the verdict; the script's own status is the tests' (a failed run must fail CI and
# any caller), whatever the filter matched.
set +e
mvn -o surefire:test -Dtest=CrashAndOutageFaultTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Drostra.faults.events="$EVENTS" -Drostra.faults.backfill-days="$DAYS" -Drostra.faults.burst-seconds="$SECONDS_" \
2>&1 | grep -E "\[faults|Tests run:|FAIL|expected|but was"
status=${PIPESTATUS[0]}
set -e
echo "faults: $EVENTS events over ${SECONDS_} s, $DAYS days of backfill, $(( $(date +%s) - start )) s in all; mvn exit $status"
exit "$status"
