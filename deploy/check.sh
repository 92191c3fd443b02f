#!/usr/bin/env bash
# The two-instance test of .ci/run (issue 19): starts deploy/local.sh on a fresh database and
# checks, through nginx and on each instance directly, that
#   - the migrations ran once (one instance migrated, the other found the schema up to date);
#   - a login through nginx is valid on both instances, and a logout ends it on both;
#   - an import with the command line shows its figures on both instances within a second,
#     although each had the earlier figures cached;
#   - /metrics answers on an instance's own port and not through the proxy, and a request id
#     comes back through nginx.
# Usage: deploy/check.sh   (VLIEGWIEL_BIN as for deploy/local.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
out=deploy/out
if [ -z "${VLIEGWIEL_BIN:-}" ]; then
    swift build --product vliegwiel >&2
    export VLIEGWIEL_BIN=$(pwd)/.build/debug/vliegwiel
fi
FRESH=1 bash deploy/local.sh
trap 'bash deploy/local.sh stop' EXIT
export DATABASE_URL="postgres://vliegwiel:vliegwiel@127.0.0.1:5432/vliegwiel_deploy?sslmode=disable"
proxy=http://127.0.0.1:8090 one=http://127.0.0.1:8081 two=http://127.0.0.1:8082
failures=0
check() {  # description, then a command that must succeed
    local description=$1; shift
    if "$@"; then echo "ok   - $description"; else echo "FAIL - $description"; failures=$((failures + 1)); fi
}
count() { cat "$out"/instance-*.log | grep -c "$1" || true; }

check "the migrations ran once: one instance migrated" test "$(count 'Migrated the database')" = 1
check "the other found the schema up to date" test "$(count 'schema is up to date')" = 1

printf 'two-instances-password\n' | "$VLIEGWIEL_BIN" user create --email ops@example.org --name "Ops Beheer" --role admin > /dev/null
jar=$out/jar
csrf=$(curl -s -c "$jar" "$proxy/login" | grep -oE 'name="csrf" value="[^"]+"' | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "email=ops@example.org" \
    --data-urlencode "password=two-instances-password" "$proxy/login"
status() { curl -s -o /dev/null -w "%{http_code}" -b "$jar" "$1"; }
check "logged in through nginx: instance 8081 knows the session" test "$(status "$one/")" = 200
check "and so does instance 8082" test "$(status "$two/")" = 200

register() {  # jobs of the one establishment in 2024
    local file=$out/register-$1.csv
    printf 'vestigingsnummer,kvk_nummer,naam,sbi,postcode,gemeente,jaar,banen_voltijd,banen_deeltijd,oprichtingsjaar\n' > "$file"
    printf '000000000001,00000001,Twee Instanties BV,62.01,8011AB,GM0193,2024,%s,0,2010\n' "$1" >> "$file"
    "$VLIEGWIEL_BIN" import register "$file" > /dev/null
}
shows() { curl -s -b "$jar" "$1/" | grep -q "$2"; }
register 1234
sleep 1.1  # an instance reads the data state at most once a second (README: Caching)
check "after an import on the command line, 8081 shows its jobs" shows "$one" ">1.234<"
check "and 8082 too" shows "$two" ">1.234<"
register 2345
sleep 1.1
check "after a second import, 8081 shows the new figure within a second (its cache was of the first)" shows "$one" ">2.345<"
check "and 8082 too" shows "$two" ">2.345<"

check "/metrics answers on an instance's own port" sh -c "curl -s $one/metrics | grep -q vliegwiel_http_requests_total"
check "/metrics is not reachable through nginx" test "$(curl -s -o /dev/null -w '%{http_code}' "$proxy/metrics")" = 404
check "nor as /metrics/" test "$(curl -s -o /dev/null -w '%{http_code}' "$proxy/metrics/")" = 404
check "nginx's request id comes back" sh -c "curl -s -D - -o /dev/null $proxy/health | grep -qiE '^x-request-id: [0-9a-f]{32}'"

csrf=$(curl -s -b "$jar" "$one/" | grep -oE 'name="csrf" value="[^"]+"' | head -n 1 | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar.old" -o /dev/null --data-urlencode "csrf=$csrf" "$one/logout"
sleep 1.1  # the other instance may have read the session less than a second ago
check "after logging out on 8081, the session is gone on 8082" test "$(status "$two/")" = 303

echo "two instances behind nginx: $failures failed"
[ "$failures" = 0 ]
