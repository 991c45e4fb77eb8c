#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against a real embedded Kafka broker and a real embedded
# PostgreSQL, the end-to-end test of the whole pipeline, and the browser tests (needs /usr/bin/chromium and
# /usr/bin/chromedriver: on Debian, apt-get install chromium chromium-driver).
set -euo pipefail
cd "$(dirname "$0")"
source bin/java-home.sh
exec ./mvnw -B -ntp verify "$@"
