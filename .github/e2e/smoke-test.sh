#!/usr/bin/env bash
# Smoke test of a deployed dsvm-pool, from a user's side: SSH through the pool entry (the share is mounted and
# in fstab, ~/notebooks/remote exists), JupyterHub's /hub/health over HTTPS, and one specific VM reached
# through its per-VM frontend ports. Every check is retried until it passes or the overall --timeout runs
# out (VMs take minutes to provision); then every failure is listed, one line each.
# Run with --help for the options. Needs bash, ssh, ssh-keygen, curl and timeout (coreutils).
set -euo pipefail

readonly PROG=${0##*/}

usage() {
  cat <<EOF
Usage: $PROG --host HOST --user USER --identity KEYFILE [options]

Checks a deployed dsvm-pool the way its users reach it.

Pool entry (any VM of the pool):
  --host HOST             the pool's DNS name or public IP address (required)
  --ssh-port PORT         SSH port of the pool entry (default 22)
  --user USER             the user to log in as, e.g. the admin user (required)
  --identity KEYFILE      private key for USER (required); no password, no agent, no prompt
  --mount-point PATH      the share's mount point on the VMs (default /datamnt/dsvmshare)
  --fstab PATH            the fstab file on the VMs (default /etc/fstab)
  --jupyter-port PORT     JupyterHub port of the pool entry (default 8000)

One specific VM, through its per-VM frontend ports (optional):
  --vm-ssh-port PORT      a per-VM SSH frontend port; needs --expect-vm
  --expect-vm NAME        the host name the VM behind --vm-ssh-port must report
  --vm-jupyter-port PORT  a per-VM JupyterHub frontend port

Waiting:
  --timeout SECONDS       overall time for all checks, retries included (default 900)
  --retry-interval SECS   pause between rounds of retries (default 10)
  -h, --help              show this help

Checks (names as reported):
  ssh-login               USER logs in through HOST:--ssh-port with the key
  share-mounted           --mount-point can be listed and is a mount point (mountpoint -q)
  share-in-fstab          --fstab has an uncommented line that mounts something on --mount-point
  notebooks-remote        ~/notebooks/remote of USER is a directory (or a link to one)
  jupyterhub-health       https://HOST:--jupyter-port/hub/health answers 200, over HTTPS (self-signed: -k)
  vm-ssh                  HOST:--vm-ssh-port reaches a VM whose hostname is --expect-vm
  vm-jupyterhub-health    https://HOST:--vm-jupyter-port/hub/health answers 200, over HTTPS

Every check is tried in rounds until it passes or --timeout runs out: no round starts after it, and the
attempts of a round share the time left (at least 1 s each), so the whole run ends at most a few seconds
past --timeout even when a port never answers. SSH uses its own known_hosts file in a temporary folder
(accept-new, batch mode, no ssh_config); the pool entry may present another VM's host key on a later try,
which is accepted (it is a pool), while a per-VM port must keep its key. Nothing secret is printed.

Exit status: 0 every check passed; 1 a check failed (each failure listed at the end, one line each);
2 bad usage or a missing tool.
EOF
}

usage_error() {
  printf '%s: %s\n' "$PROG" "$*" >&2
  printf "Try '%s --help'.\n" "$PROG" >&2
  exit 2
}

# ---- arguments -------------------------------------------------------------------------------------------
HOST="" SSH_PORT=22 USER_NAME="" IDENTITY="" MOUNT_POINT=/datamnt/dsvmshare FSTAB=/etc/fstab
JUPYTER_PORT=8000 VM_SSH_PORT="" EXPECT_VM="" VM_JUPYTER_PORT="" TIMEOUT=900 RETRY_INTERVAL=10

while (($#)); do
  option=$1 value="" has_value=0
  if [[ $option == --*=* ]]; then
    value=${option#*=} option=${option%%=*} has_value=1
  fi
  case $option in
    -h | --help)
      ((has_value == 0)) || usage_error "$option takes no value"
      usage
      exit 0
      ;;
    --host | --ssh-port | --user | --identity | --mount-point | --fstab | --jupyter-port | --vm-ssh-port | \
      --expect-vm | --vm-jupyter-port | --timeout | --retry-interval)
      if ((has_value == 0)); then
        (($# >= 2)) || usage_error "$option needs a value"
        value=$2
        shift
      fi
      case $option in
        --host) HOST=$value ;;
        --ssh-port) SSH_PORT=$value ;;
        --user) USER_NAME=$value ;;
        --identity) IDENTITY=$value ;;
        --mount-point) MOUNT_POINT=$value ;;
        --fstab) FSTAB=$value ;;
        --jupyter-port) JUPYTER_PORT=$value ;;
        --vm-ssh-port) VM_SSH_PORT=$value ;;
        --expect-vm) EXPECT_VM=$value ;;
        --vm-jupyter-port) VM_JUPYTER_PORT=$value ;;
        --timeout) TIMEOUT=$value ;;
        --retry-interval) RETRY_INTERVAL=$value ;;
      esac
      ;;
    *) usage_error "unknown argument: $option" ;;
  esac
  shift
