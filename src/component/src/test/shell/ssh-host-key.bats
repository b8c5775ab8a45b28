#!/usr/bin/env bats
# The host key installer (ssh-host-key.sh) in a sandbox root: with fake sshd and systemctl for its decisions,
# and with the real sshd serving the installed key to the real ssh-keyscan and ssh in a network namespace of
# its own (this machine's sshd and network are never touched). Keys come from the real ssh-keygen; the key
# Java renders is checked by rendered.bats and by SshHostKeyTest.

bats_require_minimum_version 1.5.0

setup() {
  load helpers
  load per-vm-ports-helpers
  make_ports_sandbox
  INSTALLER="$PROJECT_DIR/src/main/resources/io/github/dsvmpool/vm/ssh-host-key.sh"
  KEY="$DSVM_ROOT/etc/ssh/dsvm_pool_host_ed25519_key"
  DROP_IN="$DSVM_ROOT/etc/ssh/sshd_config.d/dsvm-pool-host-key.conf"
  export DSVM_SYSTEMCTL_CMD="$FAKES/systemctl" DSVM_SSHD_CMD="$FAKES/sshd"
  unset FAKE_SSHD_T FAKE_SSHD_TT
  # the pool's key, as the rendered header passes it
  ssh-keygen -q -t ed25519 -N '' -C dsvm-pool-test -f "$BATS_TEST_TMPDIR/pool"
  DSVM_SSH_HOST_PUBLIC_KEY=$(cat "$BATS_TEST_TMPDIR/pool.pub")
  DSVM_SSH_HOST_PRIVATE_KEY=$(base64 -w0 <"$BATS_TEST_TMPDIR/pool")
  export DSVM_SSH_HOST_PUBLIC_KEY DSVM_SSH_HOST_PRIVATE_KEY
  # a line of the private key's body: must never show in any output
  SECRET_LINE=$(sed -n 2p "$BATS_TEST_TMPDIR/pool")
}

teardown() {
  remove_sandbox
}

@test "installs the key (0600 root), its public half and the drop-in, reloads sshd once; a second run changes nothing" {
  run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  cmp "$BATS_TEST_TMPDIR/pool" "$KEY"
  [ "$(stat -c '%a %u:%g' "$KEY")" = "600 0:0" ]
  [ "$(cat "$KEY.pub")" = "$DSVM_SSH_HOST_PUBLIC_KEY" ]
  [ "$(stat -c '%a' "$KEY.pub")" = "644" ]
  grep -qx "HostKey $KEY" "$DROP_IN"
  [ "$(grep -c '^HostKey' "$DROP_IN")" -eq 1 ]
  fingerprint=$(ssh-keygen -l -f "$BATS_TEST_TMPDIR/pool.pub" | awk '{ print $2 }')
  [[ $output == *"[dsvm-hostkey] host key $fingerprint in place; sshd reloaded"* ]]
  [ "$(grep -c 'try-reload-or-restart ssh.service' "$FAKE_LOG")" -eq 1 ]
  [[ $output != *"$SECRET_LINE"* && $output != *"$DSVM_SSH_HOST_PRIVATE_KEY"* ]]
  # no temporary file left behind
  [ -z "$(find "$DSVM_ROOT/etc/ssh" -name '*.??????')" ]

  before=$(ports_state)
  : >"$FAKE_LOG"
  run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"host key $fingerprint up to date"* ]]
  [ "$(ports_state)" = "$before" ]
  run ! grep -q 'ssh.service' "$FAKE_LOG"
}

@test "a new key (rotation) replaces the old one and reloads sshd again" {
  run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  ssh-keygen -q -t ed25519 -N '' -C dsvm-pool-test -f "$BATS_TEST_TMPDIR/rotated"
  : >"$FAKE_LOG"
  DSVM_SSH_HOST_PUBLIC_KEY=$(cat "$BATS_TEST_TMPDIR/rotated.pub") \
    DSVM_SSH_HOST_PRIVATE_KEY=$(base64 -w0 <"$BATS_TEST_TMPDIR/rotated") run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  cmp "$BATS_TEST_TMPDIR/rotated" "$KEY"
  cmp "$BATS_TEST_TMPDIR/rotated.pub" "$KEY.pub"
  [ "$(grep -c 'try-reload-or-restart ssh.service' "$FAKE_LOG")" -eq 1 ]
}

@test "a private key of another public key, or not base64, is refused and nothing is written" {
  ssh-keygen -q -t ed25519 -N '' -C other -f "$BATS_TEST_TMPDIR/other"
  DSVM_SSH_HOST_PRIVATE_KEY=$(base64 -w0 <"$BATS_TEST_TMPDIR/other") run bash "$INSTALLER"
  [[ $output == *"does not belong to its public key; host keys left alone"* ]]
  [[ $output == *"[dsvm-hostkey] warning:"* ]]
  DSVM_SSH_HOST_PRIVATE_KEY='not*base64!' run bash "$INSTALLER"
  [[ $output == *"is not base64; host keys left alone"* ]]
  [[ $output != *"not*base64!"* ]]
  DSVM_SSH_HOST_PUBLIC_KEY='ssh-rsa AAAAB3Nza' run bash "$INSTALLER"
  [[ $output == *"is not an ssh-ed25519 line"* ]]
  [ ! -e "$KEY" ] && [ ! -e "$KEY.pub" ] && [ ! -e "$DROP_IN" ]
  [ -z "$(find "$DSVM_ROOT/etc/ssh" -name '*.??????')" ]
  run ! grep -q 'ssh.service' "$FAKE_LOG"
}

