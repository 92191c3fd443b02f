#!/usr/bin/env bash
# Benchmark: the time to compute every cluster figure of the demo, warm. A release build serves a
# fresh demo database (bench/out/clusters/); after one warm-up request (which loads the register
# panel), `GET /api/v1/clusters` is timed N times: for each of the four clusters its jobs,
# establishments and growth, active involvement, university collaboration, visit coverage and
# collaboration network with centrality and key players, none of it cached. Also timed: one
# cluster's page with its network, and the clusters index (whose register figures are cached).
# Reports the median and the slowest of each (curl's total time, on 127.0.0.1). Target: under
# 50 ms for all cluster figures.
# Usage: bench/clusters.sh [runs]   (default 50).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
port=${BENCH_PORT:-8181}
out=bench/out/clusters
rm -rf "$out" && mkdir -p "$out"

. bench/demo-server.sh

time_url() {  # name, url, curl options...: prints "name median max" in milliseconds
    local name=$1 url=$2; shift 2
    curl -s -o /dev/null "$@" "$url"  # warm-up
    for _ in $(seq 1 "$runs"); do curl -s -o /dev/null -w "%{time_total}\n" "$@" "$url"; done \
        | sort -n | awk -v name="$name" '{ t[NR] = $1 * 1000 } END { printf "| %-44s | %8.1f | %8.1f |\n", name, t[int((NR + 1) / 2)], t[NR] }'
}
status=$(curl -s -o "$out/clusters.json" -w "%{http_code}" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/clusters")
[ "$status" = 200 ] || { echo "GET /api/v1/clusters answered $status" >&2; cat "$out/clusters.json" >&2; exit 1; }
echo "| request ($runs runs, warm)                    | median ms | max ms |"
echo "|----------------------------------------------|----------:|-------:|"
time_url "GET /api/v1/clusters (all figures, 4 clusters)" "http://127.0.0.1:$port/api/v1/clusters" -H "Authorization: Bearer $token"
time_url "GET /groeiclusters/health (one cluster page)" "http://127.0.0.1:$port/groeiclusters/health" -b "$out/jar"
time_url "GET /groeiclusters/health/netwerk" "http://127.0.0.1:$port/groeiclusters/health/netwerk" -b "$out/jar"
time_url "GET /groeiclusters (index, figures cached)" "http://127.0.0.1:$port/groeiclusters" -b "$out/jar"
python3 - "$out/clusters.json" <<'PY'
import json, sys
for c in json.load(open(sys.argv[1])):
    inv = c["active_involvement"]
    target = f'/{inv["target"]}' if inv.get("target") else ''
    print(f'{c["key"]}: {c["jobs"]} jobs {c["year"]}, {inv["count"]}{target} involved, '
          f'{len(c["key_players"])} organisations and {len(c["links"])} links in the network, '
          f'university {"yes" if c["university_collaboration"]["active"] else "no"}, visit coverage {c["visit_coverage"].get("share", 0):.1%}')
PY
