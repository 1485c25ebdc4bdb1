#!/usr/bin/env bash
# The one test command: installs what the tests need on a fresh machine, builds, starts a throw-away PostgreSQL,
# runs every test, and ends with "N passed, N failed". Exit status is non-zero on any failure.
# Extra arguments go to the test runner, e.g. scripts/test.sh -- --filter-not-namespace 'AuditAdmin.Tests.Browser'.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "could not install chromium"; echo "0 passed, 1 failed"; exit 1; }
fi

# The evidence tests verify export bundles with the real openssl, as an auditor would.
if ! command -v openssl >/dev/null 2>&1; then
  echo "Installing openssl for the bundle-verification tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openssl >/dev/null \
    || { echo "could not install openssl"; echo "0 passed, 1 failed"; exit 1; }
fi

dotnet tool restore >/dev/null
if ! dotnet build AuditAdmin.sln -c Release -nologo -v q; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

# A throw-away PostgreSQL for the PostgreSQL tests (unless one is given), stopped and deleted on exit.
if [ -z "${AUDITADMIN_TEST_POSTGRES:-}" ]; then
  pg_root=$(mktemp -d)
  chmod 755 "$pg_root" # the postgres user must reach the cluster's folder inside it
  trap 'scripts/throwaway-postgres.sh stop "$pg_root/cluster"; rm -rf "$pg_root"' EXIT
  if ! AUDITADMIN_TEST_POSTGRES=$(scripts/throwaway-postgres.sh start "$pg_root/cluster"); then
    echo "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1
  fi
  export AUDITADMIN_TEST_POSTGRES
fi

results=$(mktemp -d)
dotnet test --project AuditAdmin.Tests -c Release --no-build --report-xunit-trx --results-directory "$results" "$@"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*'); f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$failed" -gt 0 ]; then
  # The names again at the end, where a truncated CI log still shows them.
  echo "Failed tests:"
  grep -ho 'testName="[^"]*"[^>]*outcome="Failed"' "$results"/*.trx 2>/dev/null | sed 's/testName="\([^"]*\)".*/  \1/'
fi
echo "$passed passed, $failed failed"
exit $status
