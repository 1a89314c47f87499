#!/usr/bin/env bash
# Run the extension end to end in a real VS Code (code-server + headless Debian chromium).
#
#   scripts/e2e/run.sh EXT.vsix WORKSPACE_DIR TESTS_MODULE [UI_SCRIPT]
#
#   EXT.vsix      built extension package (installed with --install-extension into a fresh extensions dir)
#   WORKSPACE_DIR folder opened in the workbench
#   TESTS_MODULE  test-electron style tests module (index.js exporting run()), run in the extension host
#                 through test/e2e/run-ext-tests.js; pass "-" to skip
#   UI_SCRIPT     optional node script (playwright UI checks, see test/e2e/ui-lib.js); non-zero exit = failure
#
# Needs scripts/e2e/install.sh to have run. Every run gets a fresh .e2e/run-<timestamp>/ (user data, extensions,
# XDG dirs, logs). code-server runs in its own process group (setsid + timeout) that is ALWAYS killed on exit.
# Exit code: non-zero if any step failed.
#
# Env in:  BTSLINT_E2E_OUT (default <repo>/test-output/e2e; passed to code-server, so to the extension host and
#          the tests), BTSLINT_E2E_DIR (default <repo>/.e2e), BTSLINT_E2E_TIMEOUT (s, hard cap on code-server,
#          default 1800), BTSLINT_E2E_TEST_TIMEOUT (ms per extension-test run, default 300000),
#          BTSLINT_E2E_UI_TIMEOUT (s, default 300), BTSLINT_E2E_KEEP_RUNS (old run dirs kept, default 5).
# Env out (for the tests and UI script): BTSLINT_E2E_URL, BTSLINT_E2E_WORKSPACE, BTSLINT_E2E_OUT,
#          BTSLINT_E2E_RUN_DIR, BTSLINT_E2E_EXT_DIR (unpacked installed extension), BTSLINT_E2E_TOOLS,
#          BTSLINT_E2E_UI_LIB, BTSLINT_E2E_PIDFILE, NODE_PATH (+= .e2e/tools/node_modules: mocha, playwright-core).
set -uo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
E2E_DIR=${BTSLINT_E2E_DIR:-$ROOT/.e2e}
CS_BIN=$E2E_DIR/code-server/node_modules/.bin/code-server
TOOLS=$E2E_DIR/tools/node_modules
TEST_DIR=$ROOT/test/e2e

log() { echo "[e2e-run $(date +%H:%M:%S)] $*"; }
die() { log "ERROR: $*"; exit 2; }
abspath() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }

