#!/usr/bin/env bash
# Checks the API against its own OpenAPI document with schemathesis (from PyPI, in a virtual
# environment under deploy/out): generated requests for every operation, and every answer must
# be no server error, with a documented status, content type, headers and body schema.
#
#   bash deploy/api-check.sh                 serves a fresh demo (the debug build) and checks it
#   bash deploy/api-check.sh URL TOKEN       checks a running Vliegwiel, e.g. http://127.0.0.1:8080
#
# It writes (POST, PUT, PATCH, DELETE with generated data): point it only at a demo or a copy.
# EXAMPLES (default 15) sets the number of generated requests per operation and phase.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p deploy/out
venv=$(pwd)/deploy/out/schemathesis-venv
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv" 2>/dev/null || {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv "$venv"
    }
    "$venv/bin/pip" install -q "schemathesis>=4,<5"
fi

if [ $# -ge 2 ]; then
    url=$1 token=$2
else
    out=$(mktemp -d) port=8087
    bin=${bin:-$(swift build --show-bin-path)/vliegwiel}
    [ -x "$bin" ] || swift build --product vliegwiel
    # shellcheck source=../bench/demo-server.sh
    source bench/demo-server.sh
    url=http://127.0.0.1:$port
fi

"$venv/bin/schemathesis" --version
"$venv/bin/schemathesis" run "$url/api/v1/openapi.json" --wait-for-schema 120 \
    -H "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --max-examples "${EXAMPLES:-15}" --workers 2 --seed 19 --no-shrink
