#!/usr/bin/env bash
# Benchmark: ranking, weight sensitivity and budget selection of 200 projects. A release build
# serves an empty SQLite database (bench/out/programme/); 200 synthetic projects are created
# through the API, each scored by three assessors on the five criteria, with a municipal share and
# a few running or "must include". Then `GET /api/v1/programme/ranking`, `/sensitivity` and
# `/selection?budget=` are timed N times each (curl's total time on 127.0.0.1: loading the
# projects and 3,000 scores, computing, writing JSON). Target: the three together under 50 ms.
# Usage: bench/programme.sh [runs] [projects]   (defaults 30 and 200).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
projects=${2:-200}
port=${BENCH_PORT:-8182}
out=bench/out/programme
rm -rf "$out" && mkdir -p "$out"

swift build -c release --product vliegwiel >&2
bin=$(pwd)/.build/release/vliegwiel
(cd "$out" && "$bin" migrate > migrate.log 2>&1)
(cd "$out" && printf 'bench-password-long\n' | "$bin" user create --email adviser@bench.example --name Adviser --role adviser > user.log)
token=$(cd "$out" && "$bin" user token create --email adviser@bench.example --name bench | tail -1)
(cd "$out" && exec "$bin" serve --port "$port" > serve.log 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 $server 2>/dev/null || { cat "$out/serve.log" >&2; exit 1; }
    sleep 0.5
done
api="http://127.0.0.1:$port/api/v1"
python3 - "$api" "$token" "$projects" <<'PY'
import json, random, sys, urllib.request
api, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
def call(method, path, body=None):
    request = urllib.request.Request(api + path, method=method, headers=headers, data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(request) as response:
        return json.load(response)
random.seed(16)
# Three assessors: people of the register (driver-team members, whose scores an adviser enters).
people = [call("POST", "/people", {"name": f"Beoordelaar {n}"})["id"] for n in (1, 2, 3)]
phases = ["idea", "assessment", "decision"]
for i in range(count):
    base = [random.randint(1, 5) for _ in range(5)]
    scores = []
    for person in people:
        for criterion, b in zip(["impact", "vliegwiel", "businesscase", "eigenaarschap", "samenwerking"], base):
            scores.append({"criterion": criterion, "score": max(1, min(5, b + random.choice([-1, 0, 0, 1]))), "rationale": "bench", "assessor_person": person})
    phase = "running" if i % 40 == 0 else phases[i % 3]
    municipal = random.randint(5, 100) * 10_000
    call("POST", "/projects", {"name": f"Project {i:03d}", "phase": phase, "budget_total": municipal * 2, "budget_municipal": municipal,
                               "must_include": i % 50 == 7, "scores": scores})
print(f"{count} projects created")
PY
time_url() {  # name, url: prints "| name | median | max |" in milliseconds
    local name=$1 url=$2
    curl -s -o /dev/null -H "Authorization: Bearer $token" "$url"  # warm-up
    for _ in $(seq 1 "$runs"); do curl -s -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $token" "$url"; done \
        | sort -n | awk -v name="$name" '{ t[NR] = $1 * 1000 } END { printf "| %-48s | %9.1f | %6.1f |\n", name, t[int((NR + 1) / 2)], t[NR] }'
}
budget=$((projects * 100000))
echo "| request ($runs runs, $projects projects, warm)          | median ms | max ms |"
echo "|--------------------------------------------------|----------:|-------:|"
time_url "GET /api/v1/programme/ranking (wsm)" "$api/programme/ranking?method=wsm"
time_url "GET /api/v1/programme/ranking (topsis)" "$api/programme/ranking?method=topsis"
time_url "GET /api/v1/programme/sensitivity (wsm)" "$api/programme/sensitivity?method=wsm"
time_url "GET /api/v1/programme/sensitivity (topsis)" "$api/programme/sensitivity?method=topsis"
time_url "GET /api/v1/programme/selection (budget $budget)" "$api/programme/selection?budget=$budget"
# In-process, the same computations without HTTP and JSON: `vliegwiel programme --timings` (five
# runs; the loading is one SQL query, the rest is Analysis).
for _ in 1 2 3 4 5; do
    (cd "$out" && "$bin" programme --method wsm --budget "$budget" --timings 2>&1 >/dev/null | grep '^timings')
done
curl -s -H "Authorization: Bearer $token" "$api/programme/selection?budget=$budget" | python3 -c '
import json, sys
s = json.load(sys.stdin)
n, total, cost, budget = len(s["projects"]), s["total_score"], s["total_cost"], s["budget"]
print(f"selection: {n} projects, total score {total:.3f}, municipal share {cost:,.0f} of {budget:,.0f}")'
