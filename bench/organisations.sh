#!/usr/bin/env bash
# Benchmark: importing 100,000 organisations (the relations register's CSV format) into an empty
# SQLite database, with a release build; the target is under a minute. The file is synthetic
# (fictional names, valid KvK and establishment numbers, SBI codes and postcodes), made by
# bench/organisations.py. Usage: bench/organisations.sh [runs] [organisations]  (default 3, 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
count=${2:-100000}
out=bench/out
mkdir -p "$out"

swift build -c release --product vliegwiel >&2
bin=.build/release/vliegwiel
file="$out/organisations-$count.csv"
[ -s "$file" ] || python3 bench/organisations.py "$count" > "$file"
echo "file: $count organisations, $(du -h "$file" | cut -f1)"

for run in $(seq 1 "$runs"); do
    rm -f "$out/crm.sqlite"*
    VLIEGWIEL_DB="$out/crm.sqlite" "$bin" migrate > /dev/null
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$out/crm.rss" env VLIEGWIEL_DB="$out/crm.sqlite" "$bin" import organisations "$file" | tail -n 1
    end=$(date +%s.%N)
    echo "run $run: $(echo "$end - $start" | bc) s wall, peak memory $(( $(cat "$out/crm.rss") / 1024 )) MB"
done
