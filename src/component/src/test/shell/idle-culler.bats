#!/usr/bin/env bats
# The idle culler installer (src/main/resources/.../idle-culler.sh), rendered the way IdleCuller.render()
# does (timeout in seconds filled in), run against a fake hub layout in a sandbox root: a systemd unit, the
# hub's configuration and a fake Python (fakes/python-hub) behind the interpreter paths the unit names.
# The configuration it writes is executed by the real python3 with a stand-in for JupyterHub's `c`.

bats_require_minimum_version 1.5.0

setup() {
  load helpers
  CULLER_SOURCE="$PROJECT_DIR/src/main/resources/io/github/dsvmpool/vm/idle-culler.sh"
  DSVM_ROOT=$(mktemp -d /tmp/dsvm-sandbox.XXXXXX)
  export DSVM_ROOT
  mkdir -p "$DSVM_ROOT/etc/systemd/system" "$DSVM_ROOT/lib/systemd/system" "$DSVM_ROOT/run/systemd/system" \
    "$DSVM_ROOT/etc/jupyterhub"
  export FAKE_LOG="$BATS_TEST_TMPDIR/calls.log" FAKE_HUB_STATE="$BATS_TEST_TMPDIR"
  : >"$FAKE_LOG"
  export DSVM_SYSTEMCTL_CMD="$FAKES/systemctl-units"
  unset FAKE_SYSTEMCTL_FAIL FAKE_SYSTEMCTL_FAIL_TIMES FAKE_HUB_VERSION FAKE_PIP_FAIL
  CONFIG="$DSVM_ROOT/etc/jupyterhub/jupyterhub_config.py"
  cat >"$CONFIG" <<'PY'
c = get_config()  # noqa
c.JupyterHub.port = 8000
c.JupyterHub.ssl_cert = '/etc/jupyterhub/srv/server.crt'
c.JupyterHub.ssl_key = '/etc/jupyterhub/srv/server.key'
c.Spawner.default_url = '/lab'
PY
  chmod 640 "$CONFIG"
  ORIGINAL=$(cat "$CONFIG")
  render_culler 3600
}

teardown() {
  remove_sandbox
}

# Renders the installer with timeout $1 seconds into $CULLER.
render_culler() {
  CULLER="$BATS_TEST_TMPDIR/idle-culler-$1.sh"
  sed "s/@IDLE_CULL_TIMEOUT_SECONDS@/$1/g" "$CULLER_SOURCE" >"$CULLER"
}

# A fake interpreter at sandbox path $1 (e.g. /anaconda/bin/python).
fake_python() {
  mkdir -p "$DSVM_ROOT${1%/*}"
  printf '#!/bin/bash\nFAKE_HUB_INTERPRETER=%q exec %q "$@"\n' "$1" "$FAKES/python-hub" >"$DSVM_ROOT$1"
  chmod +x "$DSVM_ROOT$1"
}

# A unit file $1 (path in the sandbox) with ExecStart $2.
hub_unit() {
  printf '[Unit]\nDescription=JupyterHub\n\n[Service]\nUser=root\nExecStart=%s\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n' \
    "$2" >"$DSVM_ROOT$1"
}

# The DSVM-like layout: jupyterhub.service running /anaconda/bin/jupyterhub through /anaconda/bin/python.
dsvm_layout() {
  fake_python /anaconda/bin/python
  hub_unit /lib/systemd/system/jupyterhub.service \
    '/anaconda/bin/python /anaconda/bin/jupyterhub -f /etc/jupyterhub/jupyterhub_config.py'
}

# The hub's services and roles after executing $1 (default: the sandbox's configuration) with the real
# python3 and a stand-in for traitlets' config object (unset lists start empty, as LazyConfigValue does).
hub_view() {
  python3 - "${1:-$CONFIG}" <<'PY'
import json, sys

class Section:
    def __init__(self):
        self.__dict__["values"] = {}
    def __getattr__(self, name):
        return self.values.setdefault(name, [])
    def __setattr__(self, name, value):
        self.values[name] = value

class Config:
    def __init__(self):
        self.__dict__["sections"] = {}
    def __getattr__(self, name):
        return self.sections.setdefault(name, Section())

c = Config()
exec(compile(open(sys.argv[1]).read(), sys.argv[1], "exec"), {"c": c, "get_config": lambda: c})
print(json.dumps({"services": c.JupyterHub.services, "roles": c.JupyterHub.load_roles,
                  "port": c.JupyterHub.port}, sort_keys=True))
PY
}

sandbox_state() {
  (cd "$DSVM_ROOT" && find . -printf '%p %y %m %s %T@ %i\n' | sort)
}

