#!/usr/bin/env bash
# The whole test run (what `npm test` and CI run):
#   system packages → throwaway PostgreSQL → web build → type check → module
#   boundaries → vitest; always ends with the plain line `N passed, N failed[, N skipped]`.
#
#   npm test                          everything
#   npm test -- src/shared            vitest args (a subset); checks still run
#   KONTOR_TEST_SKIP_CHECKS=1 npm test -- src/shared    only the tests (quick dev loop)
#
# Environment for the tests:
#   KONTOR_TEST_PG_URL     admin URL of the throwaway PostgreSQL (postgres://postgres@127.0.0.1:PORT/postgres);
#                          set it yourself to use your own server instead
#   KONTOR_TEST_REQUIRE_PG=1   PostgreSQL tests must not skip themselves
#   KONTOR_TEST_CHROMIUM   path of the chromium binary for playwright-core
set -euo pipefail

# Plain output for CI logs (vitest, vite and others colour under TERM=xterm otherwise).
export NO_COLOR=1

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kontor-test.XXXXXX")
PG_DIR=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$PG_DIR" ]]; then bash "$ROOT/scripts/services/postgres.sh" stop "$PG_DIR" >/dev/null 2>&1 || true; fi
  rm -rf -- "$RUN_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step_start=0
step() { step_start=$(date +%s%N); echo "== $*"; }
step_done() { echo "   ($(( ($(date +%s%N) - step_start) / 1000000 )) ms)"; }

FAILED_CHECKS=()

step "system packages"
bash "$ROOT/scripts/ensure-system-packages.sh"
step_done

step "PostgreSQL"
if [[ -n "${KONTOR_TEST_PG_URL:-}" ]]; then
  echo "using KONTOR_TEST_PG_URL from the environment"
else
  pg_env=$(bash "$ROOT/scripts/services/postgres.sh" start)
  PG_DIR=$(sed -n 's/^KONTOR_PG_DIR=//p' <<<"$pg_env")
  KONTOR_TEST_PG_URL=$(sed -n 's/^KONTOR_PG_URL=//p' <<<"$pg_env")
  echo "$KONTOR_TEST_PG_URL"
fi
export KONTOR_TEST_PG_URL
export KONTOR_TEST_REQUIRE_PG=1
export KONTOR_TEST_CHROMIUM=${KONTOR_TEST_CHROMIUM:-/usr/bin/chromium}
step_done

has_script() {
  node -e 'const s=require(process.argv[1]).scripts||{};process.exit(s[process.argv[2]]?0:1)' "$ROOT/package.json" "$1"
}

if [[ "${KONTOR_TEST_SKIP_CHECKS:-}" != 1 ]]; then
  if has_script build:web; then
    step "web build (npm run build:web)"
    if npm run --silent build:web; then step_done; else FAILED_CHECKS+=(build:web); echo "!! web build FAILED"; fi
  fi

  step "type check (tsc --noEmit: server, then web app)"
  if "$ROOT/node_modules/.bin/tsc" --noEmit -p tsconfig.json && "$ROOT/node_modules/.bin/tsc" --noEmit -p web/tsconfig.json; then step_done; else FAILED_CHECKS+=(typecheck); echo "!! type check FAILED"; fi

  step "module boundaries (dependency-cruiser)"
  if npm run --silent check:boundaries; then step_done; else FAILED_CHECKS+=(boundaries); echo "!! module boundaries FAILED"; fi
fi

step "tests (vitest)"
REPORT="$RUN_DIR/vitest.json"
vitest_rc=0
"$ROOT/node_modules/.bin/vitest" run \
  --reporter=default --reporter=json --outputFile.json="$REPORT" "$@" </dev/null || vitest_rc=$?
step_done

# Stop PostgreSQL now (the EXIT trap is the fallback) so the summary stays the last line.
if [[ -n "$PG_DIR" ]]; then
  bash "$ROOT/scripts/services/postgres.sh" stop "$PG_DIR" || true
  PG_DIR=""
fi

if [[ ${#FAILED_CHECKS[@]} -gt 0 ]]; then
  echo "test summary: failed checks (each counted as one failure): ${FAILED_CHECKS[*]}"
fi
# Last line: `N passed, N failed[, N skipped]`; its exit code is the run's.
node "$ROOT/scripts/lib/vitest-summary.mjs" "$REPORT" "$vitest_rc" "${#FAILED_CHECKS[@]}"
