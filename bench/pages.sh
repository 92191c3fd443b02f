#!/usr/bin/env bash
# Benchmark: the logged-in pages under load. A release build serves a fresh demo database
# (bench/out/pages/); wrk (Debian's package, installed when missing) requests each main page for
# a while with 32 connections from this machine, logged in as the demo administrator, and the
# table of requests per second and latency percentiles is printed and written to
# bench/out/pages/pages.md. Target (issue 19): every monitor page and the relations lists at
# least 2,000 requests/s with the 99th percentile under 25 ms.
# Usage: bench/pages.sh [seconds per page]   (default 10)
#        bench/pages.sh soak [minutes]        (default 10): all pages in turn at 32 connections,
#        the server's memory (RSS) sampled every 10 s, errors counted.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=pages
if [ "${1:-}" = soak ]; then mode=soak; shift; fi
seconds=${1:-10}
port=${BENCH_PORT:-8182}
out=bench/out/pages
rm -rf "$out" && mkdir -p "$out"
command -v wrk >/dev/null 2>&1 || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq wrk >/dev/null; }

. bench/demo-server.sh
base="http://127.0.0.1:$port"
session=$(awk '$6 == "vliegwiel_session" { print $7 }' "$out/jar")
[ -n "$session" ] || { echo "could not log in" >&2; exit 1; }

pages=(
    "home|/"
    "economy overview|/economie"
    "sectors|/economie/sectoren"
    "specialisation|/economie/specialisatie"
    "fast growers|/economie/snelle-groeiers"
    "firm size|/economie/bedrijfsgrootte"
    "region|/economie/regio"
    "establishments|/economie/vestigingen?jaar=2025"
    "relations: organisations|/relaties"
    "relations: people|/relaties/personen"
    "relations: contact moments|/relaties/contactmomenten"
    "relations: questions|/relaties/vragen"
    "relations: acquisitions|/relaties/acquisitie"
    "api: organisations (50 per page)|/api/v1/organisations?page_size=50"
    "health|/health"
)
for entry in "${pages[@]}"; do  # every page answers 200 before it is measured
    path=${entry#*|}
    status=$(curl -s -o /dev/null -w "%{http_code}" -b "vliegwiel_session=$session" -H "Authorization: Bearer $token" "$base$path")
    [ "$status" = 200 ] || { echo "GET $path answered $status" >&2; exit 1; }
done

cat > "$out/headers.lua" <<LUA
wrk.headers["Cookie"] = "vliegwiel_session=$session"
wrk.headers["Authorization"] = "Bearer $token"
errors = 0
response = function(status, headers, body) if status ~= 200 then errors = errors + 1 end end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout, summary.requests))
end
LUA

if [ "$mode" = soak ]; then
    minutes=$seconds
    paths=$(printf '"%s",' "${pages[@]#*|}")
    cat > "$out/soak.lua" <<LUA
$(cat "$out/headers.lua")
paths = { ${paths%,} }
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
LUA
    (while kill -0 $server 2>/dev/null; do echo "$(date +%s) $(awk '/VmRSS/ { print $2 }' /proc/$server/status)"; sleep 10; done) > "$out/rss.txt" &
    sampler=$!
    result=$(wrk -t2 -c32 -d"${minutes}m" --timeout 5s -s "$out/soak.lua" "$base" | grep RESULT)
    kill $sampler 2>/dev/null || true
    read -r _ rps p50 p99 max errors requests <<< "$result"
    first=$(head -n 3 "$out/rss.txt" | tail -n 1 | cut -d' ' -f2); last=$(tail -n 1 "$out/rss.txt" | cut -d' ' -f2)
    peak=$(cut -d' ' -f2 "$out/rss.txt" | sort -n | tail -n 1)
    echo "soak: $minutes min at 32 connections, $requests requests ($rps/s), p50 $p50 ms, p99 $p99 ms, max $max ms, $errors errors (non-200 or socket)"
    echo "memory (RSS): $((first / 1024)) MB after 20 s, $((last / 1024)) MB at the end, peak $((peak / 1024)) MB; samples in $out/rss.txt"
    exit 0
fi

{
    echo "| page (32 connections, ${seconds} s each) | requests/s | p50 ms | p99 ms | max ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|"
    for entry in "${pages[@]}"; do
        name=${entry%%|*}; path=${entry#*|}
        wrk -t2 -c32 -d2s -s "$out/headers.lua" "$base$path" > /dev/null  # warm-up
        read -r _ rps p50 p99 max errors _ <<< "$(wrk -t2 -c32 -d"${seconds}s" -s "$out/headers.lua" "$base$path" | grep RESULT)"
        printf "| %s \`%s\` | %.0f | %.1f | %.1f | %.1f | %d |\n" "$name" "$path" "$rps" "$p50" "$p99" "$max" "$errors"
    done
} | tee "$out/pages.md"
