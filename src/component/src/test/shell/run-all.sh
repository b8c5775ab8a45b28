#!/usr/bin/env bash
# Checks the shell side of dsvm-pool: shellcheck on every shipped script (src/main/resources/**/*.sh) and on
# the test scripts, then the bats suites (src/test/shell/*.bats: one runs a real Samba server, one the real
# sshd and iptables in network namespaces of its own). Exits non-zero on any failure, 3 when a tool is
# missing. Needs root (Samba, network namespaces) and:
#   sudo apt-get install -y bats shellcheck samba smbclient openssh-server openssh-client iptables iproute2 \
#     python3 systemd
# ShellScriptsTest runs this from the project's base folder and sets DSVM_RENDERED_SCRIPT for rendered.bats.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.." || exit 1
export PATH="$PATH:/usr/sbin:/sbin"

missing=()
# per-vm-ports-real.bats: sshd, ssh-keygen, iptables, ip, unshare, python3, systemd-analyze; ssh-host-key.bats:
# ssh-keyscan, ssh
for tool in bats shellcheck smbd smbclient sshd ssh-keygen iptables ip unshare python3 systemd-analyze ssh-keyscan ssh; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "run-all.sh: missing tools: ${missing[*]} (sudo apt-get install -y bats shellcheck samba smbclient" \
    "openssh-server openssh-client iptables iproute2 python3 systemd)" >&2
  exit 3
fi

failed=0
mapfile -t shipped < <(find src/main/resources -type f -name '*.sh' | sort)
# this folder's own test scripts; subfolders (e.g. watcher/) belong to other suites with their own runners
mapfile -t tests < <({
  find src/test/shell -maxdepth 1 -type f \( -name '*.sh' -o -name '*.bash' -o -name '*.bats' \)
  find src/test/shell/fakes -type f
} | sort)
echo "shellcheck: ${#shipped[@]} shipped script(s), ${#tests[@]} test script(s)"
if ((${#shipped[@]} == 0)); then
  echo "run-all.sh: no shipped script found under src/main/resources" >&2
  failed=1
fi
shellcheck -x "${shipped[@]}" "${tests[@]}" || failed=1

bats src/test/shell/*.bats || failed=1
# the scheduled-events watcher has its own runner (it needs python3 and curl for a fake metadata endpoint)
bash src/test/shell/watcher/run.sh || failed=1
exit "$failed"
