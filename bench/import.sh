#!/usr/bin/env bash
# Benchmark: import speed of a 1,000,000-row register file into an empty SQLite database,
# with a release build. The file is the synthetic demo register, exported with
# `vliegwiel export register` (the demo has about 1.17 million rows; the first million are used).
# Usage: bench/import.sh [runs]   (default 3). Results go to stdout; work files to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
out=bench/out
mkdir -p "$out"

swift build -c release --product vliegwiel >&2
bin=.build/release/vliegwiel

if [ ! -s "$out/register-1m.csv" ]; then
    echo "Generating the demo register..." >&2
    rm -f "$out/demo.sqlite"*
    VLIEGWIEL_DB="$out/demo.sqlite" "$bin" demo --port 18089 > "$out/demo.log" 2>&1 &
    demo=$!
    for _ in $(seq 1 600); do
        grep -q "Server started" "$out/demo.log" && break
        kill -0 "$demo" 2>/dev/null || { cat "$out/demo.log" >&2; exit 1; }
        sleep 1
    done
    kill "$demo"; wait "$demo" 2>/dev/null || true
    VLIEGWIEL_DB="$out/demo.sqlite" "$bin" export register > "$out/register-all.csv"
    head -n 1000001 "$out/register-all.csv" > "$out/register-1m.csv"
fi
echo "file: $(($(wc -l < "$out/register-1m.csv") - 1)) rows, $(du -h "$out/register-1m.csv" | cut -f1)"

for run in $(seq 1 "$runs"); do
    rm -f "$out/bench.sqlite"*
    VLIEGWIEL_DB="$out/bench.sqlite" "$bin" migrate > /dev/null
    VLIEGWIEL_DB="$out/bench.sqlite" "$bin" import register "$out/register-1m.csv" | tail -n 1 | sed "s/^/run $run: /"
done