@test "DSVM layout: found, pip installs the culler, the service and its role are configured, hub restarted" {
  dsvm_layout
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-culler] hub: service jupyterhub.service, JupyterHub 4.1.5, Python /anaconda/bin/python, configuration /etc/jupyterhub/jupyterhub_config.py"* ]]
  [[ $output == *"[dsvm-culler] installed jupyterhub-idle-culler into /anaconda/bin/python"* ]]
  [[ $output == *"[dsvm-culler] wrote the idle culler (timeout 3600 s) into /etc/jupyterhub/jupyterhub_config.py"* ]]
  [[ $output != *warning* ]]
  grep -qx 'python /anaconda/bin/python -m pip install --quiet --disable-pip-version-check jupyterhub-idle-culler' "$FAKE_LOG"
  grep -qx 'systemctl try-restart jupyterhub.service' "$FAKE_LOG"
  # the original configuration stays as it was, the block follows it
  [ "$(head -n 5 "$CONFIG")" = "$ORIGINAL" ]
  [ "$(stat -c %a "$CONFIG")" = 640 ]
  run hub_view
  [ "$status" -eq 0 ]
  [ "$output" = '{"port": 8000, "roles": [{"name": "dsvm-idle-culler", "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"], "services": ["dsvm-idle-culler"]}], "services": [{"command": ["/anaconda/bin/python", "-m", "jupyterhub_idle_culler", "--timeout=3600"], "name": "dsvm-idle-culler"}]}' ]
  # log lines only, on stderr, none unprefixed
  bash "$CULLER" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err"
  [ ! -s "$BATS_TEST_TMPDIR/out" ]
  run ! grep -qv '^\[dsvm-culler\] ' "$BATS_TEST_TMPDIR/err"
}

@test "a second run changes no file, installs nothing and restarts nothing" {
  dsvm_layout
  bash "$CULLER"
  local before
  before=$(sandbox_state)
  : >"$FAKE_LOG"
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-culler] jupyterhub-idle-culler already installed in /anaconda/bin/python"* ]]
  [[ $output == *"[dsvm-culler] idle notebook servers are culled after 3600 s (configuration up to date)"* ]]
  [ "$(sandbox_state)" = "$before" ]
  run ! grep -q 'pip install' "$FAKE_LOG"
  run ! grep -q '^systemctl' "$FAKE_LOG"
  # one block, one service
  [ "$(grep -c '^# BEGIN dsvm-pool idle culler' "$CONFIG")" = 1 ]
}

@test "a new timeout replaces the block (still one service) and restarts the hub once" {
  dsvm_layout
  bash "$CULLER"
  render_culler 7200
  : >"$FAKE_LOG"
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [ "$(grep -c '^# BEGIN dsvm-pool idle culler' "$CONFIG")" = 1 ]
  run hub_view
  [[ $output == *'"--timeout=7200"'* ]]
  [[ $output != *'"--timeout=3600"'* ]]
  [ "$(grep -c '^systemctl try-restart jupyterhub.service$' "$FAKE_LOG")" = 1 ]
}

@test "timeout 0 (off) removes the block and restarts once; again: nothing to do" {
  dsvm_layout
  bash "$CULLER"
  render_culler 0
  : >"$FAKE_LOG"
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-culler] off (timeout 0): removed the idle culler from /etc/jupyterhub/jupyterhub_config.py"* ]]
  [ "$(cat "$CONFIG")" = "$ORIGINAL" ]
  grep -qx 'systemctl try-restart jupyterhub.service' "$FAKE_LOG"
  : >"$FAKE_LOG"
  run bash "$CULLER"
  [[ $output == *"[dsvm-culler] off (timeout 0); configuration up to date"* ]]
  run ! grep -q '^systemctl' "$FAKE_LOG"
  run ! grep -q 'pip install' "$FAKE_LOG"
}

@test "timeout 0 on a VM without any hub: nothing to undo, no warning" {
  render_culler 0
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-culler] off (timeout 0); no JupyterHub service found, nothing to undo"* ]]
  [[ $output != *warning* ]]
}

@test "another unit name and environment: the python3 next to the hub's jupyterhub, --config=" {
  fake_python /anaconda/envs/hub/bin/python3
  printf '#!/anaconda/envs/hub/bin/python3\n' >"$DSVM_ROOT/anaconda/envs/hub/bin/jupyterhub"
  mkdir -p "$DSVM_ROOT/opt/hub"
  cp "$CONFIG" "$DSVM_ROOT/opt/hub/config.py"
  rm "$CONFIG"
  hub_unit /etc/systemd/system/dsvm-hub-legacy.service '/anaconda/envs/hub/bin/jupyterhub --config=/opt/hub/config.py'
  # a dsvm-pool unit of its own mentioning jupyterhub in its name is not taken for the hub
  hub_unit /etc/systemd/system/dsvm-jupyterhub-per-vm-port.service "/bin/sh -c 'iptables -t nat -A PREROUTING'"
  # dsvm-* units are skipped even when they run jupyterhub
  hub_unit /etc/systemd/system/dsvm-other.service '/usr/bin/jupyterhub'
  mv "$DSVM_ROOT/etc/systemd/system/dsvm-hub-legacy.service" "$DSVM_ROOT/etc/systemd/system/notebook-hub.service"
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"hub: service notebook-hub.service, JupyterHub 4.1.5, Python /anaconda/envs/hub/bin/python3, configuration /opt/hub/config.py"* ]]
  grep -qx 'systemctl try-restart notebook-hub.service' "$FAKE_LOG"
  run hub_view "$DSVM_ROOT/opt/hub/config.py"
  [[ $output == *'"command": ["/anaconda/envs/hub/bin/python3", "-m", "jupyterhub_idle_culler", "--timeout=3600"]'* ]]
}

