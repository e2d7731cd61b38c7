#!/usr/bin/env bash
# Schedule generation benchmark (solver only): 200 people × 1 week × 5 queues at 15 minutes, contracted capacity
# about 110 % of the required agent-hours. Prints hard violations, under-coverage share and solve time.
# Usage: bench/schedule-generation.sh [people] [seconds] [switch]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes/com/rostra/scheduling ] || mvn -B -q -DskipTests compile
CP=$(mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime \
  | sed 's/\x1b\[[0-9;]*m//g')
echo "machine: $(nproc) cores; $(date -u +%FT%TZ)"
java -Xmx2g -cp "target/classes:$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/ScheduleBench.java "${1:-200}" "${2:-60}" ${3:-} 2>&1 \
  | grep -v ' INFO \| DEBUG '
