#!/usr/bin/env bash
# Benchmark (issue 20): the monitor in depth on the demo, release build. A fresh demo database is
# served from bench/out/depth/; then, through the API as a client would ask:
#  - the business demography of each of the 22 municipalities and of the region as a whole, every
#    register year, as enterprises and as establishments: each request a first one (computed, not
#    from the cache), its time printed, and the sum over the 22 municipalities;
#  - the ranking of all 342 municipalities on each indicator and peer group for every year of
#    the synthetic published totals, each request a first one;
#  - the new pages under load with wrk (32 connections, 10 s each), logged in.
# Results go to the terminal and to bench/out/depth/depth.md.
# Usage: bench/depth.sh [seconds per page]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
port=${BENCH_PORT:-8183}
out=bench/out/depth
rm -rf "$out" && mkdir -p "$out"
command -v wrk >/dev/null 2>&1 || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq wrk >/dev/null; }

. bench/demo-server.sh
base="http://127.0.0.1:$port"
report="$out/depth.md"
time_of() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "$base$1"; }

{
echo "# Monitor in depth ($(date -u +%Y-%m-%d), release build, demo data)"
echo
echo "## Business demography, first request per area and unit (computed, not cached)"
echo
echo "| area | unit | HTTP | seconds |"
echo "|---|---|---|---|"
# The demo's 22 municipalities: those of Regio Zwolle in the shipped reference file.
municipalities=$(tr -d '\r' < Sources/App/Resources/Reference/gemeenten_2024.csv | awk -F, '$9 == 1 { print $1 }' | sort)
for unit in enterprise establishment; do
    total=0
    for code in $municipalities; do
        read -r status seconds_taken < <(time_of "/api/v1/demography?area=$code&unit=$unit")
        echo "| $code | $unit | $status | $seconds_taken |"
        total=$(echo "$total + $seconds_taken" | bc -l)
    done
    echo "| all $(echo "$municipalities" | wc -w) municipalities, one by one | $unit | | $(printf '%.3f' "$total") |"
    read -r status seconds_taken < <(time_of "/api/v1/demography?area=regio-zwolle&unit=$unit")
    echo "| regio-zwolle (the 22 together) | $unit | $status | $seconds_taken |"
done
echo
echo "## Ranking of the 342 municipalities, first request per year, indicator and group"
echo
echo "| indicator | group | years | slowest (s) | mean (s) |"
echo "|---|---|---|---|---|"
for indicator in jobs-per-1000 jobs-growth establishments-per-1000; do
    for group in alle grootste-40 provincie vergelijkbaar; do
        times=()
        for year in 2016 2017 2018 2019 2020 2021 2022 2023 2024; do
            read -r status seconds_taken < <(time_of "/api/v1/benchmarks?indicator=$indicator&group=$group&year=$year")
            [ "$status" = 200 ] || { echo "HTTP $status for $indicator $group $year" >&2; exit 1; }
            times+=("$seconds_taken")
        done
        printf '%s\n' "${times[@]}" | awk -v i="$indicator" -v g="$group" '{ s += $1; if ($1 > m) m = $1 } END { printf "| %s | %s | %d | %.4f | %.4f |\n", i, g, NR, m, s / NR }'
    done
done
echo
echo "## The new pages under load ($seconds s, 32 connections, logged in)"
echo
echo "| page | requests/s | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|"
session=$(awk '$6 == "vliegwiel_session" { print $7 }' "$out/jar")
for page in "/economie/demografie" "/economie/demografie?gebied=regio-zwolle" "/economie/vergelijking" "/economie/ecosysteem" "/economie/plekken" "/economie/plekken/spoorzone"; do
    curl -s -o /dev/null -b "$out/jar" "$base$page"
    wrk -t2 -c32 -d"${seconds}s" --latency -H "Cookie: vliegwiel_session=$session" "$base$page" > "$out/wrk.txt" 2>&1 || true
    rps=$(awk '/Requests\/sec/ { print $2 }' "$out/wrk.txt")
    p50=$(awk '$1 == "50%" { print $2 }' "$out/wrk.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$out/wrk.txt")
    errors=$(awk '/Non-2xx|Socket errors/ { print }' "$out/wrk.txt" | tr '\n' ' ')
    echo "| $page | $rps | $p50 | $p99 | ${errors:-0} |"
done
} | tee "$report"
