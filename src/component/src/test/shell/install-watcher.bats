#!/usr/bin/env bats
# The watcher installer (src/main/resources/.../install-watcher.sh), rendered the way WatcherInstaller does
# it (placeholders replaced by the base64 of the shipped watcher script and unit), run against a sandbox root
# with a fake systemctl.

setup() {
  load helpers
  RESOURCES="$PROJECT_DIR/src/main/resources/io/github/dsvmpool/vm"
  INSTALLER="$BATS_TEST_TMPDIR/installer.sh"
  render_installer "$RESOURCES/scheduled-events-watcher.sh"
  DSVM_ROOT=$(mktemp -d /tmp/dsvm-sandbox.XXXXXX)
  export DSVM_ROOT DSVM_SYSTEMCTL_CMD="$FAKES/systemctl" FAKE_LOG="$BATS_TEST_TMPDIR/calls.log"
  : >"$FAKE_LOG"
  mkdir -p "$DSVM_ROOT/run/systemd/system"
}

teardown() {
  remove_sandbox
}

# Renders the installer with the given watcher script and the shipped unit.
render_installer() {
  local script_b64 unit_b64
  script_b64=$(base64 -w0 <"$1")
  unit_b64=$(base64 -w0 <"$RESOURCES/dsvm-scheduled-events.service")
  sed -e "s|@WATCHER_SCRIPT_BASE64@|$script_b64|" -e "s|@WATCHER_UNIT_BASE64@|$unit_b64|" \
    "$RESOURCES/install-watcher.sh" >"$INSTALLER"
}

@test "installs the watcher script and unit byte for byte with their modes, and starts the service" {
  run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  cmp "$RESOURCES/scheduled-events-watcher.sh" "$DSVM_ROOT/usr/local/sbin/dsvm-scheduled-events-watcher"
  cmp "$RESOURCES/dsvm-scheduled-events.service" "$DSVM_ROOT/etc/systemd/system/dsvm-scheduled-events.service"
  [ "$(stat -c %a "$DSVM_ROOT/usr/local/sbin/dsvm-scheduled-events-watcher")" = 755 ]
  [ "$(stat -c %a "$DSVM_ROOT/etc/systemd/system/dsvm-scheduled-events.service")" = 644 ]
  grep -qx 'systemctl daemon-reload' "$FAKE_LOG"
  grep -qx 'systemctl restart dsvm-scheduled-events.service' "$FAKE_LOG"
  [[ $output == *"[dsvm-watcher] service installed and (re)started"* ]]
}

@test "a second run rewrites nothing and does not restart the service" {
  bash "$INSTALLER"
  local before
  before=$(stat -c '%n %Y %i' "$DSVM_ROOT"/usr/local/sbin/* "$DSVM_ROOT"/etc/systemd/system/*)
  : >"$FAKE_LOG"
  run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  [ "$(stat -c '%n %Y %i' "$DSVM_ROOT"/usr/local/sbin/* "$DSVM_ROOT"/etc/systemd/system/*)" = "$before" ]
  run grep -c 'restart' "$FAKE_LOG"
  [ "$output" = 0 ]
  grep -qx 'systemctl enable --now dsvm-scheduled-events.service' "$FAKE_LOG"
  # no temporary files left behind (mktemp's six-character suffix)
  [ -z "$(find "$DSVM_ROOT" -mindepth 1 -name '*.??????')" ]
}

@test "a changed watcher script is replaced and the service restarted" {
  bash "$INSTALLER"
  printf '#!/usr/bin/env bash\necho changed\n' >"$BATS_TEST_TMPDIR/changed.sh"
  render_installer "$BATS_TEST_TMPDIR/changed.sh"
  : >"$FAKE_LOG"
  run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  cmp "$BATS_TEST_TMPDIR/changed.sh" "$DSVM_ROOT/usr/local/sbin/dsvm-scheduled-events-watcher"
  grep -qx 'systemctl restart dsvm-scheduled-events.service' "$FAKE_LOG"
}

@test "without systemd the files are placed and nothing is started" {
  rmdir "$DSVM_ROOT/run/systemd/system"
  run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  [ -x "$DSVM_ROOT/usr/local/sbin/dsvm-scheduled-events-watcher" ]
  [ ! -s "$FAKE_LOG" ]
}

@test "a failed installation warns and does not stop the script that follows" {
  # A file where the sbin folder should be makes the write fail.
  mkdir -p "$DSVM_ROOT/usr/local"
  : >"$DSVM_ROOT/usr/local/sbin"
  printf 'echo after-the-installer\n' >>"$INSTALLER"
  run bash -euo pipefail "$INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"warning: not installed"* ]]
  [[ $output == *"after-the-installer"* ]]
}
