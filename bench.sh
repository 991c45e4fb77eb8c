#!/usr/bin/env bash
# JMH benchmark of the per-event work on one core (trades, quotes, source bars of the dense and thin simulated
# venues): the grid feature math alone, and features + detection (forest, rules, episodes)
# (com.marketpulse.evaluation.real.GridPipelineBenchmark), with config/marketpulse.yml. Prints JMH's table (ops/s = events/s).
# Extra arguments go to JMH, e.g. ./bench.sh -wi 5 -i 10  or  ./bench.sh GridPipelineBenchmark.features
set -euo pipefail
cd "$(dirname "$0")"
source bin/java-home.sh

# ./bench.sh backtest [CANDLE_FILE [TRADES]]: backtest replays through ingestion-service against a real (embedded)
# broker with the live simulator running: a month of candles and ~1M trades, rows/s and the live ticks' latency
# (com.marketpulse.ingestion.backtest.BacktestBenchmark).
if [ "${1:-}" = backtest ]; then
  shift
  echo "Building ingestion-service with $JAVA_HOME ..." >&2
  ./mvnw -B -q -pl ingestion-service -am -DskipTests package
  t=ingestion-service/target
  exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$t/test-classes:$t/classes:$(cat $t/test-classpath.txt)" \
    com.marketpulse.ingestion.backtest.BacktestBenchmark "$@"
fi

# ./bench.sh pipeline [--ticks N] [--symbols 3,100] [--latency-seconds S] [--latency-rate R] [--keep]: the whole
# stack (real broker, PostgreSQL, the five services' jars, data in a temporary directory) measured from outside:
# Kafka's own rate on the same broker, N ticks through ingestion's live replay at max speed (per stage: ticks/s, the
# ratio to Kafka, CPU and RSS per process), then tick → SSE alert latency at a steady rate through a fake Alpaca
# (com.marketpulse.stack.PipelineBenchmark). Prints a table and writes local-stack/target/pipeline-bench.json.
if [ "${1:-}" = pipeline ]; then
  shift
  echo "Building MarketPulse with $JAVA_HOME ..." >&2
  ./mvnw -B -q -DskipTests package
  t=local-stack/target
  exec "$JAVA_HOME/bin/java" -Xmx1g --sun-misc-unsafe-memory-access=allow -Dmarketpulse.root="$PWD" \
    -cp "$t/test-classes:$t/classes:$(cat $t/test-classpath.txt)" com.marketpulse.stack.PipelineBenchmark "$@"
fi

echo "Building the benchmarks with $JAVA_HOME ..." >&2
./mvnw -B -q -pl evaluation -am -DskipTests package

selection=GridPipelineBenchmark
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then selection="$1"; shift; fi
# JMH options after the selection replace the defaults (JMH refuses an option given twice).
if [ $# -eq 0 ]; then set -- -wi 5 -w 1s -i 5 -r 1s -f 1; fi
exec "$JAVA_HOME/bin/java" -cp "evaluation/target/test-classes:evaluation/target/classes:$(cat evaluation/target/test-classpath.txt)" \
  org.openjdk.jmh.Main "$selection" "$@"