done

is_port() { [[ $1 =~ ^[1-9][0-9]{0,4}$ ]] && (($1 <= 65535)); }

[[ -n $HOST ]] || usage_error "--host is required"
[[ -n $USER_NAME ]] || usage_error "--user is required"
[[ -n $IDENTITY ]] || usage_error "--identity is required"
# Letters, digits, dots, hyphens and colons only: a DNS name, an IPv4 or an IPv6 address, never an option.
[[ $HOST =~ ^[A-Za-z0-9.:-]+$ && $HOST != -* ]] || usage_error "--host: not a host name or IP address: $HOST"
[[ $USER_NAME =~ ^[A-Za-z0-9._][A-Za-z0-9._-]*$ ]] || usage_error "--user: not a user name: $USER_NAME"
[[ -f $IDENTITY && -r $IDENTITY ]] || usage_error "--identity: no readable file: $IDENTITY"
if [[ -O $IDENTITY ]] && (($(stat -c '%#a' -- "$IDENTITY") & 077)); then
  usage_error "--identity: $IDENTITY is readable by others, which ssh refuses (chmod 600 it)"
fi
for name in SSH_PORT JUPYTER_PORT; do
  is_port "${!name}" || usage_error "--$(tr '_A-Z' '-a-z' <<<"$name"): not a port (1-65535): ${!name}"
done
[[ -z $VM_SSH_PORT ]] || is_port "$VM_SSH_PORT" || usage_error "--vm-ssh-port: not a port (1-65535): $VM_SSH_PORT"
[[ -z $VM_JUPYTER_PORT ]] || is_port "$VM_JUPYTER_PORT" ||
  usage_error "--vm-jupyter-port: not a port (1-65535): $VM_JUPYTER_PORT"
