#!/usr/bin/env bats
# The script as the extension gets it: ProvisioningScript.shipped().render() output (the watcher installer,
# then the mount), written by ShellScriptsTest (Java) to
# the file named by DSVM_RENDERED_SCRIPT with the parameters below, run in the sandbox of helpers.bash.
# Skipped when run-all.sh runs outside that Java test.

bats_require_minimum_version 1.5.0
load helpers

# Keep in step with ShellScriptsTest.RENDERED_* (awkward on purpose: quotes, $, spaces, command substitution).
RENDERED_MP="/datamnt/it's a \$HOME share"
RENDERED_KEY="k3y'with\"quotes\$(touch /tmp/dsvm-pwned)\`id\`+/=="

setup() {
  [[ -n ${DSVM_RENDERED_SCRIPT:-} ]] || skip "DSVM_RENDERED_SCRIPT not set (ShellScriptsTest sets it)"
  make_sandbox
  # the rendered header must carry every parameter: none from the environment
  unset DSVM_STORAGE_ACCOUNT DSVM_SHARE_NAME DSVM_MOUNT_POINT DSVM_ENDPOINT_SUFFIX DSVM_ADMIN_USER \
    DSVM_PROTOCOL DSVM_STORAGE_KEY
  FAKE_SMB_KEY_HASH=$(key_hash "$RENDERED_KEY")
  export FAKE_SMB_KEY_HASH
  rm -f /tmp/dsvm-pwned
}

teardown() {
  remove_sandbox
}

@test "rendered: runs with its embedded parameters, awkward values intact" {
  run bash "$DSVM_RENDERED_SCRIPT"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-mount] start: smb share team-share of renderedacct1 (renderedacct1.file.core.usgovcloudapi.net)"* ]]
  [ "$(cat "$DSVM_ROOT/etc/smbcredentials/renderedacct1.cred")" = "$(printf 'username=renderedacct1\npassword=%s' "$RENDERED_KEY")" ]
  grep -qF "//renderedacct1.file.core.usgovcloudapi.net/team-share /datamnt/it's\\040a\\040\$HOME\\040share cifs " "$DSVM_ROOT/etc/fstab"
  [ "$(readlink "$DSVM_ROOT/home/alice/it's a \$HOME share")" = "$DSVM_ROOT$RENDERED_MP" ]
  [ "$(readlink "$DSVM_ROOT/home/alice/notebooks/remote")" = "$DSVM_ROOT$RENDERED_MP/notebooks/alice" ]
  [ ! -e /tmp/dsvm-pwned ]
  # the watcher installer ran first (no systemd in the sandbox: files placed, service not started)
  cmp "$PROJECT_DIR/src/main/resources/io/github/dsvmpool/vm/scheduled-events-watcher.sh" \
    "$DSVM_ROOT/usr/local/sbin/dsvm-scheduled-events-watcher"
  [[ $output == *"[dsvm-watcher] systemd is not running"* ]]
  [[ $output != *"$RENDERED_KEY"* ]]
  run ! grep -qF "$RENDERED_KEY" "$FAKE_LOG" "$FAKE_ENV_LOG"
  shellcheck -s sh "$DSVM_ROOT/etc/profile.d/dsvm-workspace.sh"
}

@test "rendered: as the extension runs it (mode 0500, executed directly), twice" {
  cp "$DSVM_RENDERED_SCRIPT" "$BATS_TEST_TMPDIR/script.sh"
  chmod 0500 "$BATS_TEST_TMPDIR/script.sh"
  run "$BATS_TEST_TMPDIR/script.sh"
  [ "$status" -eq 0 ]
  before=$(snapshot)
  run "$BATS_TEST_TMPDIR/script.sh"
  [ "$status" -eq 0 ]
  [ "$(snapshot)" = "$before" ]
}
