#!/usr/bin/env bash
# Measures the core classifier: Classify throughput on one core, building the
# default index in memory, a whole 'anzsco classify' process from a cold
# start, and peak RSS. Prints a Markdown table for the README.
#
#   scripts/bench-core.sh           # full run (about a minute)
#   scripts/bench-core.sh --quick   # a few seconds, as CI runs it
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[ "${1:-}" = "--quick" ] && quick=1
benchtime=3s runs=50
if [ $quick = 1 ]; then benchtime=200ms runs=5; fi

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || [ ! -x /usr/bin/time ]; then
	if [ "$(id -u)" = 0 ] && need apt-get; then
		(apt-get update -qq && apt-get install -y -qq hyperfine time) >/dev/null 2>&1 || true
	fi
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/anzsco" ./cmd/anzsco

echo "## core benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | cut -d' ' -f3))"
echo
go test ./index -run '^$' -bench 'ClassifyShortTitle|BuildDefault' -benchtime "$benchtime" -cpu 1 -benchmem | tee "$out/bench.txt" | grep -E '^Benchmark' || true
ns=$(awk '/^BenchmarkClassifyShortTitle/ {print $3}' "$out/bench.txt")
build=$(awk '/^BenchmarkBuildDefault/ {print $3}' "$out/bench.txt")

if need hyperfine; then
	hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/cold.json" \
		"$out/anzsco classify 'Contact Center Supervisor'" >/dev/null 2>&1 || true
	cold=$(python3 -c "import json;r=json.load(open('$out/cold.json'))['results'][0];print('%.1f ms (median %.1f)'%(r['mean']*1000,r['median']*1000))" 2>/dev/null || echo "n/a")
else
	s=$(date +%s%N)
	for _ in $(seq "$runs"); do "$out/anzsco" classify "Contact Center Supervisor" >/dev/null || true; done
	cold="$(( ($(date +%s%N) - s) / runs / 1000000 )) ms (mean of $runs, no hyperfine)"
fi

rss="n/a"
if [ -x /usr/bin/time ]; then
	printf 'Call centre agent\nContact Center Supervisor\nTelemarketer\n%.0s' $(seq 300) > "$out/titles.txt"
	/usr/bin/time -v "$out/anzsco" classify --json - < "$out/titles.txt" > /dev/null 2> "$out/time.txt" || true
	rss="$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); printf "%.1f MB", $2/1024}' "$out/time.txt")"
fi

echo
echo "| measure | result | target |"
echo "|---|---|---|"
echo "| Classify, short title, one core | $(python3 -c "print('%.0f/s (%.1f µs each)'%(1e9/$ns, $ns/1000))") | ≥ 20,000/s |"
echo "| build default index in memory | $(python3 -c "print('%.1f ms'%($build/1e6))") | < 20 ms |"
echo "| \`anzsco classify \"...\"\` cold start | $cold | < 30 ms |"
echo "| peak RSS, classify 900 titles | $rss | < 60 MB |"
