#!/usr/bin/env bash
# A real Neo4j 5 LTS community server for tests and local use, without Docker.
#
#   scripts/neo4j.sh start    fetch (first time), start, wait for RETURN 1, write data/neo4j/neo4j.env
#   scripts/neo4j.sh stop     stop it (SIGTERM, clean shutdown), remove the env file
#   scripts/neo4j.sh status   exit 0 and print the URI when it answers, 3 when it is not running
#
# Maven resolves the jars named by scripts/neo4j/pom.xml into a local repository OUTSIDE the project
# (PROVKG_M2_REPO, default ~/.cache/provkg/m2); the launcher is compiled into PROVKG_NEO4J_CACHE
# (default ~/.cache/provkg/neo4j), keyed by the pom's and the launcher's content.
# Settings: PROVKG_NEO4J_HOME (data/neo4j), PROVKG_NEO4J_HEAP (1g; page cache is in neo4j.conf),
# PROVKG_NEO4J_PORT (a free port when unset), JAVA (java on PATH, 17 or 21).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/scripts/neo4j
NHOME=${PROVKG_NEO4J_HOME:-$ROOT/data/neo4j}
CACHE=${PROVKG_NEO4J_CACHE:-$HOME/.cache/provkg/neo4j}
M2=${PROVKG_M2_REPO:-$HOME/.cache/provkg/m2}
HEAP=${PROVKG_NEO4J_HEAP:-1g}
JAVA=${JAVA:-java}
START_TIMEOUT=${PROVKG_NEO4J_START_TIMEOUT:-180}
PIDFILE=$NHOME/neo4j.pid
READY=$NHOME/ready
ENVFILE=$NHOME/neo4j.env
LOG=$NHOME/logs/launcher.log
MAIN=org.provkg.neo4j.Launcher

say() { echo "neo4j: $*" >&2; }

need() {
  command -v "$1" >/dev/null 2>&1 || { say "$1 is not installed ($2)"; exit 2; }
}

python_bin() {
  if [ -x "$ROOT/.venv/bin/python" ] && "$ROOT/.venv/bin/python" -c 'import neo4j' 2>/dev/null; then
    echo "$ROOT/.venv/bin/python"
  else
    echo python3
  fi
}

