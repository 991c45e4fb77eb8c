#!/usr/bin/env bash
# ./backtest.sh FILE [--symbol S] [--format F] [--name N] [--min-move PCT] [--move-sigmas X] [--volume-multiple X]
#               [--volatility-multiple X] [--cooldown 10m] [--min-notional USD] [--timed]
# Runs one backtest of FILE (trades CSV/Parquet or 1-minute candles, gzipped or not) against a running stack
# (./run.sh) through its API: uploads it, prints progress until the pipeline has judged every row, then the report
# (alerts per type and per day; precision, recall and median delay per type when the file carries labels).
# Signs in as MARKETPULSE_USER / MARKETPULSE_PASSWORD (default: the local stack's demo account);
# MARKETPULSE_API_URL says where the API is (default http://localhost:8000). --min-move PCT is the minimum move in
# percent over 1, 5 and 15 minutes. --timed measures the run end to end through the whole stack: from the upload's
# first byte until the run is DONE (every row judged by feature-service and detection, the report complete), polled
# every 0.2 s, and prints rows/s (and the API's own created-to-finished time). Exit code: 0 when the run is DONE, 1 when it failed or was cancelled,
# 2 when the API refused it (its message is printed), 3 on bad arguments or a missing tool.
set -euo pipefail

usage() { sed -n '2,3p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 3; }
[ $# -ge 1 ] || usage
file=$1; shift
[ -f "$file" ] || { echo "No such file: $file" >&2; exit 3; }

if ! command -v jq >/dev/null || ! command -v curl >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq jq curl >/dev/null || { apt-get update -qq && apt-get install -y -qq jq curl >/dev/null; }
  else
    echo "backtest.sh needs curl and jq: apt-get install -y curl jq" >&2; exit 3
  fi
fi

api=${MARKETPULSE_API_URL:-http://localhost:8000}
fields=()
percent() { awk -v p="$1" 'BEGIN { if (p !~ /^[0-9]*\.?[0-9]+$/) exit 1; printf "%.10g", p / 100 }' \
  || { echo "Not a percentage: $1" >&2; exit 3; }; }
timed=
while [ $# -gt 0 ]; do
  if [ "$1" = --timed ]; then timed=1; shift; continue; fi
  [ $# -ge 2 ] || usage
  case "$1" in
    --symbol) fields+=(-F "symbol=$2") ;;
    --format) fields+=(-F "format=$2") ;;
    --name) fields+=(-F "name=$2") ;;
    --min-move) f=$(percent "$2"); fields+=(-F "minMove1m=$f" -F "minMove5m=$f" -F "minMove15m=$f") ;;
    --move-sigmas) fields+=(-F "moveSigmas=$2") ;;
    --volume-multiple) fields+=(-F "volumeMultiple=$2") ;;
    --volatility-multiple) fields+=(-F "volatilityMultiple=$2") ;;
    --cooldown) fields+=(-F "cooldown=$2") ;;
    --min-notional) fields+=(-F "minNotional5m=$2") ;;
    *) echo "Unknown option: $1" >&2; usage ;;
  esac
  shift 2
done

body=$(mktemp); trap 'rm -f "$body"' EXIT
# call METHOD PATH [curl args...]: the answer's body in $body, its status printed; no answer at all is fatal
call() {
  local method=$1 path=$2; shift 2
  curl -sS -o "$body" -w '%{http_code}' -X "$method" ${token:+-H "Authorization: Bearer $token"} "$@" "$api$path" \
    || { echo "The API at $api is not reachable (is ./run.sh running?)" >&2; exit 1; }
}
problem() { jq -r '.detail // .title // "HTTP error"' "$body" 2>/dev/null || cat "$body"; }

token=
credentials=$(jq -n --arg u "${MARKETPULSE_USER:-demo}" --arg p "${MARKETPULSE_PASSWORD:-demo123}" \
  '{username: $u, password: $p}')
status=$(call POST /api/auth/login -H 'Content-Type: application/json' -d "$credentials")
[ "$status" = 200 ] || { echo "Sign-in refused ($status): $(problem)" >&2; exit 2; }
token=$(jq -r .token "$body")

poll=1; [ -z "$timed" ] || poll=0.2
started=$(date +%s.%N)
status=$(call POST /api/backtests -F "file=@$file" "${fields[@]}")
case "$status" in 2*) ;; *) echo "Backtest refused ($status): $(problem)" >&2; exit 2 ;; esac
id=$(jq -r .id "$body")
echo "Backtest $id: $(jq -r .input "$body")" >&2

state=QUEUED
while :; do
  status=$(call GET "/api/backtests/$id")
  [ "$status" = 200 ] || { echo "Lost the run ($status): $(problem)" >&2; exit 1; }
  state=$(jq -r .state "$body")
  printf '\r%-9s %s\033[K' "$state" "$(jq -r '"\(.rowsRead) rows read, \(.badRows) bad"
    + (if .eventTimeReached then ", at \(.eventTimeReached)" else "" end)
    + (if .rowsPerSecond > 0 then ", \(.rowsPerSecond | floor) rows/s" else "" end)
    + (if .etaSeconds then ", ~\(.etaSeconds) s left" else "" end)' "$body")" >&2
  case "$state" in QUEUED|RUNNING|DRAINING) sleep "$poll" ;; *) break ;; esac
done
ended=$(date +%s.%N)
echo >&2
if [ "$state" != DONE ]; then
  echo "Backtest $state: $(jq -r '.error // "no reason given"' "$body")" >&2
  exit 1
fi

status=$(call GET "/api/backtests/$id/report")
[ "$status" = 200 ] || { echo "No report ($status): $(problem)" >&2; exit 1; }
jq -r '
  def pct: if . == null then "-" else (. * 1000 | round / 10 | tostring) + " %" end;
  "Run \(.run.id)  \(.run.name)",
  "rows read \(.run.rowsRead), published \(.run.published), dead-lettered \(.run.deadLettered), bad \(.run.badRows)",
  (if .run.error then "note: \(.run.error)" else empty end),
  "",
  "alerts per type (\(.alerts) in all)",
  (.countsByType | to_entries[] | "  \(.key | ascii_downcase | gsub("_"; " "))\t\(.value)"),
  "",
  "alerts per day",
  (if (.perDay | length) == 0 then "  none" else (.perDay[] | "  \(.day)\t\(.alerts)") end),
  (if .labelled then
     "", "scores against the labelled events (type, alerts caused/raised, precision, found/labels, recall, median delay)",
     ((.scores + [.overall])[] | "  \(.type // "all" | ascii_downcase | gsub("_"; " "))\t\(.caused)/\(.alerts)\t\(.precision | pct)\t\(.found)/\(.labels)\t\(.recall | pct)\t\(if .medianDelaySeconds then "\(.medianDelaySeconds) s" else "-" end)"),
     "", "missed events: \(.missed | length)"
   else "", "no labels in the input: no scores" end)
' "$body" | column -t -s $'\t'

if [ -n "$timed" ]; then
  # the API's own account: from the job's creation (upload stored and checked) to the drain check's DONE
  jq -r --arg s "$started" --arg e "$ended" '
    def secs: sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601;
    (($e | tonumber) - ($s | tonumber)) as $wall
    | "", "end to end: \(.run.rowsRead) rows in \($wall * 10 | round / 10) s (upload to DONE) = \(.run.rowsRead / $wall | floor) rows/s"
      + "; the API: created \(.run.createdAt), finished \(.run.finishedAt) (\((.run.finishedAt | secs) - (.run.createdAt | secs)) s)"' \
    "$body"
fi
