#!/usr/bin/env bats
# The per-VM ports installer with the real tools, as root: the real sshd checks and serves the configuration
# with the drop-in (in a private /run, so that its privilege separation folder need not exist on this
# machine), and the real iptables redirects 8443 to 8000 inside network namespaces created and deleted here
# (this machine's own rules are never touched). systemctl stays a fake: there is no systemd to run the unit,
# so its ExecStart and ExecStop lines are run the way systemd runs them. Needs sshd, ssh-keygen, iptables,
# ip (iproute2), unshare, python3 and systemd-analyze (run-all.sh checks that they are installed).

bats_require_minimum_version 1.5.0

setup() {
  load helpers
  load per-vm-ports-helpers
  render_ports_installer
  make_ports_sandbox
  export DSVM_SYSTEMCTL_CMD="$FAKES/systemctl-units" DSVM_SSHD_CMD=/usr/sbin/sshd DSVM_IPTABLES_CMD="$FAKES/iptables"
  unset FAKE_SYSTEMCTL_ACTIVE FAKE_SYSTEMCTL_FAIL FAKE_SSHD_T FAKE_IPTABLES
  CONFIG="$DSVM_ROOT/etc/ssh/sshd_config"
  DROP_IN="$DSVM_ROOT/etc/ssh/sshd_config.d/dsvm-pool-ports.conf"
  # Ubuntu's sshd_config with its Include pointing into the sandbox, and a host key of its own.
  ssh-keygen -q -t ed25519 -N '' -C dsvm-test -f "$DSVM_ROOT/etc/ssh/ssh_host_ed25519_key"
  {
    printf 'HostKey %s\n' "$DSVM_ROOT/etc/ssh/ssh_host_ed25519_key"
    sed "s|^Include /etc/ssh/|Include $DSVM_ROOT/etc/ssh/|" "$FIXTURES/sshd_config"
  } >"$CONFIG"
  NETNS_PREFIX="dsvm-ports-$$"
  NAMESPACES=()
}

teardown() {
  local ns
  for ns in "${NAMESPACES[@]}"; do
    # only what this test started in its own namespaces
    ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
  done
  remove_sandbox
}

# Runs a command with a private, empty /run holding only /run/sshd (sshd -t insists on that folder).
private_run() {
  unshare --mount --propagation private sh -c \
    'mount -t tmpfs -o mode=0755 dsvm-test-run /run && mkdir -m 0755 /run/sshd && exec "$@"' private-run "$@"
}

# private_run_in NAMESPACE COMMAND...: the same inside a network namespace.
private_run_in() {
  local ns=$1
  shift
  ip netns exec "$ns" unshare --mount --propagation private sh -c \
    'mount -t tmpfs -o mode=0755 dsvm-test-run /run && mkdir -m 0755 /run/sshd && exec "$@"' private-run "$@"
}

# The ports sshd would listen on, from sshd -T.
sshd_ports() {
  private_run /usr/sbin/sshd -T -f "$CONFIG" | grep '^port ' | sort -n -k 2
}

# Three namespaces: client (10.251.1.2) -- vm (10.251.1.1, 10.251.2.1, routes between them) -- remote
# (10.251.2.2), so that the vm sees traffic addressed to itself and traffic it only forwards.
make_network() {
  VM_NS="$NETNS_PREFIX-vm" CLIENT_NS="$NETNS_PREFIX-client" REMOTE_NS="$NETNS_PREFIX-remote"
  local ns
  for ns in "$VM_NS" "$CLIENT_NS" "$REMOTE_NS"; do
    ip netns add "$ns"
    NAMESPACES+=("$ns")
    ip -n "$ns" link set lo up
  done
  ip link add to-client netns "$VM_NS" type veth peer name to-vm netns "$CLIENT_NS"
  ip link add to-remote netns "$VM_NS" type veth peer name to-vm netns "$REMOTE_NS"
  ip -n "$VM_NS" addr add 10.251.1.1/24 dev to-client
  ip -n "$VM_NS" addr add 10.251.2.1/24 dev to-remote
  ip -n "$CLIENT_NS" addr add 10.251.1.2/24 dev to-vm
  ip -n "$REMOTE_NS" addr add 10.251.2.2/24 dev to-vm
  ip -n "$VM_NS" link set to-client up
  ip -n "$VM_NS" link set to-remote up
  ip -n "$CLIENT_NS" link set to-vm up
  ip -n "$REMOTE_NS" link set to-vm up
  ip -n "$CLIENT_NS" route add default via 10.251.1.1
  ip -n "$REMOTE_NS" route add default via 10.251.2.1
  ip netns exec "$VM_NS" sysctl -q -w net.ipv4.ip_forward=1
}

