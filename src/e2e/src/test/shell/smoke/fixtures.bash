# shellcheck shell=bash
# Local stand-ins for a deployed pool, for the tests of .github/e2e/smoke-test.sh, all on 127.0.0.1:
#   - a real sshd (its own config, a generated host key, key authentication only) on a free high port,
#     for a test user created for the run (with ~/notebooks/remote and an authorized key);
#   - HTTPS servers (self-signed certificate from openssl) answering /hub/health with 200 and with 500,
#     a plain HTTP server answering 200, a port that accepts connections and never answers, and a closed port;
#   - fake fstab files, one with a line for the mount point and one without. The mount point is /proc,
#     which is really one; a plain folder stands for a share that is not mounted.
# Needs root (useradd, sshd, unshare), and sshd, ssh-keygen, openssl, python3, useradd, userdel, unshare.
#
# Everything a run creates is recorded in its state folder (SMOKE_STATE_DIR, /tmp/dsvm-smoke-fixtures.*):
# the pids it started and the user it created. smoke_cleanup removes all of it, kills only processes whose
# command line names that folder, and can be called any number of times. The machine's /run is not touched.

SMOKE_TESTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SMOKE_PROJECT_DIR="$(cd "$SMOKE_TESTS_DIR/../../../../../.." && pwd)"
export SMOKE_SCRIPT="$SMOKE_PROJECT_DIR/.github/e2e/smoke-test.sh"
SMOKE_STATE_PATTERN='/tmp/dsvm-smoke-fixtures.*'
export PATH="$PATH:/usr/sbin:/sbin"

smoke_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

smoke_record_pid() {
  echo "$1" >>"$SMOKE_STATE_DIR/pids"
}

smoke_alive() {
  local state
  [[ -r /proc/$1/stat ]] || return 1
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z ]]
}

# Waits up to 10 s for a non-empty file while process $2 lives.
smoke_wait_for_file() {
  local file=$1 pid=$2 i
  for ((i = 0; i < 100; i++)); do
    [[ -s $file ]] && return 0
    smoke_alive "$pid" || return 1
    sleep 0.1
  done
  return 1
}

# smoke_start_hub VAR NAME MODE [STATUS]: starts fake_hub.py, sets VAR to its port.
smoke_start_hub() {
  local var=$1 name=$2 mode=$3 status=${4:-200} pid
  python3 "$SMOKE_TESTS_DIR/fake_hub.py" --mode "$mode" --status "$status" \
    --cert "$SMOKE_STATE_DIR/hub-cert.pem" --key "$SMOKE_STATE_DIR/hub-key.pem" \
    --port-file "$SMOKE_STATE_DIR/$name.port" </dev/null >>"$SMOKE_STATE_DIR/$name.log" 2>&1 3>&- &
  pid=$!
  smoke_record_pid "$pid"
  if ! smoke_wait_for_file "$SMOKE_STATE_DIR/$name.port" "$pid"; then
    echo "fixtures: the $name server did not start:" >&2
    cat "$SMOKE_STATE_DIR/$name.log" >&2
    return 1
  fi
  printf -v "$var" '%s' "$(<"$SMOKE_STATE_DIR/$name.port")"
  export "${var?}"
}

smoke_create_user() {
  local name home
  name=$(printf 'dsvmsmk%04x%04x' "$RANDOM" "$RANDOM")
  # Recorded first, so that a half-made user is removed too.
  echo "$name" >"$SMOKE_STATE_DIR/user"
  useradd --create-home --shell /bin/bash --comment "dsvm-pool smoke test (temporary)" "$name"
  # '*': no password, but not locked ('!'), which sshd without PAM would refuse even for keys.
  usermod -p '*' "$name"
  home=$(getent passwd "$name" | cut -d: -f6)
  chmod 755 "$home"
  install -d -m 700 -o "$name" -g "$name" "$home/.ssh"
  install -m 600 -o "$name" -g "$name" "$SMOKE_STATE_DIR/client-key.pub" "$home/.ssh/authorized_keys"
  SMOKE_USER=$name SMOKE_HOME=$home
  export SMOKE_USER SMOKE_HOME
  smoke_make_notebooks
}

