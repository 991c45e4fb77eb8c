#!/usr/bin/env bash
# Memory of a running local stack (./run.sh): every process it started — the launcher, the services' JVMs, the
# Kafka broker's JVM, PostgreSQL's postmaster and backends — sampled every INTERVAL seconds for DURATION seconds.
# Prints each process's peak RSS and PSS (PSS shares pages such as PostgreSQL's shared buffers out between the
# processes that map them, so it does not count them twice) and the peak of the sum over all of them.
#
#   bin/stack-memory.sh [DURATION=60] [INTERVAL=5]      (MARKETPULSE_DATA_DIR as for ./run.sh, default ./data)
set -euo pipefail
duration=${1:-60}
interval=${2:-5}
data=$(cd "$(dirname "$0")/.." && realpath -m "${MARKETPULSE_DATA_DIR:-data}")

# the launcher of this data directory (other stacks may run on the machine)
launcher=""
for pid in $(pgrep -f "com.marketpulse.stack.LocalStack" || true); do
  cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null || true)
  its=$(tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | sed -n 's/^MARKETPULSE_DATA_DIR=//p')
  [[ -n $cwd ]] || continue
  if [[ $(cd "$cwd" && realpath -m "${its:-data}") == "$data" ]]; then launcher=$pid; break; fi
done
if [[ -z $launcher ]]; then
  echo "no local stack (com.marketpulse.stack.LocalStack) running on $data" >&2
  exit 1
fi

descendants() {
  local pid=$1
  echo "$pid"
  for child in $(pgrep -P "$pid" || true); do descendants "$child"; done
}

stack_pids() {
  descendants "$launcher"
  local postmaster
  postmaster=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null || true)
  if [[ -n $postmaster ]] && kill -0 "$postmaster" 2>/dev/null; then descendants "$postmaster"; fi
}

name_of() {
  local args
  args=$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null || true)
  case $args in
    *LocalStack*) echo "launcher" ;;
    *" kafka.Kafka "*) echo "kafka-broker" ;;
    *-exec.jar*)
      # one row per instance: the module and the port it serves on
      local port
      port=$(tr '\0' '\n' < "/proc/$1/environ" 2>/dev/null | sed -n 's/^SERVER_PORT=//p')
      echo "$(basename "$(grep -o '[^ ]*-exec.jar' <<<"$args")" | sed 's/-0\..*//'):${port:-?}" ;;
    *postgres*) echo "postgresql" ;;
    *) echo "pid-$1" ;;
  esac
}

kib() { awk -v key="$2" '$1 == key":" { print $2 }' "/proc/$1/$3" 2>/dev/null || echo 0; }

declare -A peak_rss peak_pss names
peak_total_rss=0
peak_total_pss=0
end=$((SECONDS + duration))
while :; do
  total_rss=0
  total_pss=0
  declare -A rss_now=() pss_now=()
  for pid in $(stack_pids | sort -u); do
    [[ -r /proc/$pid/status ]] || continue
    name=$(name_of "$pid")
    # one row per service; postgres backends and a service's helper processes add up under their name
    key="$name"
    rss=$(kib "$pid" VmRSS status); pss=$(kib "$pid" Pss smaps_rollup)
    rss_now[$key]=$(( ${rss_now[$key]:-0} + ${rss:-0} ))
    pss_now[$key]=$(( ${pss_now[$key]:-0} + ${pss:-0} ))
    total_rss=$((total_rss + ${rss:-0})); total_pss=$((total_pss + ${pss:-0}))
  done
  for key in "${!rss_now[@]}"; do
    names[$key]=1
    (( rss_now[$key] > ${peak_rss[$key]:-0} )) && peak_rss[$key]=${rss_now[$key]}
    (( pss_now[$key] > ${peak_pss[$key]:-0} )) && peak_pss[$key]=${pss_now[$key]}
  done
  unset rss_now pss_now
  (( total_rss > peak_total_rss )) && peak_total_rss=$total_rss
  (( total_pss > peak_total_pss )) && peak_total_pss=$total_pss
  (( SECONDS >= end )) && break
  sleep "$interval"
done

printf '%-28s %12s %12s\n' "process (peak over ${duration} s)" "RSS MiB" "PSS MiB"
for key in $(printf '%s\n' "${!names[@]}" | sort); do
  printf '%-28s %12d %12d\n' "$key" $(( peak_rss[$key] / 1024 )) $(( peak_pss[$key] / 1024 ))
done
printf '%-28s %12d %12d\n' "all together (peak of sum)" $((peak_total_rss / 1024)) $((peak_total_pss / 1024))