# listen NAMESPACE NAME PORT: a TCP server that answers "NAME peer=<client address> port=<local port>".
listen() {
  local ready="$BATS_TEST_TMPDIR/ready-$2-$3" i
  ip netns exec "$1" python3 -c '
import socket, sys
name, port, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("0.0.0.0", port))
server.listen(8)
open(ready, "w").close()
while True:
    connection, peer = server.accept()
    connection.sendall(("%s peer=%s port=%d\n" % (name, peer[0], connection.getsockname()[1])).encode())
    connection.close()
' "$2" "$3" "$ready" 3>&- &
  for ((i = 0; i < 100; i++)); do
    [[ -e $ready ]] && return 0
    sleep 0.1
  done
  echo "listener $2 on port $3 did not start" >&2
  return 1
}

# connect NAMESPACE ADDRESS PORT: prints the server's answer, or "refused".
connect() {
  ip netns exec "$1" python3 -c '
import socket, sys
try:
    with socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=5) as s:
        print(s.makefile().readline().strip())
except ConnectionRefusedError:
    print("refused")
' "$2" "$3"
}

# The dsvm-pool REDIRECT rules in a namespace's nat PREROUTING chain.
redirect_rules() {
  ip netns exec "$1" iptables -w 10 -t nat -S PREROUTING | grep -c -- '-j REDIRECT --to-ports 8000' || true
}

# unit_command ExecStart|ExecStop: the command line of the rendered unit, checked to mean the same to
# systemd and to a shell (no $, %, backslash or double quote, which the two would read differently).
unit_command() {
  local line
  line=$(sed -n "s/^$1=//p" "$PORTS_UNIT_FILE")
  [[ -n $line && $line != *[\$%\\\"]* ]] || { echo "unit_command: unexpected $1 line: $line" >&2; return 1; }
  printf '%s' "$line"
}

@test "real sshd: without the drop-in only port 22; with it sshd -t passes and sshd -T shows 22 and 2222" {
  [ "$(sshd_ports)" = "port 22" ]
  run private_run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-ports] ssh: sshd listens on ports 22 and 2222"* ]]
  cmp "$PORTS_DROP_IN" "$DROP_IN"
  private_run /usr/sbin/sshd -t -f "$CONFIG"
  [ "$(sshd_ports)" = "$(printf 'port 22\nport 2222')" ]
  grep -qx 'systemctl reload-or-restart ssh.service' "$FAKE_LOG"
  # and a second run leaves it all as it is
  local before
  before=$(ports_state)
  : >"$FAKE_LOG"
  run private_run bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [ "$(ports_state)" = "$before" ]
  run ! grep -q 'ssh\.\(service\|socket\)' "$FAKE_LOG"
}

@test "real sshd refuses the drop-in inside a Match block: drop-in removed, sshd not reloaded, 22 kept" {
  # an admin's Match block ahead of the Include: every included Port line lands in it
  {
    grep -v '^Include' "$CONFIG"
    printf 'Match User nobody\n  X11Forwarding no\n'
    grep '^Include' "$CONFIG"
  } >"$CONFIG.new"
  mv "$CONFIG.new" "$CONFIG"
  private_run /usr/sbin/sshd -t -f "$CONFIG"
  printf 'echo after-the-installer\n' >>"$PORTS_INSTALLER"
  run private_run bash -euo pipefail "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-ports] ssh: sshd -t: "*"Directive 'Port' is not allowed within a Match block"* ]]
  [[ $output == *"removed it; sshd left alone (port 22 only)"* ]]
  [[ $output == *"after-the-installer"* ]]
  [ ! -e "$DROP_IN" ]
  private_run /usr/sbin/sshd -t -f "$CONFIG"
  [ "$(sshd_ports)" = "port 22" ]
  run ! grep -q 'ssh\.\(service\|socket\)' "$FAKE_LOG"
}

@test "real sshd with the drop-in answers on 22 and 2222" {
  private_run bash "$PORTS_INSTALLER"
  ip netns add "$NETNS_PREFIX-sshd"
  NAMESPACES+=("$NETNS_PREFIX-sshd")
  ip -n "$NETNS_PREFIX-sshd" link set lo up
  private_run_in "$NETNS_PREFIX-sshd" /usr/sbin/sshd -D -e -f "$CONFIG" 2>"$BATS_TEST_TMPDIR/sshd.log" 3>&- &
  local port banner i
  for port in 22 2222; do
    banner=''
    for ((i = 0; i < 50; i++)); do
      banner=$(connect "$NETNS_PREFIX-sshd" 127.0.0.1 "$port")
      [[ $banner == refused ]] || break
      sleep 0.1
    done
    [[ $banner == SSH-2.0-* ]] || { echo "port $port: $banner" && cat "$BATS_TEST_TMPDIR/sshd.log" && false; }
  done
  grep -q 'Server listening on 0.0.0.0 port 2222' "$BATS_TEST_TMPDIR/sshd.log"
}

