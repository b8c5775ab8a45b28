#!/usr/bin/env bats
# The real mount-share.sh against a real SMB server: Samba on 127.0.0.1 at an unprivileged port, with a
# private smb.conf and state under a temporary folder, started and stopped by this file. The script's own
# probe and the real smbclient are used; only mount is faked (no cifs kernel module here).
# Needs root (smbd, and the Samba user is mapped to root) and the samba and smbclient packages.

bats_require_minimum_version 1.5.0
load helpers

SHARE=dsvmshare

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

setup_file() {
  [[ $(id -u) == 0 ]] || {
    echo "samba.bats must run as root" >&2
    return 1
  }
  SAMBA_DIR=$(mktemp -d /tmp/dsvm-samba.XXXXXX)
  export SAMBA_DIR
  # from 14445 up, offset by the process id so that concurrent runs seldom race for the same port
  local port=${SAMBA_TEST_PORT:-$((14445 + $$ % 500))} tries=0
  while port_open "$port"; do
    port=$((port + 1))
    tries=$((tries + 1))
    ((tries < 50)) || {
      echo "no free port below $port" >&2
      return 1
    }
  done
  export SAMBA_PORT=$port
  mkdir -p "$SAMBA_DIR"/{private,lock,state,cache,pid,ncalrpc,log,share}
  # the storage account name is the SMB user; Samba maps it to the local user root
  echo 'root = teststorage1' >"$SAMBA_DIR/usermap"
  cat >"$SAMBA_DIR/smb.conf" <<EOF
[global]
  server role = standalone server
  smb ports = $SAMBA_PORT
  interfaces = 127.0.0.1
  bind interfaces only = yes
  server min protocol = SMB3
  private dir = $SAMBA_DIR/private
  lock directory = $SAMBA_DIR/lock
  state directory = $SAMBA_DIR/state
  cache directory = $SAMBA_DIR/cache
  pid directory = $SAMBA_DIR/pid
  ncalrpc dir = $SAMBA_DIR/ncalrpc
  log file = $SAMBA_DIR/log/smbd.log
  passdb backend = tdbsam:$SAMBA_DIR/private/passdb.tdb
  username map = $SAMBA_DIR/usermap
  map to guest = never
  load printers = no
  printcap name = /dev/null
  disable spoolss = yes
[$SHARE]
  path = $SAMBA_DIR/share
  read only = no
EOF
  printf '%s\n%s\n' "$TEST_KEY" "$TEST_KEY" | smbpasswd -c "$SAMBA_DIR/smb.conf" -a -s root >/dev/null
  # its own session: on SIGTERM smbd signals its whole process group, which must not be bats'
  PATH="$PATH:/usr/sbin:/sbin" setsid smbd --foreground --no-process-group --configfile="$SAMBA_DIR/smb.conf" \
    >"$SAMBA_DIR/log/stdout" 2>&1 3>&- &
  echo $! >"$SAMBA_DIR/smbd.pid"
  for _ in $(seq 100); do
    port_open "$SAMBA_PORT" && return 0
    sleep 0.1
  done
  echo "smbd did not start on port $SAMBA_PORT:" >&2
  cat "$SAMBA_DIR/log/stdout" "$SAMBA_DIR/log/smbd.log" >&2 || true
  return 1
}

teardown_file() {
  if [[ -f "${SAMBA_DIR:-}/smbd.pid" ]]; then
    kill "$(cat "$SAMBA_DIR/smbd.pid")" 2>/dev/null || true
    wait "$(cat "$SAMBA_DIR/smbd.pid")" 2>/dev/null || true
  fi
  if [[ ${SAMBA_DIR:-} == /tmp/dsvm-samba.* ]]; then rm -rf "$SAMBA_DIR"; fi
}

setup() {
  make_sandbox
  # the script's own TCP probe and the real smbclient, at the test server
  unset DSVM_PROBE_CMD DSVM_SMBCLIENT_CMD FAKE_SMB_KEY_HASH
  export DSVM_SMB_ADDRESS=127.0.0.1 DSVM_SMB_PORT=$SAMBA_PORT DSVM_PROBE_TIMEOUT=5
}

teardown() {
  remove_sandbox
}

@test "samba: the credentials file the script writes logs on to the real server" {
  run_script
  [ "$status" -eq 0 ]
  [[ $output == *"[dsvm-mount] logon to //teststorage1.file.core.windows.net/$SHARE accepted"* ]]
  cred="$DSVM_ROOT/etc/smbcredentials/teststorage1.cred"
  run smbclient -A "$cred" "//127.0.0.1/$SHARE" -p "$SAMBA_PORT" -c ls
  [ "$status" -eq 0 ]
  [[ $output != *NT_STATUS* ]]
  [[ $output == *"blocks of size"* ]]
}

@test "samba: a wrong key is refused with exit 13" {
  DSVM_STORAGE_KEY='d3Jvbmcta2V5K3dpdGgvc3BlY2lhbD0=' run_script
  [ "$status" -eq 13 ]
  [[ $output == *"[dsvm-mount] ERROR: authentication refused by teststorage1.file.core.windows.net for share $SHARE"* ]]
  [[ $output == *"NT_STATUS_LOGON_FAILURE"* ]] # in the logged retry
  [[ $output != *"d3Jvbmcta2V5K3dpdGgvc3BlY2lhbD0="* ]]
  [ "$(calls mount)" -eq 0 ]
  run smbclient -A "$DSVM_ROOT/etc/smbcredentials/teststorage1.cred" "//127.0.0.1/$SHARE" -p "$SAMBA_PORT" -c ls
  [ "$status" -ne 0 ]
  [[ $output == *NT_STATUS_LOGON_FAILURE* ]]
}

@test "samba: a missing share gives exit 14" {
  DSVM_SHARE_NAME=no-such-share run_script
  [ "$status" -eq 14 ]
  [[ $output == *"[dsvm-mount] ERROR: share no-such-share does not exist in storage account teststorage1 (exit 14)"* ]]
}

@test "samba: nothing listening on the port gives exit 12 from the script's own probe" {
  port=$((SAMBA_PORT + 100))
  while port_open "$port"; do port=$((port + 1)); done
  DSVM_SMB_PORT=$port run_script
  [ "$status" -eq 12 ]
  [[ $output == *"[dsvm-mount] ERROR: cannot reach teststorage1.file.core.windows.net port $port (blocked or refused)"* ]]
  [ "$(calls mount)" -eq 0 ]
}

@test "samba: after a key rotation the rewritten credentials file logs on" {
  run_script
  [ "$status" -eq 0 ]
  new_key='cm90YXRlZEtleSsvd2l0aD1lcXVhbHM='
  printf '%s\n%s\n' "$new_key" "$new_key" | smbpasswd -c "$SAMBA_DIR/smb.conf" -s root >/dev/null
  DSVM_STORAGE_KEY=$new_key run_script
  [ "$status" -eq 0 ]
  run smbclient -A "$DSVM_ROOT/etc/smbcredentials/teststorage1.cred" "//127.0.0.1/$SHARE" -p "$SAMBA_PORT" -c ls
  [ "$status" -eq 0 ]
  printf '%s\n%s\n' "$TEST_KEY" "$TEST_KEY" | smbpasswd -c "$SAMBA_DIR/smb.conf" -s root >/dev/null
}
