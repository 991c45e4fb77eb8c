#!/usr/bin/env bash
# Measures detection quality as deployed (config/marketpulse.yml, or MARKETPULSE_CONFIG / --config, the environment
# overriding it): the product's feature grid, detector and episodes, in one thread on event time.
#   ./evaluate.sh                      the six real months of ../shared/data/klines/ replayed as 1-minute candles:
#                                      alerts per symbol-day as they were; labelled moves injected at random seconds
#                                      (recall, median delay from onset, precision); then the simulator's thin
#                                      (Alpaca us-like) and dense venues with the same moves
#   ./evaluate.sh --candles FILE --symbol DOT/USD    replays one candle file (Binance klines or a bars CSV,
#                                      gzipped or not) and prints every alert it raised
#   ./evaluate.sh --trades FILE        scores a labelled trades CSV (timestamp,symbol,price,size,label) per alert
#                                      type: precision, recall, median delay, as a backtest's report does
#   ./evaluate.sh --simulate-trades FILE [--symbol S] [--seed N]   writes such a file from the dense simulator
# Options: --klines DIR  --seed N  --train FILE (grow the forest on a candle file first)  --venues false
set -euo pipefail
cd "$(dirname "$0")"
source bin/java-home.sh

echo "Building the evaluation with $JAVA_HOME ..." >&2
./mvnw -B -q -pl evaluation -am -DskipTests package

exec "$JAVA_HOME/bin/java" -cp "evaluation/target/classes:$(cat evaluation/target/classpath.txt)" \
  com.marketpulse.evaluation.real.RealMarketsCommand "$@"
