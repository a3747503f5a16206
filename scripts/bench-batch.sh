#!/usr/bin/env bash
# Measures 'anzsco batch' on synthetic job ads (internal/batch/cmd/genads):
# rows per second and peak RSS for title-only rows and for rows with
# descriptions of about 150 words, each at two input sizes to show that
# memory stays flat as the input grows, plus the pipeline alone (a
# classifier that does no work) from the Go benchmarks. Prints a Markdown
# table for the README.
#
#   scripts/bench-batch.sh           # 1,000,000 title rows, 100,000 described rows (a few minutes)
#   scripts/bench-batch.sh --quick   # 20,000 and 2,000 rows, as CI runs it
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[ "${1:-}" = "--quick" ] && quick=1
titles_small=250000 titles=1000000 described_small=25000 described=100000 benchtime=20000x
if [ $quick = 1 ]; then
	titles_small=5000 titles=20000 described_small=500 described=2000 benchtime=5000x
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

# measure NAME ROWS FILE ARGS...: runs the batch and prints a table row.
measure() {
	local name=$1 rows=$2 file=$3
	shift 3
	local code=0
	/usr/bin/time -v -o "$work/time.txt" "$work/anzsco" batch "$file" --id-column id "$@" > "$work/out.csv" || code=$?
	if [ $code != 0 ]; then
		echo "bench-batch: $name: anzsco batch exited $code" >&2
		cat "$work/time.txt" >&2
		exit 1
	fi
	local lines
	lines=$(grep -c '' "$work/out.csv")
	case " $* " in *" jsonl "*) ;; *) lines=$((lines - 1)) ;; esac # the CSV header
	if [ "$lines" != "$rows" ]; then
		echo "bench-batch: $name: $lines rows out, $rows in" >&2
		exit 1
	fi
	awk -F': ' -v name="$name" -v rows="$rows" '
		function th(n, s) { n = sprintf("%d", n); s = ""; while (length(n) > 3) { s = "," substr(n, length(n) - 2) s; n = substr(n, 1, length(n) - 3) } return n s }
		/Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
		/User time/ { cpu += $2 } /System time/ { cpu += $2 }
		/Maximum resident/ { rss = $2 / 1024 }
		END {
			printf "| %s | %s | %.1f s | %s | %s | %.0f MB |\n", name, th(rows), wall, th(rows / wall), th(rows / cpu), rss
		}' "$work/time.txt"
}

echo "## batch benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | cut -d' ' -f3), load average $(cut -d' ' -f1 /proc/loadavg) at the start)"
echo
echo "| input | rows | wall | rows/s | rows per CPU-second | peak RSS |"
echo "|---|---:|---:|---:|---:|---:|"
"$work/genads" -rows "$titles_small" > "$work/titles-small.csv"
"$work/genads" -rows "$titles" > "$work/titles.csv"
"$work/genads" -rows "$described_small" -words 150 > "$work/described-small.csv"
"$work/genads" -rows "$described" -words 150 > "$work/described.csv"
measure "titles" "$titles_small" "$work/titles-small.csv"
measure "titles" "$titles" "$work/titles.csv"
measure "titles, --cache-mb 0" "$titles" "$work/titles.csv" --cache-mb 0
gzip -1 -k "$work/titles.csv"
measure "titles, gzip, JSONL out" "$titles" "$work/titles.csv.gz" --output-format jsonl
measure "described (150 words)" "$described_small" "$work/described-small.csv" --text-column description
measure "described (150 words)" "$described" "$work/described.csv" --text-column description
echo
echo "Targets on 2 cores: at least 30,000 title rows/s and 3,000 described rows/s, peak RSS under 150 MB, flat as the input grows."
echo "'rows per CPU-second' divides by user + system time: it is what the rows cost whatever else the machine is doing."
echo
echo "The pipeline alone (reading, workers, encoding, reordering) with a classifier that does no work:"
echo
go test ./internal/batch -run '^$' -bench 'PipelineOverhead' -benchtime "$benchtime" | awk '
	function th(n, s) { n = sprintf("%d", n); s = ""; while (length(n) > 3) { s = "," substr(n, length(n) - 2) s; n = substr(n, 1, length(n) - 3) } return n s }
	/^Benchmark/ { for (i = 1; i < NF; i++) if ($(i+1) == "rows/s") r = $i; printf "- %s: %s rows/s\n", $1, th(r) }'
