#!/usr/bin/env bash
# Load test of 'anzsco serve': wrk sends GET /v1/classify with a rotation of
# varied job titles to a server on the loopback interface (never any other
# address), and the script reports requests/s, p50/p99 latency, errors and
# the server's RSS at the start, middle and end of the run.
#
#   scripts/load-serve.sh                # 60 s, 64 connections
#   scripts/load-serve.sh --quick        # 5 s, as CI runs it
#   scripts/load-serve.sh --no-cache     # every request runs the classifier
#   scripts/load-serve.sh --distinct     # every request a title not sent before
#   scripts/load-serve.sh --distinct --peer   # the same titles to the naive baseline
#   scripts/load-serve.sh --duration 30 --connections 128
#
# --distinct sends generated ad titles (internal/batch/cmd/genads -distinct,
# a made-up word before each, seed 1), each thread its own file and each
# title once (after a warm-up on other titles), as real traffic mostly is.
# --peer loads internal/tools/naivepeer -serve instead: a naive bleve
# classifier, the baseline of the speed figures, not a product.
#
# Targets: >= 10,000 requests/s over the rotation, >= 15,000 with
# --distinct, p99 < 20 ms, no errors, RSS flat (the end within 10% of the
# middle). The exit status is 1 when any request failed, and also when a
# target is missed with --strict.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=60 conns=64 threads=2 cache_mb=32 strict=0 mode="cache on" distinct=0 peer=0
while [ $# -gt 0 ]; do
	case "$1" in
	--quick) duration=5 ;;
	--no-cache) cache_mb=0 mode="cache off" ;;
	--strict) strict=1 ;;
	--distinct) distinct=1 ;;
	--peer) peer=1 ;;
	--duration) duration="$2"; shift ;;
	--connections) conns="$2"; shift ;;
	-h | --help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "load-serve.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk; then
	if [ "$(id -u)" = 0 ] && need apt-get; then
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null 2>&1 || true
	fi
	need wrk || { echo "load-serve.sh: wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
fi
need curl || { echo "load-serve.sh: curl is not installed" >&2; exit 2; }

tmp=$(mktemp -d)
pid=""
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

go build -o "$tmp/anzsco" ./cmd/anzsco
min_rps=10000 what="16 titles"
if [ "$distinct" = 1 ]; then
	min_rps=15000 what="distinct generated ad titles, each sent once"
	go build -o "$tmp/genads" ./internal/batch/cmd/genads
	# Enough titles for 25,000 requests/s; one file per wrk thread, and
	# others for the warm-up.
	per=$((duration * 25000 / threads + 1000))
	"$tmp/genads" -rows $((per * threads)) -distinct -seed 1 | tail -n +2 | cut -d, -f2- >"$tmp/all.txt"
	split -n "l/$threads" -d -a 1 "$tmp/all.txt" "$tmp/titles-"
	"$tmp/genads" -rows $((threads * 250000)) -distinct -seed 2 | tail -n +2 | cut -d, -f2- >"$tmp/all-warm.txt"
	split -n "l/$threads" -d -a 1 "$tmp/all-warm.txt" "$tmp/warm-"
	rm -f "$tmp/all.txt" "$tmp/all-warm.txt"
fi
if [ "$peer" = 1 ]; then
	[ "$distinct" = 1 ] || { echo "load-serve.sh: --peer needs --distinct" >&2; exit 2; }
	go build -o "$tmp/naivepeer" ./internal/tools/naivepeer
fi

# Port 0: the kernel picks a free port; the server logs the address.
if [ "$peer" = 1 ]; then
	mode="naive bleve baseline (internal/tools/naivepeer -serve)"
	"$tmp/naivepeer" -serve 127.0.0.1:0 2>"$tmp/server.log" &
else
	"$tmp/anzsco" serve --addr 127.0.0.1:0 --cache-mb "$cache_mb" --max-inflight 1024 2>"$tmp/server.log" &
fi
pid=$!
addr=""
for _ in $(seq 200); do
	addr=$(grep -m1 -o '"addr":"[^"]*"' "$tmp/server.log" 2>/dev/null | cut -d'"' -f4 || true)
	[ -n "$addr" ] && break
	kill -0 "$pid" 2>/dev/null || { echo "load-serve.sh: the server exited:" >&2; cat "$tmp/server.log" >&2; exit 1; }
	sleep 0.05
done
case "$addr" in
127.*) ;;
*) echo "load-serve.sh: the server is not on the loopback interface ($addr); refusing to send load" >&2; exit 1 ;;
esac
base="http://$addr"
if [ "$peer" = 1 ]; then
	curl -fsS "$base/v1/classify?q=ready" >/dev/null