build() {
  need "$JAVA" "a JDK 17 or 21"
  need javac "a JDK 17 or 21"
  need mvn "Apache Maven"
  local key dir
  key=$(cat "$SRC/pom.xml" "$SRC"/src/main/java/org/provkg/neo4j/*.java | sha256sum | cut -c1-16)
  dir=$CACHE/$key
  if [ ! -f "$dir/ok" ] || [ ! -f "$dir/classpath.args" ]; then
    say "resolving Neo4j with Maven into $M2 (first time only)"
    mkdir -p "$dir"
    if ! mvn -B -q -Dstyle.color=never -f "$SRC/pom.xml" -Dmaven.repo.local="$M2" dependency:build-classpath \
      -Dmdep.outputFile="$dir/classpath" >"$dir/mvn.log" 2>&1; then
      tail -n 40 "$dir/mvn.log" >&2
      say "Maven could not resolve Neo4j (full log: $dir/mvn.log)"
      exit 1
    fi
    rm -rf "$dir/classes"
    javac -nowarn -d "$dir/classes" -cp "$(cat "$dir/classpath")" "$SRC"/src/main/java/org/provkg/neo4j/*.java
    # an argument file keeps the 200-jar classpath off the command line (and out of ps)
    printf -- '-cp\n%s\n' "$dir/classes:$(cat "$dir/classpath")" >"$dir/classpath.args"
    touch "$dir/ok"
  fi
  echo "$dir"
}

running_pid() {
  # the pid file alone is not proof: the pid may have been reused since
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN" \
    && echo "$pid"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

answers() {  # uri password -> 0 when Bolt answers RETURN 1 with these credentials
  NEO4J_URI=$1 NEO4J_PASSWORD=$2 "$(python_bin)" - <<'PY' 2>/dev/null
import os, sys
try:
    import neo4j
except ImportError:  # no driver yet (before make setup): a TCP connect is the best check left
    import socket, urllib.parse
    u = urllib.parse.urlparse(os.environ["NEO4J_URI"])
    socket.create_connection((u.hostname, u.port), timeout=3).close()
    sys.exit(0)
with neo4j.GraphDatabase.driver(os.environ["NEO4J_URI"], auth=("neo4j", os.environ["NEO4J_PASSWORD"]),
                                connection_timeout=3) as d:
    records, _, _ = d.execute_query("RETURN 1 AS one")
    sys.exit(0 if records[0]["one"] == 1 else 1)
PY
}

start() {
  local pid
  if pid=$(running_pid); then
    say "already running (pid $pid); settings in $ENVFILE"
    return 0
  fi
  local dir port password t0
  t0=$(date +%s)
  dir=$(build)
  mkdir -p "$NHOME/logs"
  rm -f "$READY" "$ENVFILE"
  port=${PROVKG_NEO4J_PORT:-$(free_port)}
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  # setsid: its own session, so the server outlives this shell and a Ctrl-C in it
  PROVKG_NEO4J_LAUNCHER_PASSWORD=$password setsid "$JAVA" -Xms256m -Xmx"$HEAP" -XX:+UseG1GC \
    -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 \
    @"$dir/classpath.args" "$MAIN" "$NHOME" "$SRC/neo4j.conf" "$port" "$READY" \
    >"$LOG" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PIDFILE"
  local deadline=$((SECONDS + START_TIMEOUT))
  until [ -f "$READY" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "the server exited during start; last lines of $LOG:"
      tail -n 30 "$LOG" >&2
      rm -f "$PIDFILE"
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      say "no answer after ${START_TIMEOUT}s; stopping it (log: $LOG)"
      stop
      exit 1
    fi
    sleep 0.5
  done
  local uri=bolt://127.0.0.1:$port
  until answers "$uri" "$password"; do
    if [ $SECONDS -ge $deadline ]; then
      say "Bolt does not answer RETURN 1 at $uri; stopping it (log: $LOG)"
      stop
      exit 1
    fi
    sleep 0.5
  done
  (
    umask 077
    cat >"$ENVFILE.tmp" <<EOF
# written by scripts/neo4j.sh start; valid until the next stop (a new password each start)
export NEO4J_URI='$uri'
export NEO4J_USER='neo4j'
export NEO4J_PASSWORD='$password'
export NEO4J_DATABASE='neo4j'
EOF
    mv "$ENVFILE.tmp" "$ENVFILE"
  )
  chmod 600 "$ENVFILE"
  say "Neo4j $(neo4j_version "$dir") up at $uri in $(($(date +%s) - t0))s (pid $pid, heap $HEAP); source $ENVFILE"
}

neo4j_version() {
  grep -o 'neo4j-kernel-[0-9.]*\.jar' "$1/classpath" | head -1 | sed 's/neo4j-kernel-//; s/\.jar//'
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    say "not running"
    rm -f "$PIDFILE" "$READY" "$ENVFILE"
    return 0
  fi
  kill -TERM "$pid"
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      say "no clean shutdown after 60s; killing pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.3
  done
  rm -f "$PIDFILE" "$READY" "$ENVFILE"
  say "stopped (pid $pid)"
}

status() {
  local pid
  if ! pid=$(running_pid); then
    echo "neo4j: not running"
    return 3
  fi
  # shellcheck disable=SC1090
  source "$ENVFILE" 2>/dev/null || { echo "neo4j: pid $pid is starting (no $ENVFILE yet)"; return 4; }
  if answers "$NEO4J_URI" "$NEO4J_PASSWORD"; then
    echo "neo4j: running (pid $pid) at $NEO4J_URI; settings in $ENVFILE"
  else
    echo "neo4j: pid $pid does not answer at $NEO4J_URI"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  build) build >/dev/null ;;
  *) echo "usage: $0 start|stop|status|build" >&2; exit 2 ;;
esac
