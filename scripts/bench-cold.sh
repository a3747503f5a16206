#!/usr/bin/env bash
# Measures cold starts: whole processes, each a fresh start, of
#
#   anzsco classify "Contact Center Supervisor"           (default scope, 5411)
#   anzsco --scope anzsco classify "Truck Driver"         (the whole ANZSCO)
#   naivepeer -lines FILE                                 (the naive bleve peer, one title)
#   anzsco version                                        (the process alone: no index)
#   anzsco --scope anzsco index build --out DIR           (a persisted whole-ANZSCO index)
#
# Runs are interleaved (one of each in turn), so that a change in what else
# the machine runs touches all of them alike. For each it prints the median
# and the fastest wall time and the median CPU time (user + system, which
# depends less on the load), the ratio of the default scope's median to
# the peer's, and the size of the binaries. The peer is
# internal/tools/naivepeer, a baseline: bleve's default English analyzer
# over the default corpus's English facts, top hit or none.
#
#   scripts/bench-cold.sh           # 40 runs of each (about a minute)
#   scripts/bench-cold.sh --quick   # 5 runs, as CI runs it
#   RUNS=100 scripts/bench-cold.sh
#   BEFORE=main scripts/bench-cold.sh   # also the two classify runs of another revision's anzsco
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-40}
[ "${1:-}" = "--quick" ] && runs=${RUNS:-5}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/anzsco" ./cmd/anzsco
go build -o "$out/naivepeer" ./internal/tools/naivepeer
echo "Contact Center Supervisor" > "$out/title.txt"
if [ -n "${BEFORE:-}" ]; then
	mkdir "$out/before"
	git archive "$BEFORE" | tar -x -C "$out/before"
	(cd "$out/before" && go build -o "$out/anzsco-before" ./cmd/anzsco)
fi

echo "## cold starts ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | cut -d' ' -f3), load average before $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each)"
echo
# Each process is started directly (no shell) and timed by the wall clock
# and by its own resource usage (os.wait4), to the microsecond.
python3 - "$out" "$runs" <<'PY'
import os, shutil, statistics, subprocess, sys, time
out, runs = sys.argv[1], int(sys.argv[2])
a, peer = out + "/anzsco", out + "/naivepeer"
cases = [
    ('anzsco classify "Contact Center Supervisor"', [a, "classify", "Contact Center Supervisor"]),
    ('anzsco --scope anzsco classify "Truck Driver"', [a, "--scope", "anzsco", "classify", "Truck Driver"]),
    ("naivepeer -lines FILE (one title, default scope)", [peer, "-lines", out + "/title.txt"]),
    ("anzsco version (no index)", [a, "version"]),
    ("anzsco --scope anzsco index build --out DIR", [a, "--scope", "anzsco", "index", "build", "--out", out + "/idx"]),
]
if os.path.exists(out + "/anzsco-before"):
    b = out + "/anzsco-before"
    cases += [
        ('before: anzsco classify "Contact Center Supervisor"', [b, "classify", "Contact Center Supervisor"]),
        ('before: anzsco --scope anzsco classify "Truck Driver"', [b, "--scope", "anzsco", "classify", "Truck Driver"]),
    ]

def run(argv):
    shutil.rmtree(out + "/idx", ignore_errors=True)
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.exit("bench-cold: %s failed" % " ".join(argv))
    return wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000

for _, argv in cases:  # warm the page cache
    run(argv)
res = {name: [] for name, _ in cases}
for _ in range(runs):
    for name, argv in cases:  # interleaved: the load touches all alike
        res[name].append(run(argv))
print("| process | median wall | fastest wall | median CPU (user + system) |")
print("|---|---:|---:|---:|")
for name, _ in cases:
    w = [r[0] for r in res[name]]
    c = [r[1] for r in res[name]]
    print("| `%s` | %.1f ms | %.1f ms | %.1f ms |" % (name, statistics.median(w), min(w), statistics.median(c)))
med = lambda i: statistics.median(r[0] for r in res[cases[i][0]])
print()
print("default scope / naive peer, median wall: %.2f×" % (med(0) / med(2)))
PY
echo
echo "anzsco binary: $(stat -c %s "$out/anzsco") bytes${BEFORE:+ ($(stat -c %s "$out/anzsco-before") bytes at $BEFORE)}; naivepeer: $(stat -c %s "$out/naivepeer") bytes"
