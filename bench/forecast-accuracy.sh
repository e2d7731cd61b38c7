#!/usr/bin/env bash
# Forecast accuracy on the shared real data sets (rolling origins, every model and the chosen one against the
# N-week same-weekday average, WAPE and MASE per horizon) and the fit time for 250 series × 8 weeks.
# Pure Java, no database, no Spring. Copy the figures into docs/benchmarks.md.
# Usage: bench/forecast-accuracy.sh [data-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/work/shared/data}
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -Xmx1g ${BENCH_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  com.rostra.forecasting.bench.ForecastAccuracyBench "$DATA"
