# shellcheck shell=bash
# Common set-up of the bats suites: a sandbox root for the real mount script (DSVM_ROOT) with a passwd,
# an fstab, homes and /proc/self/mounts, and the fake commands of fakes/ as its mount, umount, probe,
# smbclient, installer and systemctl. Each test gets a fresh sandbox under $BATS_TEST_TMPDIR.

SHELL_TESTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$SHELL_TESTS_DIR/../../.." && pwd)"
SCRIPT="$PROJECT_DIR/src/main/resources/io/github/dsvmpool/vm/mount-share.sh"
FAKES="$SHELL_TESTS_DIR/fakes"
FIXTURES="$SHELL_TESTS_DIR/fixtures"
# An Azure-like key (base64, 88 characters) that must never show up anywhere but the credentials file.
TEST_KEY='Zm9vYmFyS2V5K3NsYXNoL2VxdWFscz09c2VjcmV0S0VZdmFsdWUxMjM0NTY3ODkwYWJjZGVmZ2hpams+/Q=='

make_sandbox() {
  # Not under $BATS_TEST_TMPDIR: bats makes its run folder root-only, and the login hook tests run as nobody.
  DSVM_ROOT=$(mktemp -d /tmp/dsvm-sandbox.XXXXXX)
  export DSVM_ROOT
  chmod 755 "$DSVM_ROOT"
  mkdir -p "$DSVM_ROOT/etc" "$DSVM_ROOT/proc/self" "$DSVM_ROOT/home/azureuser" "$DSVM_ROOT/home/alice" \
    "$DSVM_ROOT/home/svc"
  cp "$FIXTURES/passwd" "$DSVM_ROOT/etc/passwd"
  cp "$FIXTURES/fstab" "$DSVM_ROOT/etc/fstab"
  cp "$FIXTURES/mounts" "$DSVM_ROOT/proc/self/mounts"
  chmod 644 "$DSVM_ROOT/etc/fstab"
  chown 1000:1000 "$DSVM_ROOT/home/azureuser"
  chown 1001:1001 "$DSVM_ROOT/home/alice"

  export FAKE_LOG="$BATS_TEST_TMPDIR/calls.log" FAKE_ENV_LOG="$BATS_TEST_TMPDIR/env.log"
  : >"$FAKE_LOG"
  : >"$FAKE_ENV_LOG"
  export DSVM_MOUNT_CMD="$FAKES/mount" DSVM_UMOUNT_CMD="$FAKES/umount" DSVM_PROBE_CMD="$FAKES/probe" \
    DSVM_SMBCLIENT_CMD="$FAKES/smbclient" DSVM_INSTALL_CMD="$FAKES/install" DSVM_SYSTEMCTL_CMD="$FAKES/systemctl" \
    DSVM_RETRIES=2 DSVM_RETRY_DELAY=0 DSVM_PACKAGES_BUSY_CMD=''

  export DSVM_STORAGE_ACCOUNT=teststorage1 DSVM_SHARE_NAME=dsvmshare DSVM_MOUNT_POINT=/datamnt/dsvmshare \
    DSVM_ENDPOINT_SUFFIX=core.windows.net DSVM_ADMIN_USER=azureuser DSVM_PROTOCOL=smb
  # The fake smbclient knows the key by its hash only, so that finding the key in a child's environment
  # means the script leaked it.
  DSVM_STORAGE_KEY="$TEST_KEY" FAKE_SMB_KEY_HASH=$(key_hash "$TEST_KEY")
  export DSVM_STORAGE_KEY FAKE_SMB_KEY_HASH
}

key_hash() {
  printf '%s' "$1" | sha256sum | cut -d' ' -f1
}

remove_sandbox() {
  if [[ ${DSVM_ROOT:-} == /tmp/dsvm-sandbox.* ]]; then rm -rf "$DSVM_ROOT"; fi
}

# Runs the real script (bats `run`: $status, $output with stdout and stderr).
run_script() {
  run bash "$SCRIPT"
}

# A listing of the sandbox with type, mode, owner, link target, mtime and checksum of every entry.
snapshot() {
  (
    cd "$DSVM_ROOT" || exit
    find . -printf '%p %y %m %u:%g %l %T@\n' | sort
    find . -type f -exec md5sum {} + | sort -k 2
  )
}

# How many times a fake command was called.
calls() {
  grep -c "^$1 " "$FAKE_LOG" || true
}

expected_smb_fstab_line() {
  local account=${1:-teststorage1} share=${2:-dsvmshare} suffix=${3:-core.windows.net}
  printf '//%s.file.%s/%s /datamnt/dsvmshare cifs vers=3.1.1,credentials=/etc/smbcredentials/%s.cred,uid=1000,gid=1000,dir_mode=0777,file_mode=0777,serverino,nosharesock,actimeo=30,mfsymlinks,_netdev,nofail,x-systemd.automount 0 0' \
    "$account" "$suffix" "$share" "$account"
}

# Lines of the sandbox fstab that mount something on $1.
fstab_lines_for() {
  awk -v t="$1" '$1 !~ /^#/ && $2 == t' "$DSVM_ROOT/etc/fstab"
}
