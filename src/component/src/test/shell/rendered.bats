#!/usr/bin/env bats
# The script as the extension gets it: ProvisioningScript.shipped().render() output (the watcher installer,
# the per-VM ports installer, then the mount), written by ShellScriptsTest (Java) to
# the file named by DSVM_RENDERED_SCRIPT with the parameters below, run in the sandbox of helpers.bash.
# Skipped when run-all.sh runs outside that Java test.

bats_require_minimum_version 1.5.0
load helpers
load per-vm-ports-helpers

# Keep in step with ShellScriptsTest.RENDERED_* (awkward on purpose: quotes, $, spaces, command substitution).
RENDERED_MP="/datamnt/it's a \$HOME share"
RENDERED_KEY="k3y'with\"quotes\$(touch /tmp/dsvm-pwned)\`id\`+/=="

setup() {
  [[ -n ${DSVM_RENDERED_SCRIPT:-} ]] || skip "DSVM_RENDERED_SCRIPT not set (ShellScriptsTest sets it)"
  [[ -n ${DSVM_RENDERED_HOST_PUBLIC_KEY:-} ]] || skip "DSVM_RENDERED_HOST_PUBLIC_KEY not set (ShellScriptsTest sets it)"
  make_sandbox
  # the rendered header must carry every parameter: none from the environment
  unset DSVM_STORAGE_ACCOUNT DSVM_SHARE_NAME DSVM_MOUNT_POINT DSVM_ENDPOINT_SUFFIX DSVM_ADMIN_USER \
    DSVM_PROTOCOL DSVM_STORAGE_KEY
  FAKE_SMB_KEY_HASH=$(key_hash "$RENDERED_KEY")
  export FAKE_SMB_KEY_HASH
  rm -f /tmp/dsvm-pwned
  # the per-VM ports installer: Ubuntu's sshd_config, and fake sshd and iptables
  mkdir -p "$DSVM_ROOT/etc/ssh/sshd_config.d"
  cp "$FIXTURES/sshd_config" "$DSVM_ROOT/etc/ssh/sshd_config"
  export DSVM_SSHD_CMD="$FAKES/sshd" DSVM_IPTABLES_CMD="$FAKES/iptables"
  unset FAKE_SSHD_T FAKE_IPTABLES
  # what the bats suites render, to compare with what Java embedded
  render_ports_installer
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
  # then the per-VM ports, with the ports and files of PerVmPorts
  cmp "$PORTS_DROP_IN" "$DSVM_ROOT/etc/ssh/sshd_config.d/dsvm-pool-ports.conf"
  cmp "$PORTS_UNIT_FILE" "$DSVM_ROOT/etc/systemd/system/$PORTS_UNIT"
  [ "$(cat "$FAKE_LOG.iptables")" = "nat $PORTS_RULE" ]
  [[ $output == *"[dsvm-ports] ssh: systemd is not running; drop-in in place"* ]]
  [[ $output == *"[dsvm-ports] jupyterhub: port 8443 redirected to 8000 (rule added)"* ]]
  [[ $output != *"[dsvm-ports] warning"* ]]
  # then the pool's host key, exactly the pair Java derived (ssh-keygen agrees), never printed
  [ "$(cat "$DSVM_ROOT/etc/ssh/dsvm_pool_host_ed25519_key.pub")" = "$DSVM_RENDERED_HOST_PUBLIC_KEY" ]
  [ "$(ssh-keygen -y -f "$DSVM_ROOT/etc/ssh/dsvm_pool_host_ed25519_key")" = "$DSVM_RENDERED_HOST_PUBLIC_KEY" ]
  [ "$(stat -c '%a %u' "$DSVM_ROOT/etc/ssh/dsvm_pool_host_ed25519_key")" = "600 0" ]
  grep -qx "HostKey $DSVM_ROOT/etc/ssh/dsvm_pool_host_ed25519_key" \
    "$DSVM_ROOT/etc/ssh/sshd_config.d/dsvm-pool-host-key.conf"
  [[ $output == *"[dsvm-hostkey] host key SHA256:"*" in place; systemd is not running"* ]]
  [[ $output != *"$(sed -n 2p "$DSVM_ROOT/etc/ssh/dsvm_pool_host_ed25519_key")"* ]]
  [[ $output != *"[dsvm-hostkey] warning"* ]]
  # the idle culler finds no hub in the sandbox: says so, and the mount goes on
  [[ $output == *"[dsvm-culler] no JupyterHub service found (no systemd unit runs jupyterhub); idle culler not installed"* ]]
  # in this order: watcher, ports, host key, culler, mount
  [[ $output == *"[dsvm-watcher] "*"[dsvm-ports] "*"[dsvm-hostkey] "*"[dsvm-culler] "*"[dsvm-mount] start: "* ]]
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

@test "rendered: a failing per-VM ports part is logged and the share is mounted all the same" {
  FAKE_SSHD_T=refuse FAKE_IPTABLES=fail run bash "$DSVM_RENDERED_SCRIPT"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-ports] ssh: sshd refuses its configuration even without"* ]]
  [[ $output == *"[dsvm-ports] jupyterhub: cannot add the nat rule; no port 8443"* ]]
  [[ $output == *"[dsvm-ports] warning: incomplete"* ]]
  [ ! -e "$DSVM_ROOT/etc/ssh/sshd_config.d/dsvm-pool-ports.conf" ]
  grep -qF "//renderedacct1.file.core.usgovcloudapi.net/team-share " "$DSVM_ROOT/etc/fstab"
  [ "$(readlink "$DSVM_ROOT/home/alice/notebooks/remote")" = "$DSVM_ROOT$RENDERED_MP/notebooks/alice" ]
}