@test "without a key the VM keeps its own host keys" {
  DSVM_SSH_HOST_PUBLIC_KEY='' DSVM_SSH_HOST_PRIVATE_KEY='' run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"no pool host key given; the VM keeps its own host keys"* ]]
  [ ! -e "$KEY" ] && [ ! -e "$DROP_IN" ]
}

@test "sshd refusing its configuration with the drop-in: the drop-in goes, sshd is not reloaded" {
  FAKE_SSHD_T=refuse run bash "$INSTALLER"
  [[ $output == *"sshd refuses its configuration with $DROP_IN: removed it"* ]]
  [ ! -e "$DROP_IN" ]
  run ! grep -q 'ssh.service' "$FAKE_LOG"
}

@test "without systemd the files are placed and sshd is not reloaded (it reads them when it starts)" {
  rm -rf "$DSVM_ROOT/run/systemd"
  run bash "$INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"systemd is not running, sshd not reloaded"* ]]
  [ -f "$DROP_IN" ]
  run ! grep -q 'ssh.service' "$FAKE_LOG"
}

# Runs the real sshd with the sandbox's configuration in a new network namespace (loopback only) with a
# private /run, and there runs "$@" against it on 127.0.0.1:2022; sshd is stopped before it returns.
with_real_sshd() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  unshare --net --mount --propagation private bash -c '
    set -u
    ip link set lo up
    mount -t tmpfs -o mode=0755 dsvm-test-run /run && mkdir -m 0755 /run/sshd
    /usr/sbin/sshd -D -e -f "$1" -p 2022 -o ListenAddress=127.0.0.1 -o PidFile=none 2>"$2" &
    sshd=$!
    for _ in $(seq 50); do
      (exec 3<>/dev/tcp/127.0.0.1/2022) 2>/dev/null && break
      sleep 0.1
    done
    shift 2
    "$@"
    status=$?
    kill "$sshd"
    wait "$sshd" 2>/dev/null
    exit "$status"
  ' with-real-sshd "$CONFIG" "$BATS_TEST_TMPDIR/sshd.log" "$@"
}

@test "real sshd: offers the pool key and only it; ssh trusts it with the known_hosts pattern [host]:*" {
  CONFIG="$DSVM_ROOT/etc/ssh/sshd_config"
  sed -i "s|^Include /etc/ssh/|Include $DSVM_ROOT/etc/ssh/|" "$CONFIG"
  rm -f "$DSVM_ROOT/etc/ssh/sshd_config.d/50-cloudimg-settings.conf"
  export DSVM_SSHD_CMD=/usr/sbin/sshd
  run with_real_sshd bash "$INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"host key "*" in place; sshd reloaded"* ]]
  [[ $output != *"note: sshd also offers"* ]]

  run with_real_sshd ssh-keyscan -p 2022 127.0.0.1
  [ "$status" -eq 0 ]
  keys=$(grep -v '^#' <<<"$output")
  [ "$keys" = "[127.0.0.1]:2022 $(cut -d' ' -f1,2 "$BATS_TEST_TMPDIR/pool.pub")" ]

  # the known_hosts line's form (KnownHostsLine): name and [name]:*
  printf '127.0.0.1,[127.0.0.1]:* %s\n' "$DSVM_SSH_HOST_PUBLIC_KEY" >"$BATS_TEST_TMPDIR/known_hosts"
  ssh_options=(-o UserKnownHostsFile="$BATS_TEST_TMPDIR/known_hosts" -o GlobalKnownHostsFile=/dev/null
    -o StrictHostKeyChecking=yes -o BatchMode=yes -o PubkeyAuthentication=no -o PasswordAuthentication=no
    -o KbdInteractiveAuthentication=no -p 2022)
  run with_real_sshd ssh "${ssh_options[@]}" nobody@127.0.0.1 true
  [[ $output == *"Permission denied"* ]]
  [[ $output != *"Host key verification failed"* ]]
  # and a line with another key is refused: the check is real
  ssh-keygen -q -t ed25519 -N '' -C other -f "$BATS_TEST_TMPDIR/other"
  printf '127.0.0.1,[127.0.0.1]:* %s\n' "$(cat "$BATS_TEST_TMPDIR/other.pub")" >"$BATS_TEST_TMPDIR/known_hosts"
  run with_real_sshd ssh "${ssh_options[@]}" nobody@127.0.0.1 true
  [[ $output == *"REMOTE HOST IDENTIFICATION HAS CHANGED"* || $output == *"Host key verification failed"* ]]
}