[ $# -ge 3 ] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
VSIX=$1; WS=$2; TESTS=$3; UI_SCRIPT=${4:-}
[ -f "$VSIX" ] || die "no such vsix: $VSIX"
[ -d "$WS" ] || die "no such workspace folder: $WS"
VSIX=$(abspath "$VSIX"); WS=$(cd "$WS" && pwd)
if [ "$TESTS" != "-" ]; then [ -f "$TESTS" ] || die "no such tests module: $TESTS"; TESTS=$(abspath "$TESTS"); fi
if [ -n "$UI_SCRIPT" ]; then [ -f "$UI_SCRIPT" ] || die "no such UI script: $UI_SCRIPT"; UI_SCRIPT=$(abspath "$UI_SCRIPT"); fi
[ -x "$CS_BIN" ] || die "code-server missing: run scripts/e2e/install.sh first"
[ -d "$TOOLS/playwright-core" ] && [ -d "$TOOLS/mocha" ] || die "playwright-core/mocha missing: run scripts/e2e/install.sh first"
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null || die "chromium missing: run scripts/e2e/install.sh first"

T0=$(date +%s%N)
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# ------------------------------------------------------------------ fresh run dir
RUN=$E2E_DIR/run-$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$RUN/ud/User" "$RUN/exts" "$RUN/xdg-config" "$RUN/xdg-data" "$RUN/xdg-cache"
# keep only the newest BTSLINT_E2E_KEEP_RUNS run dirs (including this one)
KEEP=${BTSLINT_E2E_KEEP_RUNS:-5}
ls -1dt "$E2E_DIR"/run-* 2>/dev/null | tail -n +$((KEEP + 1)) | while read -r old; do rm -rf -- "$old"; done

export BTSLINT_E2E_OUT=${BTSLINT_E2E_OUT:-$ROOT/test-output/e2e}
mkdir -p "$BTSLINT_E2E_OUT"; BTSLINT_E2E_OUT=$(cd "$BTSLINT_E2E_OUT" && pwd)
export XDG_CONFIG_HOME=$RUN/xdg-config XDG_DATA_HOME=$RUN/xdg-data XDG_CACHE_HOME=$RUN/xdg-cache
export BTSLINT_E2E_RUN_DIR=$RUN BTSLINT_E2E_WORKSPACE=$WS BTSLINT_E2E_TOOLS=$TOOLS
export BTSLINT_E2E_UI_LIB=$TEST_DIR/ui-lib.js BTSLINT_E2E_MOCHA_RUNNER=$TEST_DIR/mocha-runner.js BTSLINT_E2E_PIDFILE=$RUN/browser.pids
export NODE_PATH=$TOOLS${NODE_PATH:+:$NODE_PATH}
: > "$BTSLINT_E2E_PIDFILE"

# user settings of Recipe B + "files.hotExit": "off" (shared with run-test-electron.js)
cp "$TEST_DIR/user-settings.json" "$RUN/ud/User/settings.json"

# ------------------------------------------------------------------ cleanup (always)
CS_PGID=""; STEP_PID=""
# Steps run in the background + `wait`, so a trapped INT/TERM interrupts the wait at once (bash would otherwise
# run the trap only after the foreground command ends).
run_step() { "$@" & STEP_PID=$!; wait "$STEP_PID"; local rc=$?; STEP_PID=""; return $rc; }
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$STEP_PID" ] && kill -0 "$STEP_PID" 2>/dev/null; then
    # `timeout` leads its own process group; TERM lets playwright close its browser
    kill -TERM -- "-$STEP_PID" 2>/dev/null || kill -TERM "$STEP_PID" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$STEP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$STEP_PID" 2>/dev/null
  fi
  if [ -n "$CS_PGID" ] && kill -0 -- "-$CS_PGID" 2>/dev/null; then
    kill -TERM -- "-$CS_PGID" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 -- "-$CS_PGID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PGID" 2>/dev/null
  fi
  # chromium processes the node runners started (playwright launches them detached: own process groups)
  if [ -s "$BTSLINT_E2E_PIDFILE" ]; then
    while read -r pid; do
      [ -n "$pid" ] && kill -0 -- "-$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
    done < "$BTSLINT_E2E_PIDFILE"
  fi
  log "code-server stopped; logs in $RUN (cs.log)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "run dir $RUN"

# ------------------------------------------------------------------ install the vsix
t=$(date +%s%N)
"$CS_BIN" --config /dev/null --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" \
  --install-extension "$VSIX" > "$RUN/install-extension.log" 2>&1 \
  || { cat "$RUN/install-extension.log"; die "--install-extension failed"; }
grep -v '^\s*$' "$RUN/install-extension.log" | tail -2 | sed 's/^/  /'
# The unpacked folder of the installed extension (fresh extensions dir: the only entry of extensions.json).
EXT_DIR=$(node -e '
  const fs = require("fs"), path = require("path");
  const dir = process.argv[1];
  const list = JSON.parse(fs.readFileSync(path.join(dir, "extensions.json"), "utf8"));
  if (list.length !== 1) { console.error(`expected 1 installed extension, got ${list.length}`); process.exit(1); }
  const e = list[0];
  console.log(e.location && e.location.path ? e.location.path : path.join(dir, e.relativeLocation));
' "$RUN/exts") || die "cannot find the installed extension in $RUN/exts"
[ -f "$EXT_DIR/package.json" ] || die "installed extension folder has no package.json: $EXT_DIR"
export BTSLINT_E2E_EXT_DIR=$EXT_DIR
log "installed $(basename "$VSIX") -> $EXT_DIR ($(ms_since "$t") ms)"

# ------------------------------------------------------------------ start code-server
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')
export BTSLINT_E2E_URL=http://127.0.0.1:$PORT
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/config.yaml"
t=$(date +%s%N)
setsid timeout "${BTSLINT_E2E_TIMEOUT:-1800}" "$CS_BIN" --config "$RUN/config.yaml" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" "$WS" > "$RUN/cs.log" 2>&1 < /dev/null &
CS_PGID=$!            # setsid in a background job of a non-interactive shell: exec'd in place, so pgid == pid
echo "$CS_PGID" > "$RUN/cs.pid"
PG=$(ps -o pgid= -p "$CS_PGID" 2>/dev/null | tr -d ' ')
[ -z "$PG" ] || [ "$PG" = "$CS_PGID" ] || die "code-server pgid $PG != pid $CS_PGID (run this script with bash, not sourced under job control)"
up=""
for _ in $(seq 1 300); do    # up to 60 s
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$BTSLINT_E2E_URL/healthz" 2>/dev/null; then up=1; break; fi
  kill -0 "$CS_PGID" 2>/dev/null || break
  sleep 0.2
done
[ -n "$up" ] || { tail -30 "$RUN/cs.log"; die "code-server did not answer /healthz"; }
log "code-server up at $BTSLINT_E2E_URL ($(ms_since "$t") ms, pgid $CS_PGID)"

# ------------------------------------------------------------------ extension tests (Recipe C)
FAILED=()
if [ "$TESTS" != "-" ]; then
  t=$(date +%s%N)
  log "extension tests: $TESTS"
  # extensionDevelopmentPath = the INSTALLED extension's folder: code-server's extension host refuses to run
  # extensionTestsPath without one (see test/e2e/README.md).
  BTSLINT_E2E_TESTS=$TESTS BTSLINT_E2E_EXT_DEV=${BTSLINT_E2E_EXT_DEV:-$EXT_DIR} \
    run_step timeout $(( ${BTSLINT_E2E_TEST_TIMEOUT:-300000} / 1000 + 60 )) node "$TEST_DIR/run-ext-tests.js"
  rc=$?
  log "extension tests rc=$rc ($(ms_since "$t") ms)"
  [ $rc -eq 0 ] || FAILED+=("extension-tests")
fi

# ------------------------------------------------------------------ UI checks (Recipe D)
if [ -n "$UI_SCRIPT" ]; then
  t=$(date +%s%N)
  log "UI checks: $UI_SCRIPT"
  run_step timeout "${BTSLINT_E2E_UI_TIMEOUT:-300}" node "$UI_SCRIPT"
  rc=$?
  log "UI checks rc=$rc ($(ms_since "$t") ms)"
  [ $rc -eq 0 ] || FAILED+=("ui-checks")
fi

log "total $(ms_since "$T0") ms"
if [ ${#FAILED[@]} -gt 0 ]; then log "FAILED: ${FAILED[*]}"; exit 1; fi
log "all e2e steps passed"
exit 0