if [[ -n $VM_SSH_PORT && -z $EXPECT_VM ]]; then usage_error "--vm-ssh-port needs --expect-vm NAME"; fi
if [[ -z $VM_SSH_PORT && -n $EXPECT_VM ]]; then usage_error "--expect-vm needs --vm-ssh-port PORT"; fi
[[ -z $EXPECT_VM || $EXPECT_VM =~ ^[A-Za-z0-9][A-Za-z0-9.-]*$ ]] || usage_error "--expect-vm: not a host name: $EXPECT_VM"
[[ $MOUNT_POINT == /* && $MOUNT_POINT != *$'\n'* ]] || usage_error "--mount-point: not an absolute path: $MOUNT_POINT"
[[ $FSTAB == /* && $FSTAB != *$'\n'* ]] || usage_error "--fstab: not an absolute path: $FSTAB"
[[ $TIMEOUT =~ ^[1-9][0-9]{0,5}$ ]] || usage_error "--timeout: not a number of seconds (1-999999): $TIMEOUT"
[[ $RETRY_INTERVAL =~ ^[0-9]{1,4}$ ]] || usage_error "--retry-interval: not a number of seconds: $RETRY_INTERVAL"

missing=()
for tool in ssh ssh-keygen curl timeout stat; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  printf '%s: missing tools: %s (Debian/Ubuntu: apt-get install -y openssh-client curl coreutils)\n' \
    "$PROG" "${missing[*]}" >&2
  exit 2
fi

# ---- helpers ---------------------------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dsvm-smoke.XXXXXX")
trap 'rm -rf -- "$WORK"' EXIT
KNOWN_HOSTS=$WORK/known_hosts
: >"$KNOWN_HOSTS"
URL_HOST=$HOST
[[ $HOST != *:* ]] || URL_HOST="[$HOST]"
readonly ENTRY_ALIAS=pool-entry MAX_ATTEMPT=30 START=$SECONDS
readonly DEADLINE=$((START + TIMEOUT))

say() { printf '[smoke] %s\n' "$*"; }

# One line, no control characters: reasons end up in one-line failure reports.
one_line() { tr -s '\r\n\t' '   ' <<<"$1" | sed -e 's/[[:cntrl:]]//g' -e 's/ *$//'; }

# A word quoted for a POSIX shell on the remote side.
squote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# SSH_OUT, SSH_ERR and the exit status of one ssh command (124: no answer in time, 255: ssh's own error).
ssh_run() {
  local alias=$1 port=$2 limit=$3 command=$4 status=0
  SSH_OUT=$(timeout --kill-after=1 "$limit" ssh -F /dev/null -n -T \
    -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile="$KNOWN_HOSTS" \
    -o GlobalKnownHostsFile=/dev/null -o HostKeyAlias="$alias" -o CheckHostIP=no -o UpdateHostKeys=no \
    -o IdentitiesOnly=yes -o IdentityFile="$IDENTITY" -o IdentityAgent=none -o PreferredAuthentications=publickey \
    -o PasswordAuthentication=no -o KbdInteractiveAuthentication=no -o ClearAllForwardings=yes \
    -o ConnectTimeout="$limit" -o ServerAliveInterval=5 -o ServerAliveCountMax=2 -o LogLevel=ERROR \
    -p "$port" -l "$USER_NAME" -- "$HOST" "$command" 2>"$WORK/ssh.err") || status=$?
  SSH_ERR=$(grep -v '^@' "$WORK/ssh.err" | tail -n 1 || true)
  return "$status"
}

# Runs a remote command through ssh_run; on an ssh failure sets REASON and returns 1.
remote() {
  local alias=$1 port=$2 limit=$3 command=$4 status=0
  ssh_run "$alias" "$port" "$limit" "$command" || status=$?
  if ((status == 255)) && [[ $alias == "$ENTRY_ALIAS" ]] && grep -q 'REMOTE HOST IDENTIFICATION HAS CHANGED' "$WORK/ssh.err"; then
    # The pool entry lands on whichever VM the load balancer picks: another VM has another host key.
    say "  note: the pool entry presented another host key (another VM of the pool answered); accepting it"
    ssh-keygen -R "$ENTRY_ALIAS" -f "$KNOWN_HOSTS" >/dev/null 2>&1 || true
    status=0
    ssh_run "$alias" "$port" "$limit" "$command" || status=$?
  fi
  case $status in
    0) return 0 ;;
    124 | 137) REASON="no SSH answer from $HOST:$port within ${limit} s" ;;
    255)
      if grep -q 'REMOTE HOST IDENTIFICATION HAS CHANGED' "$WORK/ssh.err"; then
        REASON="$HOST:$port presented another host key than before in this run"
      else
        REASON="ssh to $USER_NAME@$HOST:$port failed: ${SSH_ERR:-exit 255}"
      fi
      ;;
    *) REASON="the remote command failed on $HOST:$port (exit $status): ${SSH_ERR:-no message}" ;;
  esac
  return 1
}

# GET https://HOST:PORT/hub/health; 0 when it answers 200 over HTTPS, else REASON.
health() {
  local port=$1 limit=$2 url="https://$URL_HOST:$1/hub/health" answer status=0 code scheme plain
  answer=$(curl --silent --show-error --insecure --proto '=https' --max-redirs 0 \
    --connect-timeout "$limit" --max-time "$limit" --output /dev/null \
    --write-out '%{http_code} %{scheme}' -- "$url" 2>"$WORK/curl.err") || status=$?
  code=${answer%% *} scheme=${answer#* }
  if ((status == 0)); then
    if [[ ${scheme,,} != https ]]; then
      REASON="$url was answered over ${scheme:-an unknown scheme}, not HTTPS"
      return 1
    fi
    [[ $code == 200 ]] && return 0
    REASON="$url answered HTTP $code, not 200"
    return 1
  fi
  case $status in
    28) REASON="no HTTPS answer from $url within ${limit} s" ;;
    35 | 56 | 52)
      # The TLS handshake failed: tell a plain-HTTP server from other TLS problems.
      plain=$(curl --silent --max-time "$limit" --output /dev/null --write-out '%{http_code}' \
        -- "http://$URL_HOST:$port/hub/health" 2>/dev/null || true)
      if [[ $plain =~ ^[1-5][0-9][0-9]$ ]]; then
        REASON="$URL_HOST:$port answers plain HTTP (status $plain), not HTTPS"
      else
        REASON="no TLS handshake with $url: $(one_line "$(tail -n 1 "$WORK/curl.err")")"
      fi
      ;;
    *) REASON="$url failed: $(one_line "$(tail -n 1 "$WORK/curl.err")")" ;;
  esac
  return 1
}

# ---- the checks (each sets REASON on failure, DETAIL on success) -----------------------------------------
ENTRY_VM="" ANSWER="" ANSWER_VM=""

check_ssh_login() {
  remote "$ENTRY_ALIAS" "$SSH_PORT" "$1" 'hostname' || return 1
  ENTRY_VM=$(one_line "$SSH_OUT")
  DETAIL="logged in as $USER_NAME through $HOST:$SSH_PORT (answered by ${ENTRY_VM:-an unnamed host})"
}

# A remote command through the pool entry that prints one word; sets ANSWER to that word and ANSWER_VM
# to the host name of the VM that ran it (the pool entry may land on another VM from one login to the next).
entry_answer() {
  remote "$ENTRY_ALIAS" "$SSH_PORT" "$1" "printf '%s ' \"\$(hostname 2>/dev/null || echo unknown)\"
$2" || return 1
  ANSWER_VM=${SSH_OUT%% *} ANSWER=${SSH_OUT#* }
}

on_entry_vm() { printf 'on %s (pool entry %s:%s)' "${ANSWER_VM:-${ENTRY_VM:-the VM}}" "$HOST" "$SSH_PORT"; }

check_share_mounted() {
  local mp
  mp=$(squote "$MOUNT_POINT")
  # Listing it first triggers an x-systemd.automount mount, so that a failing share is not hidden behind
  # the automount point (which is a mount point of its own).
  entry_answer "$1" "mp=$mp
if ! command -v mountpoint >/dev/null 2>&1; then echo no-mountpoint-command
elif [ ! -e \"\$mp\" ]; then echo missing
elif ! ls -A -- \"\$mp\" >/dev/null 2>&1; then echo unreadable
elif mountpoint -q -- \"\$mp\"; then echo mounted
else echo not-mounted; fi" || return 1
  case $ANSWER in
    mounted) DETAIL="$MOUNT_POINT is a mount point $(on_entry_vm)"; return 0 ;;
    not-mounted) REASON="$MOUNT_POINT is not a mount point $(on_entry_vm)" ;;
    missing) REASON="$MOUNT_POINT does not exist $(on_entry_vm)" ;;
    unreadable) REASON="$MOUNT_POINT cannot be listed (a failed mount?) $(on_entry_vm)" ;;
    no-mountpoint-command) REASON="no mountpoint command $(on_entry_vm)" ;;
    *) REASON="unexpected answer about $MOUNT_POINT $(on_entry_vm): $(one_line "$ANSWER")" ;;
  esac
  return 1
}

check_share_in_fstab() {
  local mp fstab
  mp=$(squote "$MOUNT_POINT") fstab=$(squote "$FSTAB")
  entry_answer "$1" "mp=$mp fstab=$fstab
if [ ! -r \"\$fstab\" ]; then echo unreadable
elif MP=\"\$mp\" awk '\$1 !~ /^#/ && \$2 == ENVIRON[\"MP\"] { found = 1 } END { exit !found }' \"\$fstab\"; then echo listed
else echo absent; fi" || return 1
  case $ANSWER in
    listed) DETAIL="$FSTAB mounts something on $MOUNT_POINT $(on_entry_vm)"; return 0 ;;
    absent) REASON="$FSTAB has no line for $MOUNT_POINT $(on_entry_vm)" ;;
    unreadable) REASON="$FSTAB cannot be read $(on_entry_vm)" ;;
    *) REASON="unexpected answer about $FSTAB $(on_entry_vm): $(one_line "$ANSWER")" ;;
  esac
  return 1
}

check_notebooks_remote() {
  # shellcheck disable=SC2016 # $HOME and $d expand on the remote side
  entry_answer "$1" 'd="$HOME/notebooks/remote"
if [ -d "$d" ]; then echo present; elif [ -L "$d" ]; then echo dangling; else echo absent; fi' || return 1
  case $ANSWER in
    present) DETAIL="~$USER_NAME/notebooks/remote exists $(on_entry_vm)"; return 0 ;;
    dangling) REASON="~$USER_NAME/notebooks/remote is a link to nothing (share not mounted?) $(on_entry_vm)" ;;
    absent) REASON="~$USER_NAME/notebooks/remote does not exist $(on_entry_vm)" ;;
    *) REASON="unexpected answer about ~$USER_NAME/notebooks/remote $(on_entry_vm): $(one_line "$ANSWER")" ;;
  esac
  return 1
}

check_jupyterhub_health() {
  health "$JUPYTER_PORT" "$1" || return 1
  DETAIL="https://$URL_HOST:$JUPYTER_PORT/hub/health answered 200 over HTTPS"
}

check_vm_ssh() {
  local seen
  remote "vm-$VM_SSH_PORT" "$VM_SSH_PORT" "$1" 'hostname' || return 1
  seen=$(one_line "$SSH_OUT")
  if [[ $seen == "$EXPECT_VM" || ${seen%%.*} == "$EXPECT_VM" ]]; then
    DETAIL="$HOST:$VM_SSH_PORT reached $seen"
    return 0
  fi
  REASON="$HOST:$VM_SSH_PORT reached VM '${seen:-(no name)}', expected '$EXPECT_VM'"
  return 1
}

check_vm_jupyterhub_health() {
  health "$VM_JUPYTER_PORT" "$1" || return 1
  DETAIL="https://$URL_HOST:$VM_JUPYTER_PORT/hub/health answered 200 over HTTPS"
}

run_check() {
  case $1 in
    ssh-login) check_ssh_login "$2" ;;
    share-mounted) check_share_mounted "$2" ;;
    share-in-fstab) check_share_in_fstab "$2" ;;
    notebooks-remote) check_notebooks_remote "$2" ;;
    jupyterhub-health) check_jupyterhub_health "$2" ;;
    vm-ssh) check_vm_ssh "$2" ;;
    vm-jupyterhub-health) check_vm_jupyterhub_health "$2" ;;
  esac
}

CHECKS=(ssh-login share-mounted share-in-fstab notebooks-remote jupyterhub-health)
[[ -z $VM_SSH_PORT ]] || CHECKS+=(vm-ssh)
[[ -z $VM_JUPYTER_PORT ]] || CHECKS+=(vm-jupyterhub-health)
# Checks that need a login through the pool entry.
declare -A NEEDS_LOGIN=([share-mounted]=1 [share-in-fstab]=1 [notebooks-remote]=1)
declare -A PASSED=() REASONS=() SHOWN=()

# ---- rounds ------------------------------------------------------------------------------------------------
say "pool entry $USER_NAME@$HOST ssh port $SSH_PORT, JupyterHub port $JUPYTER_PORT; mount point $MOUNT_POINT, fstab $FSTAB"
if [[ -n $VM_SSH_PORT || -n $VM_JUPYTER_PORT ]]; then
  say "one VM: ssh port ${VM_SSH_PORT:-(not checked)}${EXPECT_VM:+ (expected: $EXPECT_VM)}, JupyterHub port ${VM_JUPYTER_PORT:-(not checked)}"
fi
say "checks: ${CHECKS[*]}; timeout ${TIMEOUT} s, retry every ${RETRY_INTERVAL} s"

round=0
while :; do
  round=$((round + 1))
  pending=()
  for check in "${CHECKS[@]}"; do
    [[ -n ${PASSED[$check]:-} ]] || pending+=("$check")
  done
  say "round $round: ${#pending[@]} check(s) to go, $((DEADLINE - SECONDS > 0 ? DEADLINE - SECONDS : 0)) s left"
  left=${#pending[@]}
  for check in "${pending[@]}"; do
    REASON="" DETAIL=""
    if [[ -n ${NEEDS_LOGIN[$check]:-} && -z ${PASSED[ssh-login]:-} ]]; then
      REASON="not checked: no SSH login through the pool entry $HOST:$SSH_PORT (see ssh-login)"
    else
      # The time left is shared by the attempts still to come in this round, at least 1 s each.
      remaining=$((DEADLINE - SECONDS))
      limit=$((remaining / left))
      ((limit <= MAX_ATTEMPT)) || limit=$MAX_ATTEMPT
      ((limit >= 1)) || limit=1
      if run_check "$check" "$limit"; then
        PASSED[$check]=1
        say "  ok       $check: $DETAIL"
      fi
    fi
    left=$((left - 1))
    if [[ -z ${PASSED[$check]:-} ]]; then
      REASONS[$check]=$(one_line "$REASON")
      if [[ ${SHOWN[$check]:-} != "${REASONS[$check]}" ]]; then
        say "  waiting  $check: ${REASONS[$check]}"
        SHOWN[$check]=${REASONS[$check]}
      fi
    fi
  done
  all_passed=1
  for check in "${CHECKS[@]}"; do
    [[ -n ${PASSED[$check]:-} ]] || all_passed=0
  done
  ((all_passed == 0)) || break
  ((SECONDS < DEADLINE)) || break
  pause=$((DEADLINE - SECONDS))
  ((pause <= RETRY_INTERVAL)) || pause=$RETRY_INTERVAL
  sleep "$pause"
  ((SECONDS < DEADLINE)) || break
done

failures=()
for check in "${CHECKS[@]}"; do
  [[ -n ${PASSED[$check]:-} ]] || failures+=("$check")
done
elapsed=$((SECONDS - START))
if ((${#failures[@]} == 0)); then
  say "all ${#CHECKS[@]} checks passed in ${elapsed} s"
  exit 0
fi
say "${#failures[@]} of ${#CHECKS[@]} checks failed after ${elapsed} s (timeout ${TIMEOUT} s):"
for check in "${failures[@]}"; do
  printf 'FAIL %s: %s\n' "$check" "${REASONS[$check]}"
done
exit 1