@test "real iptables: rule added once; 8443 reaches JupyterHub's 8000 with the client's address kept" {
  make_network
  listen "$VM_NS" jupyterhub 8000
  [ "$(connect "$CLIENT_NS" 10.251.1.1 8443)" = refused ]
  export DSVM_IPTABLES_CMD=iptables
  run private_run_in "$VM_NS" bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-ports] jupyterhub: port 8443 redirected to 8000 (rule added)"* ]]
  [ "$(redirect_rules "$VM_NS")" = 1 ]
  ip netns exec "$VM_NS" iptables -w 10 -t nat -S PREROUTING |
    grep -qxF -- '-A PREROUTING -p tcp -m tcp --dport 8443 -m addrtype --dst-type LOCAL -j REDIRECT --to-ports 8000'
  [ "$(connect "$CLIENT_NS" 10.251.1.1 8443)" = "jupyterhub peer=10.251.1.2 port=8000" ]
  [ "$(connect "$CLIENT_NS" 10.251.1.1 8000)" = "jupyterhub peer=10.251.1.2 port=8000" ]
  # a second run: the rule is found, not added again
  run private_run_in "$VM_NS" bash "$PORTS_INSTALLER"
  [ "$status" -eq 0 ]
  [[ $output == *"port 8443 redirected to 8000 (rule in place)"* ]]
  [[ $output != *warning* ]]
  [ "$(redirect_rules "$VM_NS")" = 1 ]
  # this machine's own rules were not touched
  run ! bash -c 'iptables -w 10 -t nat -S PREROUTING | grep -q -- "--to-ports 8000"'
}

@test "real iptables: traffic the VM only forwards to another host's 8443 is not redirected" {
  make_network
  listen "$VM_NS" jupyterhub 8000
  listen "$REMOTE_NS" remote 8443
  ip netns exec "$VM_NS" env DSVM_IPTABLES_CMD=iptables DSVM_SSHD_CMD="$FAKES/sshd" bash "$PORTS_INSTALLER"
  [ "$(redirect_rules "$VM_NS")" = 1 ]
  [ "$(connect "$CLIENT_NS" 10.251.2.2 8443)" = "remote peer=10.251.1.2 port=8443" ]
  [ "$(connect "$CLIENT_NS" 10.251.1.1 8443)" = "jupyterhub peer=10.251.1.2 port=8000" ]
  # the VM's own outgoing connections are not redirected either
  [ "$(connect "$VM_NS" 10.251.2.2 8443)" = "remote peer=10.251.2.1 port=8443" ]
}

@test "the unit's ExecStart and ExecStop, run as systemd runs them: the installer's rule, once, then none" {
  make_network
  listen "$VM_NS" jupyterhub 8000
  local start stop
  start=$(unit_command ExecStart)
  stop=$(unit_command ExecStop)
  ip netns exec "$VM_NS" bash -c "$start"
  ip netns exec "$VM_NS" bash -c "$start"
  [ "$(redirect_rules "$VM_NS")" = 1 ]
  [ "$(connect "$CLIENT_NS" 10.251.1.1 8443)" = "jupyterhub peer=10.251.1.2 port=8000" ]
  # the installer finds the unit's rule: the two spell it alike
  run ip netns exec "$VM_NS" env DSVM_IPTABLES_CMD=iptables DSVM_SSHD_CMD="$FAKES/sshd" bash "$PORTS_INSTALLER"
  [[ $output == *"port 8443 redirected to 8000 (rule in place)"* ]]
  [ "$(redirect_rules "$VM_NS")" = 1 ]
  ip netns exec "$VM_NS" bash -c "$stop"
  [ "$(redirect_rules "$VM_NS")" = 0 ]
  [ "$(connect "$CLIENT_NS" 10.251.1.1 8443)" = refused ]
  # stopping twice is fine; a rule added twice (by hand) goes entirely
  ip netns exec "$VM_NS" bash -c "$stop"
  ip netns exec "$VM_NS" iptables -w 10 -t nat -A PREROUTING -p tcp --dport 8443 -m addrtype --dst-type LOCAL -j REDIRECT --to-ports 8000
  ip netns exec "$VM_NS" iptables -w 10 -t nat -A PREROUTING -p tcp --dport 8443 -m addrtype --dst-type LOCAL -j REDIRECT --to-ports 8000
  ip netns exec "$VM_NS" bash -c "$stop"
  [ "$(redirect_rules "$VM_NS")" = 0 ]
}

@test "systemd-analyze verify accepts the unit without a warning" {
  run systemd-analyze verify "$PORTS_UNIT_FILE"
  [ "$status" -eq 0 ]
  [ -z "$output" ]
}
