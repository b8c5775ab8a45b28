#!/usr/bin/env bats
# The per-VM ports installer (src/main/resources/.../per-vm-ports.sh), rendered the way PerVmPorts does it,
# run against a sandbox root with fake systemctl, sshd and iptables (fakes/systemctl-units, fakes/sshd,
# fakes/iptables). per-vm-ports-real.bats runs it with the real sshd and iptables.

bats_require_minimum_version 1.5.0

setup() {
  load helpers
  load per-vm-ports-helpers
  render_ports_installer
  make_ports_sandbox
  export DSVM_SYSTEMCTL_CMD="$FAKES/systemctl-units" DSVM_SSHD_CMD="$FAKES/sshd" DSVM_IPTABLES_CMD="$FAKES/iptables"
  unset FAKE_SYSTEMCTL_ACTIVE FAKE_SYSTEMCTL_FAIL FAKE_SYSTEMCTL_FAIL_TIMES FAKE_SSHD_T FAKE_SSHD_TT FAKE_IPTABLES
  DROP_IN="$DSVM_ROOT/etc/ssh/sshd_config.d/dsvm-pool-ports.conf"
  UNIT_PATH="$DSVM_ROOT/etc/systemd/system/$PORTS_UNIT"
}

teardown() {
  remove_sandbox
}

# The rules the fake iptables holds.
rules() {
  cat "$FAKE_LOG.iptables"
}

@test "first run: drop-in with both ports, sshd reloaded, unit written, enabled and started, rule added" {
  run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  cmp "$PORTS_DROP_IN" "$DROP_IN"
  [ "$(grep -v '^#' "$DROP_IN")" = "$(printf 'Port 22\nPort 2222')" ]
  [ "$(stat -c %a "$DROP_IN")" = 644 ]
  cmp "$PORTS_UNIT_FILE" "$UNIT_PATH"
  [ "$(stat -c %a "$UNIT_PATH")" = 644 ]
  grep -qx "ExecStart=/bin/sh -c 'iptables -w 10 -t nat -C $PORTS_RULE 2>/dev/null || iptables -w 10 -t nat -A $PORTS_RULE'" "$UNIT_PATH"
  grep -qx "ExecStop=/bin/sh -c 'while iptables -w 10 -t nat -D $PORTS_RULE 2>/dev/null; do :; done'" "$UNIT_PATH"
  grep -qx 'RemainAfterExit=yes' "$UNIT_PATH"
  # sshd: validated, then (not socket-activated) ssh.service reloaded
  grep -qx "sshd -t -f $DSVM_ROOT/etc/ssh/sshd_config" "$FAKE_LOG"
  grep -qx 'systemctl reload-or-restart ssh.service' "$FAKE_LOG"
  run ! grep -q 'ssh.socket$' <(grep -v is-active "$FAKE_LOG")
  # the unit, in this order
  [ "$(grep -E "^systemctl (daemon-reload|enable|restart) *($PORTS_UNIT)?$" "$FAKE_LOG")" = "$(printf 'systemctl daemon-reload\nsystemctl enable %s\nsystemctl restart %s' "$PORTS_UNIT" "$PORTS_UNIT")" ]
  # the rule: checked first, then added
  [ "$(grep '^iptables ' "$FAKE_LOG")" = "$(printf 'iptables -w 10 -t nat -C %s\niptables -w 10 -t nat -A %s' "$PORTS_RULE" "$PORTS_RULE")" ]
  [ "$(rules)" = "nat $PORTS_RULE" ]
  [ -d "$DSVM_ROOT/run/sshd" ]
  run bash "$PORTS_INSTALLER"
  [[ $output != *warning* ]]
}

