#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against a real embedded Kafka broker and a real embedded
# PostgreSQL, the end-to-end test of the whole pipeline, and the browser tests. The browser tests need
# /usr/bin/chromium and /usr/bin/chromedriver, and the database-roles test runs compose's roles script through
# /usr/bin/psql as PostgreSQL's image does: run as root, this installs Debian's chromium, chromium-driver and
# postgresql-client when they are missing; otherwise it stops and says what to install.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver || ! -x /usr/bin/psql ]]; then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and chromium-driver for the browser tests, postgresql-client for the roles test ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium chromium-driver postgresql-client >/dev/null
  else
    echo "The tests need /usr/bin/chromium, /usr/bin/chromedriver and /usr/bin/psql; one is missing." >&2
    echo "Install them first, e.g. on Debian/Ubuntu:  sudo apt-get install chromium chromium-driver postgresql-client" >&2
    exit 1
  fi
fi

source bin/java-home.sh
exec ./mvnw -B -ntp verify "$@"
