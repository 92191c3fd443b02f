# Sourced by the scripts that need a served demo (the benchmarks, deploy/api-check.sh): builds a
# release binary unless bin names one, serves a fresh demo database from $out on $port, waits
# until the monitor data is loaded, makes an API token and logs in as the demo administrator.
# Sets bin, server (its pid; stopped on exit), token, and the cookie jar $out/jar. Needs out and
# port set.
if [ -z "${bin:-}" ]; then
    swift build -c release --product vliegwiel >&2
    bin=$(pwd)/.build/release/vliegwiel
fi
(cd "$out" && exec "$bin" demo --port "$port" > demo.log 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until grep -q "Monitor data loaded" "$out/demo.log" 2>/dev/null; do
    kill -0 $server 2>/dev/null || { cat "$out/demo.log" >&2; exit 1; }
    sleep 1
done
token=$(cd "$out" && "$bin" user token create --email demo@vliegwiel.example --name bench | tail -1)
password=$(grep -oE 'with password [^ ]+' "$out/demo.log" | cut -d' ' -f3)
csrf=$(curl -s -c "$out/jar" "http://127.0.0.1:$port/login" | grep -oE 'name="csrf" value="[^"]+"' | sed 's/.*value="//;s/"$//')
curl -s -b "$out/jar" -c "$out/jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "email=demo@vliegwiel.example" \
    --data-urlencode "password=$password" "http://127.0.0.1:$port/login"