@test "a hub started through its own script: the Python of jupyterhub's #! line" {
  mkdir -p "$DSVM_ROOT/usr/local/bin"
  fake_python /opt/hubenv/bin/python3.10
  printf '#!/opt/hubenv/bin/python3.10 -s\nimport jupyterhub\n' >"$DSVM_ROOT/usr/local/bin/jupyterhub"
  hub_unit /etc/systemd/system/jupyterhub.service '/usr/local/bin/jupyterhub -f /etc/jupyterhub/jupyterhub_config.py'
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"Python /opt/hubenv/bin/python3.10,"* ]]
}

@test "JupyterHub 1.x: the service is an admin service, no roles" {
  dsvm_layout
  FAKE_HUB_VERSION=1.5.1 run bash "$CULLER"
  [ "$status" -eq 0 ]
  run hub_view
  [ "$output" = '{"port": 8000, "roles": [], "services": [{"admin": true, "command": ["/anaconda/bin/python", "-m", "jupyterhub_idle_culler", "--timeout=3600"], "name": "dsvm-idle-culler"}]}' ]
}

@test "no hub where expected: one clear line, a warning, exit 0 and no file written" {
  local before
  before=$(sandbox_state)
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-culler] no JupyterHub service found (no systemd unit runs jupyterhub); idle culler not installed"* ]]
  [[ $output == *"[dsvm-culler] warning: idle notebook servers are not culled on this VM (the share and logins are not affected)"* ]]
  [ "$(sandbox_state)" = "$before" ]
}

@test "a unit without a Python to find, a missing configuration, a Python without jupyterhub: each named" {
  hub_unit /lib/systemd/system/jupyterhub.service '/opt/nowhere/jupyterhub'
  run bash "$CULLER"
  [[ $output == *"jupyterhub.service: cannot tell the hub's Python from ExecStart=/opt/nowhere/jupyterhub; idle culler not installed"* ]]
  dsvm_layout
  mv "$CONFIG" "$CONFIG.elsewhere"
  run bash "$CULLER"
  [[ $output == *"jupyterhub.service: no configuration file /etc/jupyterhub/jupyterhub_config.py; idle culler not installed"* ]]
  mv "$CONFIG.elsewhere" "$CONFIG"
  FAKE_HUB_VERSION=none run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"jupyterhub.service: /anaconda/bin/python does not import jupyterhub: ModuleNotFoundError: No module named 'jupyterhub'"* ]]
  [[ $output == *warning* ]]
  [ "$(cat "$CONFIG")" = "$ORIGINAL" ]
  run ! grep -q '^systemctl' "$FAKE_LOG"
}

@test "pip fails: its error is logged, the configuration stays as it was, the hub is not restarted" {
  dsvm_layout
  FAKE_PIP_FAIL=1 run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-culler] pip: ERROR: Could not find a version that satisfies the requirement jupyterhub-idle-culler"* ]]
  [[ $output == *"cannot install jupyterhub-idle-culler into /anaconda/bin/python; configuration left as it was"* ]]
  [ "$(cat "$CONFIG")" = "$ORIGINAL" ]
  run ! grep -q '^systemctl' "$FAKE_LOG"
}

@test "a configuration the compiler refuses is not written" {
  dsvm_layout
  printf 'c.JupyterHub.port = (8000\n' >"$CONFIG"
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"the configuration with the culler does not compile; configuration left as it was"* ]]
  [ "$(cat "$CONFIG")" = 'c.JupyterHub.port = (8000' ]
  [ -z "$(find "$DSVM_ROOT/etc/jupyterhub" -name '*.??????')" ]
}

@test "a hub that does not restart gets its previous configuration back" {
  dsvm_layout
  FAKE_SYSTEMCTL_FAIL='try-restart jupyterhub.service' FAKE_SYSTEMCTL_FAIL_TIMES=1 run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"restored the previous /etc/jupyterhub/jupyterhub_config.py"* ]]
  [[ $output == *warning* ]]
  [ "$(cat "$CONFIG")" = "$ORIGINAL" ]
  [ "$(grep -c '^systemctl try-restart jupyterhub.service$' "$FAKE_LOG")" = 2 ]
}

@test "without systemd: the configuration is written, no restart" {
  dsvm_layout
  rmdir "$DSVM_ROOT/run/systemd/system"
  run bash "$CULLER"
  [ "$status" -eq 0 ]
  [[ $output == *"systemd is not running; the hub reads the configuration when it starts"* ]]
  run ! grep -q '^systemctl' "$FAKE_LOG"
  grep -qF -- '--timeout=3600' "$CONFIG"
}

@test "not rendered: refuses to run with the placeholder" {
  run bash "$CULLER_SOURCE"
  [ "$status" -eq 0 ]
  [[ $output == *"not rendered: timeout '@IDLE_CULL_TIMEOUT_SECONDS@'"* ]]
}
