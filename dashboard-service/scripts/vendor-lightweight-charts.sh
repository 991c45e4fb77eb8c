#!/usr/bin/env bash
# Re-creates the vendored copy of TradingView Lightweight Charts (Apache-2.0) that the dashboard's price charts load
# at run time from /vendor/lightweight-charts/<version>/. Only needed to change the version: the file is committed,
# so building and testing need neither Node nor npm, and Vaadin's pre-compiled frontend bundle still applies.
#
#   dashboard-service/scripts/vendor-lightweight-charts.sh [version]     (needs npm; default: the version in use)
#
# npm checks the package against the registry's integrity hash; the script prints the SHA-256 of the file it copied.
# After changing the version, update PriceChart.LIBRARY.
set -euo pipefail
version="${1:-5.2.1}"
module="$(cd "$(dirname "$0")/.." && pwd)"
target="$module/src/main/resources/META-INF/resources/vendor/lightweight-charts/$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "lightweight-charts@$version" >/dev/null)
tar -xzf "$work/lightweight-charts-$version.tgz" -C "$work"
mkdir -p "$target"
cp "$work/package/dist/lightweight-charts.standalone.production.js" "$target/"
cp "$work/package/LICENSE" "$target/LICENSE"
sha256sum "$target/lightweight-charts.standalone.production.js"