# ~/notebooks/remote of the test user, as the provisioning script leaves it (whatever a test left there).
smoke_make_notebooks() {
  rm -rf -- "$SMOKE_HOME/notebooks/remote"
  install -d -o "$SMOKE_USER" -g "$SMOKE_USER" "$SMOKE_HOME/notebooks" "$SMOKE_HOME/notebooks/remote"
}

smoke_start_sshd() {
  local sshd attempt port pid i
  sshd=$(command -v sshd)
  # sshd insists on its privilege separation folder /run/sshd (systemd makes it on a booted system). Where
  # it is missing, sshd runs with a private /run holding only that folder, so the machine's /run stays as
  # it was (and a concurrent test's sshd is not disturbed by our making or removing it).
  local -a runner=()
  if [[ ! -d /run/sshd ]]; then
    runner=(unshare --mount --propagation private sh -c
      'mount -t tmpfs -o mode=0755 dsvm-smoke-run /run && mkdir -m 0755 /run/sshd && exec "$@"' private-run)
  fi
  ssh-keygen -q -t ed25519 -N '' -C smoke-host -f "$SMOKE_STATE_DIR/ssh_host_ed25519_key"
  for attempt in 1 2 3 4 5; do
    port=$(smoke_free_port)
    cat >"$SMOKE_STATE_DIR/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $SMOKE_STATE_DIR/ssh_host_ed25519_key
PidFile none
AuthorizedKeysFile .ssh/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers $SMOKE_USER
AllowTcpForwarding no
X11Forwarding no
PrintMotd no
PrintLastLog no
MaxStartups 100:30:200
LoginGraceTime 20
EOF
    "${runner[@]}" "$sshd" -t -f "$SMOKE_STATE_DIR/sshd_config"
    : >"$SMOKE_STATE_DIR/sshd.log"
    "${runner[@]}" "$sshd" -D -e -f "$SMOKE_STATE_DIR/sshd_config" </dev/null >>"$SMOKE_STATE_DIR/sshd.log" 2>&1 3>&- &
    pid=$!
    smoke_record_pid "$pid"
    for ((i = 0; i < 100; i++)); do
      if grep -q "Server listening on 127.0.0.1 port $port" "$SMOKE_STATE_DIR/sshd.log"; then
        SMOKE_SSH_PORT=$port
        export SMOKE_SSH_PORT
        return 0
      fi
      smoke_alive "$pid" || break
      sleep 0.1
    done
    echo "fixtures: sshd did not listen on port $port (attempt $attempt):" >&2
    cat "$SMOKE_STATE_DIR/sshd.log" >&2
    kill "$pid" 2>/dev/null || true
  done
  return 1
}

smoke_write_fstabs() {
  SMOKE_FSTAB_OK=$SMOKE_STATE_DIR/fstab-with-share
  SMOKE_FSTAB_MISSING=$SMOKE_STATE_DIR/fstab-without-share
  SMOKE_NOT_MOUNTED=$SMOKE_STATE_DIR/not-a-mount-point
  # Lines for /proc (a real mount point) and for a folder that is not one (a share whose mount failed).
  cat >"$SMOKE_FSTAB_OK" <<EOF
# <file system> <mount point> <type> <options> <dump> <pass>
UUID=0a1b2c3d-0000-4000-8000-000000000001 / ext4 defaults 0 1
//teststorage1.file.core.windows.net/dsvmshare /proc cifs vers=3.1.1,credentials=/etc/smbcredentials/teststorage1.cred,_netdev,nofail,x-systemd.automount 0 0
//teststorage1.file.core.windows.net/dsvmshare $SMOKE_NOT_MOUNTED cifs vers=3.1.1,_netdev,nofail 0 0
EOF
  # Only a commented-out line and a line for another mount point mention the share.
  cat >"$SMOKE_FSTAB_MISSING" <<'EOF'
# <file system> <mount point> <type> <options> <dump> <pass>
UUID=0a1b2c3d-0000-4000-8000-000000000001 / ext4 defaults 0 1
#//teststorage1.file.core.windows.net/dsvmshare /proc cifs vers=3.1.1,nofail 0 0
//teststorage1.file.core.windows.net/dsvmshare /proc/elsewhere cifs vers=3.1.1,nofail 0 0
EOF
  chmod 644 "$SMOKE_FSTAB_OK" "$SMOKE_FSTAB_MISSING"
  mkdir -m 755 "$SMOKE_NOT_MOUNTED"
  export SMOKE_FSTAB_OK SMOKE_FSTAB_MISSING SMOKE_NOT_MOUNTED
}