@test "log lines are prefixed and go to stderr" {
  bash "$PORTS_INSTALLER" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err"
  [ ! -s "$BATS_TEST_TMPDIR/out" ]
  grep -qxF "[dsvm-ports] ssh: wrote $DROP_IN" "$BATS_TEST_TMPDIR/err"
  grep -qxF "[dsvm-ports] ssh: sshd listens on ports 22 and 2222" "$BATS_TEST_TMPDIR/err"
  grep -qxF "[dsvm-ports] jupyterhub: port 8443 redirected to 8000 (rule added)" "$BATS_TEST_TMPDIR/err"
  run ! grep -qv '^\[dsvm-ports\] ' "$BATS_TEST_TMPDIR/err"
}

@test "a second run rewrites nothing, restarts nothing and adds no second rule" {
  bash "$PORTS_INSTALLER"
  local before
  before=$(ports_state)
  : >"$FAKE_LOG"
  run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [ "$(ports_state)" = "$before" ]
  run grep -cE '^systemctl (restart|reload|reload-or-restart|daemon-reload|stop) ' "$FAKE_LOG"
  [ "$output" = 0 ]
  run grep -cx 'systemctl daemon-reload' "$FAKE_LOG"
  [ "$output" = 0 ]
  grep -qx "systemctl enable --now $PORTS_UNIT" "$FAKE_LOG"
  [ "$(grep '^iptables ' "$FAKE_LOG")" = "iptables -w 10 -t nat -C $PORTS_RULE" ]
  [ "$(rules)" = "nat $PORTS_RULE" ]
  [ -z "$(find "$DSVM_ROOT" -mindepth 1 -name '*.??????')" ]
}

@test "socket-activated sshd (ssh.socket active): daemon-reload and restart ssh.socket, ssh.service untouched" {
  FAKE_SYSTEMCTL_ACTIVE='ssh.socket ssh.service' run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"socket-activated sshd: daemon-reload, ssh.socket restarted"* ]]
  [ "$(grep -E '^systemctl ' "$FAKE_LOG" | grep -v "$PORTS_UNIT" | head -n 3)" = "$(printf 'systemctl is-active --quiet ssh.socket\nsystemctl daemon-reload\nsystemctl restart ssh.socket')" ]
  run ! grep -q 'ssh.service' "$FAKE_LOG"
}

@test "classic sshd (ssh.socket inactive): ssh.service reloaded, ssh.socket not restarted" {
  FAKE_SYSTEMCTL_ACTIVE='ssh.service' run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  grep -qx 'systemctl reload-or-restart ssh.service' "$FAKE_LOG"
  run ! grep -qx 'systemctl restart ssh.socket' "$FAKE_LOG"
}

@test "sshd -t refuses the drop-in: drop-in removed, sshd not reloaded, failure logged, JupyterHub part done" {
  printf 'echo after-the-installer\n' >>"$PORTS_INSTALLER"
  FAKE_SSHD_T=refuse-dropin run bash -euo pipefail "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [ ! -e "$DROP_IN" ]
  [[ $output == *"[dsvm-ports] ssh: sshd -t: "*"not allowed within a Match block"* ]]
  [[ $output == *"removed it; sshd left alone (port 22 only)"* ]]
  [[ $output == *"[dsvm-ports] warning: incomplete"* ]]
  [[ $output == *"after-the-installer"* ]]
  run ! grep -q 'ssh\.\(service\|socket\)' "$FAKE_LOG"
  cmp "$PORTS_UNIT_FILE" "$UNIT_PATH"
  [ "$(rules)" = "nat $PORTS_RULE" ]
}

@test "sshd -t refuses the configuration even without the drop-in: said so, drop-in removed, sshd untouched" {
  FAKE_SSHD_T=refuse run bash "$PORTS_INSTALLER"
  [ ! -e "$DROP_IN" ]
  [[ $output == *"refuses its configuration even without $DROP_IN"* ]]
  run ! grep -q 'ssh\.\(service\|socket\)' "$FAKE_LOG"
}

