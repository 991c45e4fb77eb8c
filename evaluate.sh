#!/usr/bin/env bash
# Measures detection quality as deployed: the real simulator, feature math, detector and episode logic, on a
# virtual clock, over seeded labelled streams (and anomaly-free ones), with config/marketpulse.yml (or
# MARKETPULSE_CONFIG) and the environment overriding it. Prints precision, recall, median detection delay per
# anomaly type and false alerts per symbol-day. Options (all optional):
#   --seeds 1,2,3  --hours 24  --quiet-hours 24  --symbols BTC/USD,ETH/USD,SOL/USD  --grace 10s
#   --model bootstrap|archive  --config config/marketpulse.yml
set -euo pipefail
cd "$(dirname "$0")"
source bin/java-home.sh

echo "Building the evaluation with $JAVA_HOME ..." >&2
./mvnw -B -q -pl evaluation -am -DskipTests package

exec "$JAVA_HOME/bin/java" -cp "evaluation/target/classes:$(cat evaluation/target/classpath.txt)" \
  com.marketpulse.evaluation.EvaluationCommand "$@"