else
	curl -fsS "$base/readyz" >/dev/null
fi

cat >"$tmp/rotate.lua" <<'EOF'
-- Each connection walks the list from its own offset, so every query is
-- in play at every moment.
local queries = {
  "Contact Center Supervisor",
  "Call centre agent",
  "Team Leader - Inbound Contact Centre",
  "Customer Service Representative (12 month contract) - Sydney CBD",
  "Operador de telemarketing receptivo",
  "Supervisor de call center",
  "Telemarketer",
  "Call Centre Manager",
  "Senior software engineer",
  "Workforce planner, contact centre",
  "Inbound CSR",
  "Atendente de central de atendimento",
  "Debt collection officer",
  "Contact centr team leadr",
  "Registered nurse",
  "Help desk analyst",
}
local reqs = {}
local n = 0
local counter = 0

local function escape(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 5)
end

function init(args)
  for i, q in ipairs(queries) do
    reqs[i] = wrk.format("GET", "/v1/classify?q=" .. escape(q))
  end
  n = offset or 0
end

function request()
  n = n + 1
  return reqs[(n % #reqs) + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
EOF

cat >"$tmp/distinct.lua" <<'EOF'
-- Each thread reads its own file of titles, one request a line, so that
-- no title is sent twice (the file wraps around only when it runs out).
local f = nil
local counter = 0

local function escape(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread:set("file", string.format("%s%d", PREFIX, counter))
  counter = counter + 1
end

function init(args)
  f = assert(io.open(file, "r")) -- file: set by setup
end

function request()
  local line = f:read("*l")
  if line == nil then
    f:seek("set")
    line = f:read("*l")
  end
  return wrk.format("GET", "/v1/classify?q=" .. escape(line))
end
EOF
sed -n '/^function done/,/^end/p' "$tmp/rotate.lua" >>"$tmp/distinct.lua"
script="$tmp/rotate.lua" warm_script="$tmp/rotate.lua"
if [ "$distinct" = 1 ]; then
	sed "s|PREFIX|\"$tmp/titles-\"|" "$tmp/distinct.lua" >"$tmp/run.lua"
	sed "s|PREFIX|\"$tmp/warm-\"|" "$tmp/distinct.lua" >"$tmp/warm.lua"
	script="$tmp/run.lua" warm_script="$tmp/warm.lua"
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }

# A short warm-up: the first requests build the caches and grow the heap.
# Distinct titles fill the caches (results, candidates, searches: each
# with a budget in bytes) for longer before the RSS can be flat.
warm=2
[ "$distinct" = 1 ] && [ "$duration" -ge 20 ] && warm=15
wrk -t "$threads" -c "$conns" -d "${warm}s" -s "$warm_script" "$base/v1/classify" >/dev/null
rss_start=$(rss_kb)
buckets() {
	[ "$peer" = 1 ] && return 0 # the baseline has no metrics
	curl -fsS "$base/metrics" | grep '^anzsco_http_request_duration_seconds_bucket{route="/v1/classify",status="200"' | sed 's/.*le="\([^"]*\)"} \(.*\)/\1 \2/'
}
buckets >"$tmp/buckets_before"
(sleep "$(awk -v d="$duration" 'BEGIN {print d/2}')"; rss_kb >"$tmp/rss_mid") &
sampler=$!
# RSS every 5 s, to show whether it is flat after the warm-up.
(while sleep 5; do rss_kb >>"$tmp/rss_series" 2>/dev/null || break; done) &
series=$!
wrk -t "$threads" -c "$conns" -d "${duration}s" --timeout 5s -s "$script" "$base/v1/classify" >"$tmp/wrk.txt"
kill "$series" 2>/dev/null || true
wait "$series" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
rss_end=$(rss_kb)
buckets >"$tmp/buckets_after"
# Time inside the handler, from the server's own histogram: the upper bound
# of the bucket that holds the percentile. The gap to wrk's latency is time
# spent queued in the kernel, the Go scheduler and wrk itself.
server_pct() {
	awk -v q="$1" 'NR == FNR {before[$1] = $2; next} {le[++n] = $1; c[n] = $2 - before[$1]}
		END {total = c[n]; if (total == 0) {print "n/a"; exit}
			for (i = 1; i <= n; i++) if (c[i] >= q * total) {
			if (le[i] == "+Inf") print "> 10 s"; else printf "≤ %g ms", le[i] * 1000; exit }}' \
		"$tmp/buckets_before" "$tmp/buckets_after"
}
rss_mid=$(cat "$tmp/rss_mid" 2>/dev/null || echo "$rss_end")

line=$(grep '^RESULT ' "$tmp/wrk.txt") || { cat "$tmp/wrk.txt" >&2; exit 1; }
get() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
requests=$(get requests) dur=$(get duration_us)
p50=$(get p50_us) p90=$(get p90_us) p99=$(get p99_us) max=$(get max_us)
errors=$(( $(get connect) + $(get read) + $(get write) + $(get status) + $(get timeout) ))
rps=$(awk -v r="$requests" -v d="$dur" 'BEGIN {printf "%.0f", r / (d / 1e6)}')
ms() { awk -v u="$1" 'BEGIN {printf "%.2f ms", u / 1000}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%.1f MB", k / 1024}'; }
growth=$(awk -v a="$rss_mid" -v b="$rss_end" 'BEGIN {printf "%+.1f%%", (b - a) * 100 / a}')

pass() { if [ "$1" = 1 ]; then echo "yes"; else echo "**no**"; fi; }
ok_rps=$(awk -v r="$rps" -v m="$min_rps" 'BEGIN {print (r >= m)}')
ok_p99=$(awk -v p="$p99" 'BEGIN {print (p < 20000)}')
ok_err=$([ "$errors" = 0 ] && echo 1 || echo 0)
ok_rss=$(awk -v a="$rss_mid" -v b="$rss_end" 'BEGIN {print (b <= a * 1.10)}')

echo "## anzsco serve under load ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
echo
echo "wrk: ${duration} s, ${conns} connections, ${threads} threads, GET /v1/classify over ${what}, ${mode}; server and wrk share the machine (load average before the run: ${load_before})."
echo
echo "| measure | result | target | met |"
echo "|---|---|---|---|"
echo "| requests/s | $rps ($requests requests) | ≥ $min_rps | $(pass "$ok_rps") |"
echo "| latency p50 / p90 / p99 / max | $(ms "$p50") / $(ms "$p90") / $(ms "$p99") / $(ms "$max") | p99 < 20 ms | $(pass "$ok_p99") |"
echo "| time in the handler p50 / p99 (server histogram) | $(server_pct 0.5) / $(server_pct 0.99) | | |"
echo "| errors (connect, read, write, non-2xx, timeout) | $errors ($(get connect), $(get read), $(get write), $(get status), $(get timeout)) | 0 | $(pass "$ok_err") |"
echo "| server RSS start / middle / end | $(mb "$rss_start") / $(mb "$rss_mid") / $(mb "$rss_end") ($growth middle to end) | flat (≤ +10%) | $(pass "$ok_rss") |"
echo "| server RSS every 5 s | $(awk '{printf "%s%.0f", (NR > 1 ? ", " : ""), $1 / 1024}' "$tmp/rss_series" 2>/dev/null) MB | | |"

if [ "$ok_err" != 1 ]; then exit 1; fi
if [ "$strict" = 1 ] && [ "$ok_rps$ok_p99$ok_rss" != 111 ]; then exit 1; fi
exit 0
