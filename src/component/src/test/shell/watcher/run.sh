#!/usr/bin/env bash
# Runs the scheduled-events watcher checks: shellcheck on the script, then the bats suite.
# Exits non-zero when either fails. Needs bash, python3, curl, shellcheck and bats
# (Debian/Ubuntu: apt-get install -y bats shellcheck).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resources="${here}/../../../main/resources/io/github/dsvmpool/vm"

for tool in shellcheck bats python3 curl; do
    if ! command -v "${tool}" >/dev/null 2>&1; then
        echo "watcher tests: ${tool} is missing (apt-get install -y bats shellcheck python3 curl)" >&2
        exit 2
    fi
done

echo "watcher tests: shellcheck"
shellcheck "${resources}/scheduled-events-watcher.sh" "${here}/run.sh"

echo "watcher tests: bats"
bats "${here}/watcher.bats"