@test "a previously installed drop-in that sshd now refuses is removed without a reload" {
  bash "$PORTS_INSTALLER"
  : >"$FAKE_LOG"
  FAKE_SSHD_T=refuse-dropin run bash "$PORTS_INSTALLER"
  [ ! -e "$DROP_IN" ]
  run ! grep -q 'ssh\.\(service\|socket\)' "$FAKE_LOG"
}

@test "an sshd_config without the Include: drop-in removed, sshd untouched, failure logged" {
  grep -v '^Include' "$FIXTURES/sshd_config" >"$DSVM_ROOT/etc/ssh/sshd_config"
  run bash "$PORTS_INSTALLER"
  [ ! -e "$DROP_IN" ]
  [[ $output == *"sshd does not read $DROP_IN (sshd -T shows no port 2222"* ]]
  [[ $output == *"warning: incomplete"* ]]
  run ! grep -q 'ssh\.\(service\|socket\)' "$FAKE_LOG"
}

@test "sshd -T fails: its error logged, drop-in removed, sshd untouched" {
  FAKE_SSHD_TT=fail run bash "$PORTS_INSTALLER"
  [ ! -e "$DROP_IN" ]
  [[ $output == *"[dsvm-ports] ssh: sshd -T: sshd: no hostkeys available -- exiting."* ]]
  [[ $output == *"sshd -T cannot show the ports it would use: removed $DROP_IN; sshd left alone"* ]]
  run ! grep -q 'ssh\.\(service\|socket\)' "$FAKE_LOG"
}

@test "another Port 22 line: a note, both ports still served" {
  printf 'Port 22\n' >>"$DSVM_ROOT/etc/ssh/sshd_config"
  run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [ -f "$DROP_IN" ]
  [[ $output == *"note: port 22 is configured 2 times"* ]]
  [[ $output != *warning* ]]
}

@test "restarting ssh.socket fails: drop-in removed and sshd applied again without it" {
  FAKE_SYSTEMCTL_ACTIVE=ssh.socket FAKE_SYSTEMCTL_FAIL='restart ssh.socket' FAKE_SYSTEMCTL_FAIL_TIMES=1 \
    run bash "$PORTS_INSTALLER"
  [ ! -e "$DROP_IN" ]
  [[ $output == *"ssh: could not apply $DROP_IN: removed it, sshd back on port 22 only"* ]]
  [[ $output == *"warning: incomplete"* ]]
  run grep -cx 'systemctl restart ssh.socket' "$FAKE_LOG"
  [ "$output" = 2 ]
  # the next run tries again (and now succeeds)
  FAKE_SYSTEMCTL_ACTIVE=ssh.socket run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [ -f "$DROP_IN" ]
  [[ $output == *"sshd listens on ports 22 and 2222"* ]]
}

@test "restarting ssh.socket fails for good: said so" {
  FAKE_SYSTEMCTL_ACTIVE=ssh.socket FAKE_SYSTEMCTL_FAIL='restart ssh.socket' run bash "$PORTS_INSTALLER"
  [ ! -e "$DROP_IN" ]
  [[ $output == *"could not apply $DROP_IN nor restore sshd without it"* ]]
  [[ $output == *"warning: incomplete"* ]]
}

@test "no sshd_config: ssh part skipped with a message, JupyterHub part done" {
  rm "$DSVM_ROOT/etc/ssh/sshd_config"
  run bash "$PORTS_INSTALLER"
  [[ $output == *"ssh: no $DSVM_ROOT/etc/ssh/sshd_config; sshd left alone"* ]]
  [ ! -e "$DROP_IN" ]
  [ "$(rules)" = "nat $PORTS_RULE" ]
}

@test "iptables fails: logged, failure returned, the ssh part and the script after it still run" {
  printf 'echo after-the-installer\n' >>"$PORTS_INSTALLER"
  FAKE_IPTABLES=fail run bash -euo pipefail "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-ports] jupyterhub: iptables: iptables v1.8.7 (nf_tables): Could not fetch rule set"* ]]
  [[ $output == *"jupyterhub: cannot add the nat rule; no port 8443"* ]]
  [[ $output == *"[dsvm-ports] warning: incomplete"* ]]
  [[ $output == *"after-the-installer"* ]]
  cmp "$PORTS_DROP_IN" "$DROP_IN"
}

