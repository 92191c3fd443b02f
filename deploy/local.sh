#!/usr/bin/env bash
# Starts the production setup of docs/deployment.md on this machine, without TLS: PostgreSQL
# (deploy/postgres.sh), two instances of `vliegwiel serve` on 127.0.0.1:8081 and :8082 on the
# database vliegwiel_deploy, and nginx on 127.0.0.1:8090 in front of both (Debian's package,
# installed when missing). Logs and the nginx configuration are in deploy/out/.
# Usage: deploy/local.sh [start|stop]   (VLIEGWIEL_BIN: the binary, default a debug build;
#        FRESH=1 drops the database first)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(pwd)/deploy/out
database=vliegwiel_deploy
export DATABASE_URL="postgres://vliegwiel:vliegwiel@127.0.0.1:5432/$database?sslmode=disable"

stop() {
    for pidfile in "$out"/instance-*.pid; do
        [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
        rm -f "$pidfile"
    done
    [ -f "$out/nginx.pid" ] && nginx -c "$out/nginx.conf" -s stop 2>/dev/null || true
}

if [ "${1:-start}" = stop ]; then stop; exit 0; fi
stop
mkdir -p "$out"
if ! command -v nginx >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq nginx >/dev/null
fi
bash deploy/postgres.sh
if [ "${FRESH:-}" = 1 ]; then su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $database'"; fi
bash deploy/postgres.sh "$database"
if [ -z "${VLIEGWIEL_BIN:-}" ]; then
    swift build --product vliegwiel >&2
    VLIEGWIEL_BIN=$(pwd)/.build/debug/vliegwiel
fi

for port in 8081 8082; do
    "$VLIEGWIEL_BIN" serve --hostname 127.0.0.1 --port "$port" > "$out/instance-$port.log" 2>&1 &
    echo $! > "$out/instance-$port.pid"
done
for port in 8081 8082; do
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
        kill -0 "$(cat "$out/instance-$port.pid")" 2>/dev/null || { cat "$out/instance-$port.log" >&2; exit 1; }
        sleep 0.5
    done
done

cat > "$out/nginx.conf" <<NGINX
worker_processes 1;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log $out/nginx-access.log;
    client_body_temp_path $out/nginx-body;
    proxy_temp_path $out/nginx-proxy;
    fastcgi_temp_path $out/nginx-fastcgi;
    uwsgi_temp_path $out/nginx-uwsgi;
    scgi_temp_path $out/nginx-scgi;
    client_max_body_size 200m;
    upstream vliegwiel {
        server 127.0.0.1:8081 max_fails=1 fail_timeout=5s;
        server 127.0.0.1:8082 max_fails=1 fail_timeout=5s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:8090;
        location ^~ /metrics { return 404; }
        location / {
            proxy_pass http://vliegwiel;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Request-Id \$request_id;
            proxy_read_timeout 300s;
            proxy_next_upstream error timeout http_502 http_503;
        }
    }
}
NGINX
nginx -c "$out/nginx.conf"
echo "Vliegwiel behind nginx: http://127.0.0.1:8090 (instances on 8081 and 8082, database $database; logs in deploy/out)."
echo "Stop with: deploy/local.sh stop"
