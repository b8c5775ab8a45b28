#!/usr/bin/env bash
# Tests of the e2e smoke test: shellcheck on .github/e2e/smoke-test.sh and on these tests, then the bats
# suite against local stand-ins (a real sshd, HTTPS servers on 127.0.0.1; see fixtures.bash).
#   bash src/e2e/src/test/shell/smoke/run.sh                 # from anywhere
#   bash src/e2e/src/test/shell/smoke/run.sh --cleanup DIR   # remove what a killed run left in its state folder DIR
# Exit status: 0 passed, 1 a check failed, 3 a tool is missing or not root. Needs root and:
#   apt-get install -y bats shellcheck openssh-server openssh-client openssl curl python3
# SmokeTestScriptTest runs this from the project's base folder (and passes SMOKE_STATE_DIR, a folder
# /tmp/dsvm-smoke-fixtures.* it made, so that it can clean up even after killing the run).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../../../../../.." || exit 1
export PATH="$PATH:/usr/sbin:/sbin"
# shellcheck source=src/e2e/src/test/shell/smoke/fixtures.bash
source "$here/fixtures.bash"

if [[ ${1:-} == --cleanup ]]; then
  smoke_cleanup "${2:-}"
  exit 0
fi

missing=()
for tool in bats shellcheck sshd ssh ssh-keygen curl openssl python3 useradd userdel timeout unshare; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "smoke tests: missing tools: ${missing[*]}" \
    "(apt-get install -y bats shellcheck openssh-server openssh-client openssl curl python3)" >&2
  exit 3
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "smoke tests: must run as root (they create a user and start sshd)" >&2
  exit 3
fi

if [[ -z ${SMOKE_STATE_DIR:-} ]]; then
  SMOKE_STATE_DIR=$(mktemp -d /tmp/dsvm-smoke-fixtures.XXXXXX)
fi
export SMOKE_STATE_DIR
# Whatever happens to bats (a failed set-up, an interrupt), everything recorded in the folder goes.
trap 'smoke_cleanup "$SMOKE_STATE_DIR"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

failed=0
echo "smoke tests: shellcheck"
shellcheck -x .github/e2e/smoke-test.sh "$here/run.sh" "$here/fixtures.bash" "$here/smoke-test.bats" || failed=1

echo "smoke tests: bats"
bats "$here/smoke-test.bats" || failed=1
exit "$failed"
