#!/usr/bin/env bash
# The README's quick start, as a user runs it on a machine without a database server: `npm start`
# on the embedded PostgreSQL, the dashboard's sign-in link it prints, one query through the gateway
# with that link's token, Ctrl-C, and nothing left running. Then a second start on the same data: no
# reload, the same answer, stopped with SIGTERM to the launcher alone (as a service manager does); no
# process may need killing either time.
# SMOKE_PORT_OFFSET=100 runs it on ports 4100-4104 (gateway, subgraphs), beside a running `npm start`;
# SMOKE_PG_PORT moves the embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)

work=$(mktemp -d)
data="$work/postgres"
pg_port=${SMOKE_PG_PORT:-54329}
offset=${SMOKE_PORT_OFFSET:-0}
gateway_port=$((4000 + offset))
log="$work/start.log"
trap 'rm -rf "$work"' EXIT

# The gateway, every subgraph and the embedded PostgreSQL.
subgraph_ports=$(node -e 'console.log(require("./packages/core/dist/subgraphs.js").SUBGRAPHS.map((s) => s.port + Number(process.argv[1])).join(" "))' "$offset")
ports="$gateway_port $subgraph_ports $pg_port"
port_env=()
if [ "$offset" != 0 ]; then
  port_env=(GATEWAY_PORT="$gateway_port" $(node -e 'const { SUBGRAPHS, envPrefix } = require("./packages/core/dist/subgraphs.js"); console.log(SUBGRAPHS.map((s) => `${envPrefix(s.name)}_PORT=${s.port + Number(process.argv[1])}`).join(" "))' "$offset"))
fi
gateway="http://127.0.0.1:$gateway_port"
for port in $ports; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "smoke: port $port is in use; the quick start needs it free" >&2
    exit 1
  fi
done

query='{"query":"{ collectiveEconomy(period: { year: 2024, half: H1, asOf: \"2024-07-15\" }) { membership { cooperativeCount unionCount groupCount charterCapital { average } averageWorkerMonthlyIncome } ocop { activeProducts collectiveOwnedProducts collectiveOwners } } }"}'
expected='{"data":{"collectiveEconomy":{"membership":{"cooperativeCount":975,"unionCount":3,"groupCount":2538,"charterCapital":{"average":"2002000000"},"averageWorkerMonthlyIncome":"4000000"},"ocop":{"activeProducts":239,"collectiveOwnedProducts":66,"collectiveOwners":65}}}}'

# The launcher's, subgraphs' and gateway's processes of this checkout (not those of another one).
ours() {
  local p
  for p in $(pgrep -f "packages/launcher/dist/main.js|services/.*/dist/main.js|gateway/dist/main.js" || true); do
    [ "$(readlink "/proc/$p/cwd" 2>/dev/null)" = "$root" ] && echo "$p"
  done
  return 0
}

# A staff query through the gateway: the representative is personal data, null for the public.
staff_query='{"query":"{ cooperatives(first: 1) { nodes { representative } } }"}'

