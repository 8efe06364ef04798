#!/usr/bin/env bash
# The README's quick start, as a user runs it on a machine without a database server: `npm start`
# on the embedded PostgreSQL, one query through the gateway, Ctrl-C, and nothing left running.
# Then a second start on the same data: no reload, and the same answer.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
data="$work/postgres"
pg_port=${SMOKE_PG_PORT:-54329}
log="$work/start.log"
trap 'rm -rf "$work"' EXIT

# The gateway, every subgraph and the embedded PostgreSQL.
ports="4000 $(node -e 'console.log(require("./packages/core/dist/subgraphs.js").SUBGRAPHS.map((s) => s.port).join(" "))') $pg_port"
for port in $ports; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "smoke: port $port is in use; the quick start needs it free" >&2
    exit 1
  fi
done

query='{"query":"{ collectiveEconomy(period: { year: 2024, half: H1, asOf: \"2024-07-15\" }) { membership { cooperativeCount unionCount groupCount charterCapital { average } averageWorkerMonthlyIncome } ocop { activeProducts collectiveOwnedProducts collectiveOwners } } }"}'
expected='{"data":{"collectiveEconomy":{"membership":{"cooperativeCount":975,"unionCount":3,"groupCount":2538,"charterCapital":{"average":"2002000000"},"averageWorkerMonthlyIncome":"4000000"},"ocop":{"activeProducts":239,"collectiveOwnedProducts":66,"collectiveOwners":65}}}}'

run_once() {
  local label=$1 started ready_at pid answer
  started=$(date +%s.%N)
  # Its own session, so the interrupt below reaches the whole tree as Ctrl-C would.
  env -u DATABASE_URL EMBEDDED_PG_DATA="$data" EMBEDDED_PG_PORT="$pg_port" setsid npm start >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -sf http://127.0.0.1:4000/health >/dev/null 2>&1; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "smoke: npm start exited early"; cat "$log"; exit 1; fi
    sleep 0.2
  done
  ready_at=$(date +%s.%N)
  answer=$(curl -sf http://127.0.0.1:4000/graphql -H 'content-type: application/json' -d "$query")
  if [ "$answer" != "$expected" ]; then
    echo "smoke: unexpected answer: $answer"; cat "$log"; kill -INT -- -"$pid" || true; exit 1
  fi
  if ! curl -sf http://127.0.0.1:4000/dashboard/ | grep -q '<div id="root">'; then
    echo "smoke: the dashboard is not served at /dashboard/"; kill -INT -- -"$pid" || true; exit 1
  fi
  awk -v l="$label" -v a="$started" -v b="$ready_at" 'BEGIN { printf "smoke: %s start ready in %.1f s, seed figures answered through the gateway\n", l, b - a }'
  kill -INT -- -"$pid"
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then echo "smoke: npm start did not stop on Ctrl-C"; cat "$log"; exit 1; fi
  sleep 0.5
  if pgrep -f "$data" >/dev/null || pgrep -f "packages/launcher/dist/main.js|services/.*/dist/main.js|gateway/dist/main.js" >/dev/null; then
    echo "smoke: processes left behind after Ctrl-C:"; pgrep -af "$data|dist/main.js" || true; exit 1
  fi
  for port in $ports; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "smoke: port $port still open after stop"; exit 1; fi
  done
}

run_once first
grep -q "demo data loaded" "$log" || { echo "smoke: the first start did not load the demo data"; cat "$log"; exit 1; }
run_once second
if grep -q "demo data loaded" "$log"; then echo "smoke: the second start reloaded the demo data"; exit 1; fi
echo "smoke: quick start OK (both starts answered, stopped cleanly, second start reused the data)"
