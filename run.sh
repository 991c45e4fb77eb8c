#!/usr/bin/env bash
# Runs the whole MarketPulse stack on this machine: a real Kafka broker (KRaft) on :9092, a real PostgreSQL
# on :5432, and the six services (dashboard :8080, API :8000). Data stays in ./data across restarts.
# The market simulator is the source unless ALPACA_API_KEY and ALPACA_SECRET_KEY are set. Ctrl-C stops it all.
set -euo pipefail
cd "$(dirname "$0")"
source bin/java-home.sh

echo "Building MarketPulse with $JAVA_HOME (the first build downloads dependencies and takes a few minutes) ..."
./mvnw -B -q -DskipTests package

# the launcher only starts and watches the other processes: a small heap (it counts in the stack's memory bound)
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx64m --sun-misc-unsafe-memory-access=allow \
  -cp "local-stack/target/classes:$(cat local-stack/target/classpath.txt)" \
  com.marketpulse.stack.LocalStack "$@"
