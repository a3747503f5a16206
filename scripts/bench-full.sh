#!/usr/bin/env bash
# Measures anzsco on the whole ANZSCO (about 1,100 occupations, every one a
# target): building the index in memory and on disk, its size, Classify
# throughput on one core, and peak RSS, on the built-in corpus "anzsco".
# Prints a Markdown table for the README.
#
#   scripts/bench-full.sh           # full run (about a minute)
#   scripts/bench-full.sh --quick   # a few seconds, as CI runs it
#
# Throughput is given per second of wall time and per second of CPU time:
# on a busy machine the second is the one-core figure.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[ "${1:-}" = "--quick" ] && quick=1
benchtime=3s count=1 titles=20000
if [ $quick = 1 ]; then benchtime=300ms titles=3000; fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/anzsco" ./cmd/anzsco
go test -c -o "$out/eval.test" ./internal/eval

shared=""
for d in ../shared/abs ../../shared/abs; do
	if [ -f "$d/anzsco-2022-index-of-titles.xlsx" ]; then shared=$d; break; fi
done
from="${shared:-generated classification (shared/abs absent)}"

echo "## full-ANZSCO benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | cut -d' ' -f3), load $(cut -d' ' -f1 /proc/loadavg))"
echo
echo "corpus: $from"
echo
(cd internal/eval && "$out/eval.test" -test.run '^$' -test.bench 'FullBuild|FullClassify' -test.benchtime "$benchtime" \
	-test.count "$count" -test.cpu 1 -test.benchmem) | tee "$out/bench.txt" | grep -E '^Benchmark' || true

metric() { # benchmark name, unit: the value before the unit
	awk -v b="$1" -v u="$2" '$1 ~ "^"b {for (i = 2; i < NF; i++) if ($(i+1) == u) {print $i; exit}}' "$out/bench.txt"
}
build_mem=$(metric 'BenchmarkFullBuild/memory' ns/op)
build_mem_cpu=$(metric 'BenchmarkFullBuild/memory' cpu-ns/op)
build_disk=$(metric 'BenchmarkFullBuild/disk' ns/op)
build_disk_cpu=$(metric 'BenchmarkFullBuild/disk' cpu-ns/op)
docs=$(metric 'BenchmarkFullBuild/memory' docs)
occs=$(metric 'BenchmarkFullBuild/memory' occupations)
disk=$(metric 'BenchmarkFullBuild/disk' disk-bytes)
wall_tps=$(metric 'BenchmarkFullClassify' titles/s)
cpu_tps=$(metric 'BenchmarkFullClassify' titles/cpu-s)

# Peak RSS of the benchmark process (it builds the full index and classifies).
rss_bench="n/a" rss_cli="n/a" cli_line=""
if [ -x /usr/bin/time ]; then
	(cd internal/eval && /usr/bin/time -v "$out/eval.test" -test.run '^$' -test.bench 'FullClassify' -test.benchtime 2000x -test.cpu 1 \
		>/dev/null 2>"$out/time-bench.txt") || true
	rss_bench="$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); printf "%.1f MB", $2/1024}' "$out/time-bench.txt")"
	if [ -n "$shared" ]; then
		# The command line end to end: import, persist, classify from stdin.
		"$out/anzsco" corpus import-abs --index-of-titles "$shared/anzsco-2022-index-of-titles.xlsx" \
			--structure "$shared/anzsco-2022-structure.xlsx" --target-group all --out "$out/full.json" 2>/dev/null
		"$out/anzsco" --corpus "$out/full.json" index build --out "$out/full.idx" 2>/dev/null
		python3 - "$out/full.json" "$titles" >"$out/titles.txt" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
ts = [t for o in c["occupations"] for t in [o["text"]["en"]["title"]] + o["text"]["en"].get("alternative_titles", []) + o["text"]["en"].get("specialisations", [])]
n = int(sys.argv[2])
for i in range(n):
    print(ts[i % len(ts)])
PY
		/usr/bin/time -v "$out/anzsco" --index "$out/full.idx" classify --json - <"$out/titles.txt" >/dev/null 2>"$out/time-cli.txt" || true
		rss_cli="$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); printf "%.1f MB", $2/1024}' "$out/time-cli.txt")"
		secs="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$out/time-cli.txt")"
		cpu="$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u + s}' "$out/time-cli.txt")"
		cli_line="| \`anzsco --index full.idx classify -\`, $titles titles | $(python3 -c "print('%.0f titles/s wall, %.0f per CPU-second; peak RSS %s' % ($titles/max($secs,1e-9), $titles/max($cpu,1e-9), '$rss_cli'))") | |"
	fi
fi

fmt_ms() { python3 -c "import sys; v=sys.argv[1]; print('%.0f ms' % (float(v)/1e6) if v else 'n/a')" "${1:-}"; }
echo
echo "| measure | result | target |"
echo "|---|---|---|"
echo "| index size | ${occs:-?} occupations, ${docs:-?} bleve documents; $(python3 -c "print('%.2f MB on disk' % ($disk/1e6))" 2>/dev/null || echo n/a) | |"
echo "| build in memory | $(fmt_ms "$build_mem") wall, $(fmt_ms "$build_mem_cpu") CPU | < 2 s |"
echo "| build persisted (\`index build\`) | $(fmt_ms "$build_disk") wall, $(fmt_ms "$build_disk_cpu") CPU | < 2 s |"
echo "| Classify, one core | ${wall_tps:-n/a} titles/s wall, ${cpu_tps:-n/a} per CPU-second | ≥ 10,000/s |"
echo "| peak RSS, benchmark process (build + classify) | $rss_bench | < 200 MB |"
[ -n "$cli_line" ] && echo "$cli_line"
exit 0
