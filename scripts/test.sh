#!/usr/bin/env bash
# `make test`: the whole suite, every store test on both engines. Neo4j comes from NEO4J_URI when it
# is set; else a local server is started (scripts/neo4j.sh) when a JDK and Maven are present, and
# stopped again afterwards; else the Neo4j half is skipped, and this says so.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PYTEST=(.venv/bin/python -m pytest -m "not soak" "$@")
OWN_ENV=$ROOT/data/neo4j/neo4j.env

own_uri() { [ -f "$OWN_ENV" ] && (source "$OWN_ENV" && echo "$NEO4J_URI"); }

if [ -n "${NEO4J_URI:-}" ]; then
  echo "make test: store tests on the embedded store and on Neo4j at $NEO4J_URI"
  # the local throwaway server may be wiped by the tests; any other database only when asked
  [ "$NEO4J_URI" = "$(own_uri)" ] && export PROVKG_TEST_NEO4J_WIPE=1
  exec "${PYTEST[@]}"
fi

if command -v java >/dev/null && command -v javac >/dev/null && command -v mvn >/dev/null; then
  started=0
  scripts/neo4j.sh status >/dev/null 2>&1 || started=1
  if scripts/neo4j.sh start; then
    # shellcheck disable=SC1090
    source "$OWN_ENV"
    export PROVKG_TEST_NEO4J_WIPE=1
    echo "make test: store tests on the embedded store and on a local Neo4j at $NEO4J_URI"
    "${PYTEST[@]}"
    rc=$?
    [ $started = 1 ] && scripts/neo4j.sh stop
    exit $rc
  fi
  echo "make test: the local Neo4j did not start (see data/neo4j/logs/launcher.log): its half of the store tests is SKIPPED"
else
  echo "make test: no JDK and Maven here (java, javac, mvn): the Neo4j half of the store tests is SKIPPED"
fi
exec "${PYTEST[@]}"
