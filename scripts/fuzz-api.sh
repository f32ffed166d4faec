#!/usr/bin/env bash
# Schemathesis with every check against a real `provkg serve` over the fixture graph, in a data dir
# of its own (the generated POST /ingest calls never reach a graph anyone uses), then stops it.
#
#   scripts/fuzz-api.sh [SECONDS] [EXAMPLES]     defaults 600 and 20; report in test-artifacts/schemathesis
#
# RELIABILITY.md ("Fuzzing") gives the counts this printed, by check.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_MAX=${1:-600}
EXAMPLES=${2:-20}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
DATA=$(mktemp -d /tmp/pkfz.XXXXXX)
KEY=fuzz-$(python3 -c 'import secrets; print(secrets.token_hex(8))')
export PROVKG_DATA_DIR=$DATA PROVKG_GRAPH_NAME=fuzz PROVKG_API_KEY=$KEY PROVKG_RATE_LIMIT_PER_MINUTE=100000
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  .venv/bin/provkg store stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT
.venv/bin/python -c "
from core.settings import load_settings
from graph.store import open_store
from tests.fixture_graph import load_fixture
st = open_store(load_settings()); st.ensure_schema(); load_fixture(st); st.close()"
.venv/bin/provkg serve --host 127.0.0.1 --port "$PORT" >"$DATA/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null && break; sleep 0.5; done
mkdir -p test-artifacts/schemathesis
.venv/bin/schemathesis run "http://127.0.0.1:$PORT/openapi.json" --checks all -H "X-API-Key: $KEY" \
  -n "$EXAMPLES" --seed 15 --workers 2 --no-color --request-timeout 30 --max-time "$SECONDS_MAX" \
  --report json --report-dir test-artifacts/schemathesis || true
