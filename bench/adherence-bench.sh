#!/usr/bin/env bash
# Adherence arithmetic at scale: 1,000 agents x 30 days of schedules and state changes through AdherenceCalculator
# (pure Java, no database). Goal from issue #14: under 5 s on 2 cores. Copy the figures into docs/benchmarks.md.
# Usage: bench/adherence-bench.sh [agents] [days]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -Xmx1g -cp target/classes:target/test-classes com.rostra.adherence.AdherenceBench "${1:-1000}" "${2:-30}"
