#!/usr/bin/env bash
# Benchmark: `vliegwiel analyse --area all` for one 3-year window on a national synthetic
# register (2,000,000 establishments x 15 years, about 30 million rows), against DuckDB running
# the equivalent SQL straight on the same CSV (bench/duckdb_analyse.py). Release build; DuckDB
# from PyPI in a venv under bench/out. Runs alternate; reports the median wall time and peak
# memory (max RSS) of each, checks that both give the same figures, and the in-process time to
# compute every figure of one municipality from the panel in memory.
# Usage: bench/analyse.sh [runs] [establishments]   (defaults 3 and 2000000).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
establishments=${2:-2000000}
first=2021 last=2024
out=bench/out
mkdir -p "$out"

swift build -c release --product vliegwiel >&2
bin=.build/release/vliegwiel
if [ ! -x "$out/venv/bin/python" ]; then
    python3 -m venv "$out/venv"
    "$out/venv/bin/pip" install --quiet duckdb
fi

register="$out/register-national-$establishments.csv"
if [ ! -s "$register" ]; then
    "$bin" generate-register --establishments "$establishments" --from 2010 --to 2024 --seed 1 --output "$register"
fi
echo "register: $(($(wc -l < "$register") - 1)) rows, $(du -h "$register" | cut -f1)"
cat "$register" > /dev/null  # both tools start with the file in the page cache

measure() {  # name, command...: appends "wall_seconds max_rss_kb" to $out/NAME.times
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@"
    cat "$out/$name.time" >> "$out/$name.times"
}
rm -f "$out/vliegwiel.times" "$out/duckdb.times"
for run in $(seq 1 "$runs"); do
    measure vliegwiel "$bin" analyse --register "$register" --area all --from $first --to $last > "$out/vliegwiel.json"
    measure duckdb "$out/venv/bin/python" bench/duckdb_analyse.py "$register" $first $last "$out/duckdb.json"
    echo "run $run: vliegwiel $(cat "$out/vliegwiel.time"), duckdb $(cat "$out/duckdb.time") (seconds, KB)"
done

"$out/venv/bin/python" - "$out" <<'PY'
import json, statistics, sys
out = sys.argv[1]
def load(name):
    rows = [line.split() for line in open(f"{out}/{name}.times")]
    return statistics.median(float(r[0]) for r in rows), max(int(r[1]) for r in rows) / 1024
ours, theirs = load("vliegwiel"), load("duckdb")
print(f"| tool      | median wall time | peak memory |")
print(f"|-----------|------------------|-------------|")
print(f"| vliegwiel | {ours[0]:.2f} s | {ours[1]:.0f} MB |")
print(f"| DuckDB    | {theirs[0]:.2f} s | {theirs[1]:.0f} MB |")
print(f"ratio vliegwiel/DuckDB: time {ours[0] / theirs[0]:.2f}x, memory {ours[1] / theirs[1]:.2f}x")
a, b = json.load(open(f"{out}/vliegwiel.json")), json.load(open(f"{out}/duckdb.json"))
keys = ["jobs", "establishments", "jobs_by_section", "high_growth", "gazelles"]
differ = [code for code in sorted(set(a) | set(b)) if code not in a or code not in b or any(a[code][k] != b[code][k] for k in keys)]
print(f"municipalities: {len(a)}; figures agree: {'yes' if not differ else 'NO, e.g. ' + ', '.join(differ[:5])}")
PY

zwolle=$("$bin" analyse --register "$register" --area GM0193 --from $first --to $last --timings 2>&1 >/dev/null | grep "all figures")
echo "$zwolle"