run_once() {
  # How it is stopped: "ctrl-c" (SIGINT to the whole tree, as a terminal does) or "sigterm" (SIGTERM to
  # the launcher alone, as a service manager does: the launcher stops the rest).
  local label=$1 stop=$2 started ready_at pid answer link token sig tampered status launcher
  started=$(date +%s.%N)
  # Its own session, so the interrupt below reaches the whole tree as Ctrl-C would.
  env -u DATABASE_URL EMBEDDED_PG_DATA="$data" EMBEDDED_PG_PORT="$pg_port" "${port_env[@]}" setsid npm start >"$log" 2>&1 &
  pid=$!
  fail() { echo "smoke: $*"; cat "$log"; kill -INT -- -"$pid" 2>/dev/null || true; exit 1; }
  for _ in $(seq 1 600); do
    if curl -sf "$gateway/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "smoke: npm start exited early"; cat "$log"; exit 1; fi
    sleep 0.2
  done
  ready_at=$(date +%s.%N)
  # The sign-in link is printed once the gateway is up: give the launcher a moment to say it.
  for _ in $(seq 1 50); do grep -q "Dashboard: " "$log" && break; sleep 0.1; done
  link=$(grep -o "Dashboard: http://localhost:$gateway_port/dashboard/#token=[A-Za-z0-9._-]*" "$log" | head -n 1 | sed 's/^Dashboard: //')
  token=${link#*#token=}
  [[ "$token" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || fail "npm start printed no dashboard sign-in link with a token (got '$link')"
  answer=$(curl -s "$gateway/graphql" -H 'content-type: application/json' -H "authorization: Bearer $token" -d "$staff_query")
  if ! node -e 'const a = JSON.parse(process.argv[1]); const r = a.data?.cooperatives?.nodes?.[0]?.representative; process.exit(!a.errors && typeof r === "string" && r.length > 0 ? 0 : 1)' "$answer"; then
    fail "the link's token was not accepted as Alliance staff: $answer"
  fi
  # The same check refuses a token that is not the run's: a tampered signature gets 401 UNAUTHENTICATED.
  sig=${token##*.}
  tampered="${token%.*}.$([ "${sig:0:1}" = A ] && echo B || echo A)${sig:1}"
  status=$(curl -s -o "$work/refused.json" -w '%{http_code}' "$gateway/graphql" -H 'content-type: application/json' -H "authorization: Bearer $tampered" -d "$staff_query")
  if [ "$status" != 401 ] || ! grep -q UNAUTHENTICATED "$work/refused.json"; then fail "a tampered token was not refused (HTTP $status)"; fi
  answer=$(curl -sf "$gateway/graphql" -H 'content-type: application/json' -H "authorization: Bearer $token" -d "$query")
  [ "$answer" = "$expected" ] || fail "unexpected answer: $answer"
  if ! curl -sf "$gateway/dashboard/" | grep -q '<div id="root">'; then fail "the dashboard is not served at /dashboard/"; fi
  if ! curl -sf "$gateway/explorer/" | grep -q 'Trình khám phá API'; then fail "the API explorer is not served at /explorer/"; fi
  if ! curl -sf -H 'accept: text/html' "$gateway/" | grep -q 'href="/explorer/"'; then fail "the start page at / does not offer the explorer"; fi
  grep -q "Explorer: http://localhost:$gateway_port/explorer/#token=" "$log" || fail "npm start printed no explorer sign-in link"
  awk -v l="$label" -v a="$started" -v b="$ready_at" -v s="$stop" 'BEGIN { printf "smoke: %s start ready in %.1f s, sign-in link accepted, seed figures answered through the gateway; stopping with %s\n", l, b - a, s }'
  if [ "$stop" = ctrl-c ]; then
    kill -INT -- -"$pid"
  else
    launcher=$(pgrep -s "$pid" -f "^node packages/launcher/dist/main.js" | head -n 1)
    [ -n "$launcher" ] || fail "no launcher process found in the session of npm start"
    kill -TERM "$launcher"
  fi
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then echo "smoke: npm start did not stop on $stop"; cat "$log"; exit 1; fi
  # Every process stopped by itself: none had to be killed after its grace period.
  if grep -q "did not stop in" "$log"; then echo "smoke: a process had to be killed on Ctrl-C:"; grep "did not stop in" "$log"; exit 1; fi
  sleep 0.5
  if pgrep -f "$data" >/dev/null || [ -n "$(ours)" ]; then
    echo "smoke: processes left behind after Ctrl-C:"; pgrep -af "$data" || true; for p in $(ours); do ps -o pid=,args= -p "$p"; done; exit 1
  fi
  for port in $ports; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "smoke: port $port still open after stop"; exit 1; fi
  done
}

run_once first ctrl-c
grep -q "demo data loaded" "$log" || { echo "smoke: the first start did not load the demo data"; cat "$log"; exit 1; }
run_once second sigterm
if grep -q "demo data loaded" "$log"; then echo "smoke: the second start reloaded the demo data"; exit 1; fi
echo "smoke: quick start OK (both starts answered, stopped cleanly by Ctrl-C and by SIGTERM, none killed, second start reused the data)"
