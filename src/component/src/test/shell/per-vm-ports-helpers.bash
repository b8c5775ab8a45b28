# shellcheck shell=bash
# Shared by per-vm-ports.bats and per-vm-ports-real.bats: renders the per-VM ports installer the way
# PerVmPorts.render() does (ports filled in, the sshd drop-in and the unit embedded in base64) and builds a
# sandbox root with Ubuntu's sshd_config. Keep the ports in step with PerVmPorts (ProvisioningScriptTest and
# rendered.bats compare them with the Java rendering).

# shellcheck disable=SC2034 # used by the suites that load this file
PORTS_RESOURCES="$PROJECT_DIR/src/main/resources/io/github/dsvmpool/vm"
PORTS_SED=(-e 's/@SSH_PORT@/22/g' -e 's/@SSH_PER_VM_BACKEND_PORT@/2222/g'
  -e 's/@JUPYTERHUB_PORT@/8000/g' -e 's/@JUPYTERHUB_PER_VM_BACKEND_PORT@/8443/g')
PORTS_UNIT=dsvm-jupyterhub-per-vm-port.service
PORTS_RULE='PREROUTING -p tcp --dport 8443 -m addrtype --dst-type LOCAL -j REDIRECT --to-ports 8000'

# Writes $BATS_TEST_TMPDIR/{per-vm-ports.sh,dsvm-pool-ports.conf,$PORTS_UNIT} and sets PORTS_INSTALLER,
# PORTS_DROP_IN and PORTS_UNIT_FILE to them. $1 (optional): another unit template.
render_ports_installer() {
  local unit_template=${1:-$PORTS_RESOURCES/$PORTS_UNIT}
  PORTS_INSTALLER="$BATS_TEST_TMPDIR/per-vm-ports.sh"
  PORTS_DROP_IN="$BATS_TEST_TMPDIR/dsvm-pool-ports.conf"
  PORTS_UNIT_FILE="$BATS_TEST_TMPDIR/$PORTS_UNIT"
  sed "${PORTS_SED[@]}" "$PORTS_RESOURCES/dsvm-pool-ports.conf" >"$PORTS_DROP_IN"
  sed "${PORTS_SED[@]}" "$unit_template" >"$PORTS_UNIT_FILE"
  sed -e "s|@SSHD_DROP_IN_BASE64@|$(base64 -w0 <"$PORTS_DROP_IN")|" \
    -e "s|@REDIRECT_UNIT_BASE64@|$(base64 -w0 <"$PORTS_UNIT_FILE")|" "${PORTS_SED[@]}" \
    "$PORTS_RESOURCES/per-vm-ports.sh" >"$PORTS_INSTALLER"
}

# A sandbox root (DSVM_ROOT) with Ubuntu's sshd_config, a cloud-image drop-in and a running systemd.
make_ports_sandbox() {
  DSVM_ROOT=$(mktemp -d /tmp/dsvm-sandbox.XXXXXX)
  export DSVM_ROOT
  mkdir -p "$DSVM_ROOT/etc/ssh/sshd_config.d" "$DSVM_ROOT/run/systemd/system" "$DSVM_ROOT/etc/systemd/system"
  cp "$FIXTURES/sshd_config" "$DSVM_ROOT/etc/ssh/sshd_config"
  printf 'PasswordAuthentication yes\n' >"$DSVM_ROOT/etc/ssh/sshd_config.d/50-cloudimg-settings.conf"
  export FAKE_LOG="$BATS_TEST_TMPDIR/calls.log"
  : >"$FAKE_LOG"
}

# The sandbox's files with mode, size, mtime and inode, to tell whether a run rewrote anything.
ports_state() {
  (cd "$DSVM_ROOT" && find . -printf '%p %y %m %s %T@ %i\n' | sort)
}
