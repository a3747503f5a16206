#!/usr/bin/env bash
# Measures 'anzsco batch' on distinct job-ad titles against a naive bleve
# classifier run on the same file in the same run.
#
# Titles come from internal/batch/cmd/genads -distinct with a fixed seed:
# a generated ad title (a Zipf mix of call-centre titles, their neighbours
# and other jobs, with places, contract terms, pay, reference numbers, case
# changes and typing slips) with a made-up word before it, so that every
# title is distinct, as in real ad files, and no cache keyed by the whole
# title can answer. The peer is internal/tools/naivepeer, a baseline: bleve's
# default English analyzer over the corpus's English facts, top hit or none,
# with as many workers as anzsco.
#
# For each size it prints rows/s (wall), rows per CPU-second (user + system,
# which does not depend on what else the machine runs), the ratio of both
# to the peer's, and peak RSS; then described rows (about 150 words each),
# the cache hit rates of the largest run and the pipeline alone. Prints a
# Markdown table for the README.
#
#   scripts/bench-batch.sh           # 100,000, 1,000,000 and 5,000,000 rows (about 20 minutes)
#   scripts/bench-batch.sh --quick   # 5,000 and 20,000 rows, as CI runs it (under a minute)
#   SIZES="100000 1000000" scripts/bench-batch.sh   # other sizes
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[ "${1:-}" = "--quick" ] && quick=1
sizes=${SIZES:-"100000 1000000 5000000"} described=100000 benchtime=20000x
if [ $quick = 1 ]; then
	sizes=${SIZES:-"5000 20000"} described=1000 benchtime=5000x
fi

if [ ! -x /usr/bin/time ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		(apt-get update -qq && apt-get install -y -qq time) >/dev/null 2>&1 || true
	fi
	if [ ! -x /usr/bin/time ]; then
		echo "bench-batch: needs GNU time at /usr/bin/time (Debian package 'time')" >&2
		exit 2
	fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/anzsco" ./cmd/anzsco
go build -o "$work/genads" ./internal/batch/cmd/genads
go build -o "$work/naivepeer" ./internal/tools/naivepeer

# timed NAME CMD...: runs CMD with its output to $work/NAME.out and its
# measures to $work/NAME.time; prints "wall cpu rss_mb".
timed() {
	local name=$1
	shift
	if ! /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err"; then
		echo "bench-batch: $name: $* failed" >&2
		cat "$work/$name.err" "$work/$name.time" >&2
		exit 1
	fi
	awk -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
		/User time/ { cpu += $2 } /System time/ { cpu += $2 }
		/Maximum resident/ { rss = $2 / 1024 }
		END { printf "%s %s %.0f\n", wall, cpu, rss }' "$work/$name.time"
}

# rows FILE: the data lines of a CSV output.
rows() { echo $(($(grep -c '' "$1") - 1)); }

fmt_row() { # name rows wall cpu rss peer_wall peer_cpu peer_rss
	awk -v name="$1" -v rows="$2" -v wall="$3" -v cpu="$4" -v rss="$5" -v pw="$6" -v pc="$7" -v pr="$8" '
		function th(n, s) { n = sprintf("%d", n); s = ""; while (length(n) > 3) { s = "," substr(n, length(n) - 2) s; n = substr(n, 1, length(n) - 3) } return n s }
		BEGIN {
			if (wall <= 0) wall = 0.01; if (cpu <= 0) cpu = 0.01
			line = sprintf("| %s | %s | %.1f s | %s | %s | %d MB |", name, th(rows), wall, th(rows / wall), th(rows / cpu), rss)
			if (pw != "") {
				if (pw <= 0) pw = 0.01; if (pc <= 0) pc = 0.01
				line = line sprintf(" %s | %s | %.2f× | %.2f× | %d MB |", th(rows / pw), th(rows / pc), pw / wall, pc / cpu, pr)
			} else {
				line = line " | | | | |"
			}
			print line
		}'
}

echo "## batch benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | cut -d' ' -f3), load average $(cut -d' ' -f1 /proc/loadavg) at the start)"
echo
echo "Distinct titles (genads -distinct -seed 1); the peer is internal/tools/naivepeer, a naive bleve baseline, on the same file."
echo
echo "| input | rows | wall | rows/s | rows per CPU-s | peak RSS | peer rows/s | peer rows per CPU-s | anzsco/peer rows/s | anzsco/peer per CPU-s | peer peak RSS |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
last=""
for n in $sizes; do
	"$work/genads" -rows "$n" -distinct -seed 1 > "$work/titles-$n.csv"
	m=$(timed "anzsco-$n" "$work/anzsco" batch "$work/titles-$n.csv" --id-column id --progress)
	read -r wall cpu rss <<< "$m"
	if [ "$(rows "$work/anzsco-$n.out")" != "$n" ]; then
		echo "bench-batch: anzsco wrote $(rows "$work/anzsco-$n.out") rows of $n" >&2
		exit 1
	fi
	m=$(timed "peer-$n" "$work/naivepeer" "$work/titles-$n.csv")
	read -r pwall pcpu prss <<< "$m"
	if [ "$(rows "$work/peer-$n.out")" != "$n" ]; then
		echo "bench-batch: the peer wrote $(rows "$work/peer-$n.out") rows of $n" >&2
		exit 1
	fi
	fmt_row "distinct titles" "$n" "$wall" "$cpu" "$rss" "$pwall" "$pcpu" "$prss"
	last=$n
	rm -f "$work/titles-$n.csv" "$work/anzsco-$n.out" "$work/peer-$n.out"
done
"$work/genads" -rows "$described" -words 150 -distinct -seed 1 > "$work/described.csv"
m=$(timed described "$work/anzsco" batch "$work/described.csv" --id-column id --text-column description)
read -r wall cpu rss <<< "$m"
fmt_row "distinct titles with 150-word descriptions" "$described" "$wall" "$cpu" "$rss" "" "" ""
echo
echo "Targets on 2 cores: at least 30,000 distinct title rows/s at every size (linear in the input), 3,000 described rows/s, peak RSS at most 200 MB."
echo
echo "Cache hits of the $last-row run: $(tail -1 "$work/anzsco-$last.err" | sed 's/.*cache hits: //')."
echo
echo "The pipeline alone (reading, workers, encoding, reordering) with a classifier that does no work:"
echo
go test ./internal/batch -run '^$' -bench 'PipelineOverhead' -benchtime "$benchtime" | awk '
	function th(n, s) { n = sprintf("%d", n); s = ""; while (length(n) > 3) { s = "," substr(n, length(n) - 2) s; n = substr(n, 1, length(n) - 3) } return n s }
	/^Benchmark/ { for (i = 1; i < NF; i++) if ($(i+1) == "rows/s") r = $i; printf "- %s: %s rows/s\n", $1, th(r) }'
