#!/usr/bin/env bash
# Soak test of 'anzsco serve': runs the server on 127.0.0.1 (a free port,
# never any other address) for SECONDS (default 600) under a mix of valid
# and invalid requests from internal/tools/soak, samples its RSS every 10 s
# from /proc/PID/status, and prints: requests sent, errors on valid
# requests (must be 0), the status counts of the invalid ones, RSS
# first/last/max, the server's log by level and how it shut down.
#
#   scripts/soak-serve.sh          # 10 minutes
#   scripts/soak-serve.sh 10       # 10 seconds, as CI runs it
#   SOAK_CLIENTS=16 scripts/soak-serve.sh 300
#   scripts/soak-serve.sh 60 --cache-mb 0   # extra flags go to 'anzsco serve'
#
# Exit status 1 when a valid request failed, an invalid one got a status
# the API does not document (or any 5xx), the server logged an error, died,
# or did not shut down cleanly on SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-600}
case $secs in '' | *[!0-9]*) echo "usage: $0 [SECONDS] [serve flags...]" >&2; exit 2 ;; esac
shift $(($# > 0 ? 1 : 0))
clients=${SOAK_CLIENTS:-8}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/anzsco" ./cmd/anzsco
go build -o "$tmp/soak" ./internal/tools/soak

echo "## soak of anzsco serve ($(date -u +%Y-%m-%dT%H:%MZ), ${secs}s, $(nproc) CPUs, $(go version | cut -d' ' -f3))"
"$tmp/soak" -anzsco "$tmp/anzsco" -duration "${secs}s" -clients "$clients" -sample 10s -- "$@"
