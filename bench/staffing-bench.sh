#!/usr/bin/env bash
# Staffing math benchmark (JMH): ns per Erlang C / Erlang A answer for one interval (the agent search alone, and the
# requirement row the service computes: agents plus expected service level), and the time to compute
# 50 queues x 5 channels x 8 weeks of 15-minute requirements (repeating weekly profile; every volume distinct).
# Pure Java, no Spring, no database. Ends with a summary against issue 13's goals.
# Copy the figures into docs/benchmarks.md with the machine and its load.
# Usage: bench/staffing-bench.sh [JMH options, e.g. -wi 2 -i 3 -w 1 -r 1]
#        bench/staffing-bench.sh --plain [rounds]   (StaffingBench: thread CPU time, holds on a loaded machine)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests compile test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${1:-}" = "--plain" ]; then
  java -Xmx512m -cp "$CP" com.rostra.staffing.StaffingBench "${2:-9}"
else
  RESULT=target/staffing-jmh.csv
  java -Xmx1g -cp "$CP" com.rostra.staffing.StaffingJmh "$@" -rf csv -rff "$RESULT"
  echo
  echo "summary (JMH, wall clock; load at the end: $(cut -d' ' -f1-3 /proc/loadavg)):"
  awk -F, 'NR > 1 {
      gsub(/"|\r/, ""); name = $1; sub(/.*\./, "", name); score = $5; err = $6; unit = $7
      goal = ""
      if (name == "erlangCPerRequirement" || name == "erlangCRequirementRow") goal = "goal < 0.5 us"
      if (name == "erlangAPerRequirement" || name == "erlangARequirementRow") goal = "goal < 2 us"
      if (name ~ /^requirements50x5x8Weeks/) goal = "goal < 1 s"
      if (unit ~ /^ns/) printf "  %-40s %9.3f us  +- %.3f   %s\n", name, score / 1000, err / 1000, goal
      else printf "  %-40s %9.1f %s +- %.1f   %s\n", name, score, unit, err, goal
  }' "$RESULT"
fi
