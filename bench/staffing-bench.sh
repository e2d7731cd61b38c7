#!/usr/bin/env bash
# Staffing math benchmark (JMH): ns per Erlang C / Erlang A answer for one interval, and the time to compute
# 50 queues x 5 channels x 8 weeks of 15-minute requirements. Pure Java, no Spring, no database.
# Copy the figures into docs/benchmarks.md with the machine and its load.
# Usage: bench/staffing-bench.sh [JMH options, e.g. -wi 2 -i 3]
#        bench/staffing-bench.sh --plain    (the older hand-rolled StaffingBench, for comparison)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${1:-}" = "--plain" ]; then
  java -Xmx512m -cp "$CP" com.rostra.staffing.StaffingBench "${2:-5}"
else
  java -Xmx1g -cp "$CP" com.rostra.staffing.StaffingJmh "$@"
fi