@test "dsvm_ports_install returns non-zero on a failure" {
  # the installer without its last line, then the function on its own
  sed '$d' "$PORTS_INSTALLER" >"$BATS_TEST_TMPDIR/functions.sh"
  FAKE_IPTABLES=fail run bash -c 'source "$1"; dsvm_ports_install' _ "$BATS_TEST_TMPDIR/functions.sh"
  [ "$status" -ne 0 ]
  run bash -c 'source "$1"; dsvm_ports_install' _ "$BATS_TEST_TMPDIR/functions.sh"
  [ "$status" -eq 0 ]
}

@test "a rule removed by hand while the unit stayed active comes back, without a restart" {
  bash "$PORTS_INSTALLER"
  : >"$FAKE_LOG.iptables"
  : >"$FAKE_LOG"
  run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [ "$(rules)" = "nat $PORTS_RULE" ]
  run ! grep -q "restart $PORTS_UNIT" "$FAKE_LOG"
}

@test "a changed unit is stopped with its old definition, rewritten, reloaded and restarted" {
  bash "$PORTS_INSTALLER"
  sed 's/^Description=.*/Description=changed/' "$PORTS_RESOURCES/$PORTS_UNIT" >"$BATS_TEST_TMPDIR/changed.service"
  render_ports_installer "$BATS_TEST_TMPDIR/changed.service"
  : >"$FAKE_LOG"
  run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  grep -qx 'Description=changed' "$UNIT_PATH"
  [ "$(grep -E "^systemctl (stop|daemon-reload|enable|restart) *($PORTS_UNIT)?$" "$FAKE_LOG")" = "$(printf 'systemctl stop %s\nsystemctl daemon-reload\nsystemctl enable %s\nsystemctl restart %s' "$PORTS_UNIT" "$PORTS_UNIT" "$PORTS_UNIT")" ]
  # the drop-in did not change: sshd not reloaded
  run ! grep -q 'ssh.service' "$FAKE_LOG"
}

@test "without systemd: files placed, rule applied, nothing enabled or reloaded" {
  rmdir "$DSVM_ROOT/run/systemd/system"
  run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [ -f "$DROP_IN" ] && [ -f "$UNIT_PATH" ]
  [ "$(rules)" = "nat $PORTS_RULE" ]
  run grep -c '^systemctl ' "$FAKE_LOG"
  [ "$output" = 0 ]
  run bash "$PORTS_INSTALLER"
  [[ $output == *"systemd is not running; unit in place, not enabled"* ]]
}

@test "with DSVM_ROOT but no DSVM_IPTABLES_CMD the machine's firewall is left alone" {
  unset DSVM_IPTABLES_CMD
  # an iptables on PATH that would record a call
  mkdir -p "$BATS_TEST_TMPDIR/bin"
  ln -s "$FAKES/iptables" "$BATS_TEST_TMPDIR/bin/iptables"
  PATH="$BATS_TEST_TMPDIR/bin:$PATH" run bash "$PORTS_INSTALLER"
  [[ $output == *"DSVM_ROOT is set without DSVM_IPTABLES_CMD: firewall and unit left alone"* ]]
  run grep -c '^iptables ' "$FAKE_LOG"
  [ "$output" = 0 ]
  [ ! -e "$UNIT_PATH" ]
}

@test "an unrendered installer refuses to run" {
  run bash "$PORTS_RESOURCES/per-vm-ports.sh"
  [[ $output == *"[dsvm-ports] not rendered: port '@SSH_PORT@'"* ]]
  [ ! -e "$DROP_IN" ]
  [ ! -s "$FAKE_LOG" ]
}
