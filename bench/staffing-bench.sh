#!/usr/bin/env bash
# Staffing math benchmark: ns per Erlang C / Erlang A answer and the time to compute 50 queues x 5 channels x 8 weeks
# of 15-minute requirements. Pure Java, no Spring, no database. Copy the figures into docs/benchmarks.md.
# Usage: bench/staffing-bench.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
CP="target/classes:target/test-classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -Xmx512m -cp "$CP" com.rostra.staffing.StaffingBench "${1:-5}"