# Creates everything and exports SMOKE_* for the tests. Uses SMOKE_STATE_DIR when the runner made one.
smoke_start_fixtures() {
  if [[ -z ${SMOKE_STATE_DIR:-} ]]; then
    SMOKE_STATE_DIR=$(mktemp -d /tmp/dsvm-smoke-fixtures.XXXXXX)
  fi
  # shellcheck disable=SC2053 # a glob on purpose
  if [[ $SMOKE_STATE_DIR != $SMOKE_STATE_PATTERN || ! -d $SMOKE_STATE_DIR ]]; then
    echo "fixtures: SMOKE_STATE_DIR must be an existing folder named $SMOKE_STATE_PATTERN" >&2
    return 1
  fi
  export SMOKE_STATE_DIR
  # The test user must read the fake fstab files in here.
  chmod 755 "$SMOKE_STATE_DIR"

  ssh-keygen -q -t ed25519 -N '' -C smoke-client -f "$SMOKE_STATE_DIR/client-key"
  SMOKE_KEY=$SMOKE_STATE_DIR/client-key
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$SMOKE_STATE_DIR/hub-key.pem" \
    -out "$SMOKE_STATE_DIR/hub-cert.pem" 2>"$SMOKE_STATE_DIR/openssl.log"
  SMOKE_VM_NAME=$(hostname)
  export SMOKE_KEY SMOKE_VM_NAME

  smoke_create_user
  smoke_write_fstabs
  smoke_start_sshd
  smoke_start_hub SMOKE_HUB_PORT hub-200 https 200
  smoke_start_hub SMOKE_HUB_500_PORT hub-500 https 500
  smoke_start_hub SMOKE_PLAIN_PORT plain-http http 200
  smoke_start_hub SMOKE_SILENT_PORT silent silent
  SMOKE_CLOSED_PORT=$(smoke_free_port)
  export SMOKE_CLOSED_PORT
}

# smoke_cleanup [STATE_DIR]: kills the processes, removes the user and the folder.
smoke_cleanup() {
  local dir=${1:-${SMOKE_STATE_DIR:-}} pid user i
  # shellcheck disable=SC2053 # a glob on purpose
  [[ -n $dir && $dir == $SMOKE_STATE_PATTERN && -d $dir ]] || return 0
  local -a pids=()
  if [[ -f $dir/pids ]]; then
    while read -r pid; do
      # Only our own processes: a pid that was reused since names another command line.
      if [[ $pid =~ ^[0-9]+$ ]] && smoke_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dir"; then
        pids+=("$pid")
      fi
    done <"$dir/pids"
  fi
  if ((${#pids[@]})); then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      local alive=0
      for pid in "${pids[@]}"; do
        if smoke_alive "$pid"; then alive=1; fi
      done
      ((alive)) || break
      sleep 0.1
    done
    for pid in "${pids[@]}"; do
      if smoke_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    done
  fi
  if [[ -f $dir/user ]]; then
    user=$(<"$dir/user")
    if [[ $user == dsvmsmk* ]] && getent passwd "$user" >/dev/null; then
      # A session that is still closing keeps the user busy for a moment.
      for ((i = 0; i < 10; i++)); do
        userdel --remove "$user" 2>/dev/null && break
        sleep 0.3
      done
      if getent passwd "$user" >/dev/null; then
        userdel --force --remove "$user" || echo "fixtures: could not remove the user $user" >&2
      fi
    fi
  fi
  rm -rf -- "$dir"
}
