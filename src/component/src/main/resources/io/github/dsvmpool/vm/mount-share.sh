#!/usr/bin/env bash
# mount-share.sh - mounts the pool's Azure Files share on a Data Science VM and gives every user a workspace.
#
# Shipped in the dsvm-pool jar. MountScript.render() puts the parameters in front of this body as shell
# variable assignments, and the CustomScript extension (2.1) runs the result as root from
# protectedSettings.script. It can also be run by hand with the parameters in the environment.
#
# Parameters:
#   DSVM_STORAGE_ACCOUNT  storage account name (3-24 lowercase letters and digits)
#   DSVM_SHARE_NAME       file share name
#   DSVM_MOUNT_POINT      absolute mount point, e.g. /datamnt/dsvmshare
#   DSVM_ENDPOINT_SUFFIX  storage endpoint suffix: core.windows.net, core.chinacloudapi.cn, core.usgovcloudapi.net
#   DSVM_ADMIN_USER       the VM's admin user (gets a workspace like every other user)
#   DSVM_PROTOCOL         smb (SMB 3.1.1 with the account key) or nfs (NFS 4.1, no key, Premium shares only)
#   DSVM_STORAGE_KEY      storage account key, smb only. Never exported, printed or passed as an argument:
#                         it reaches the disk only in /etc/smbcredentials/<account>.cred (root, mode 600).
#   DSVM_KEY_VAULT_URL    smb without DSVM_STORAGE_KEY: the key is read at mount time from this Key Vault
#                         (https://<vault>.vault.azure.net) as secret DSVM_KEY_VAULT_SECRET, with a token of the
#                         user-assigned identity DSVM_IDENTITY_CLIENT_ID from IMDS for DSVM_KEY_VAULT_RESOURCE
#                         (https://vault.azure.net). The token reaches curl through a config file descriptor,
#                         never an argument; neither token nor key is printed.
#
# What it does, every step idempotent (a second run changes nothing):
#   1. installs cifs-utils or nfs-common when the mount helper is missing (apt-get, retried);
#   2. smb: writes /etc/smbcredentials/<account>.cred (username=/password=, mode 600; rewritten atomically
#      when the key changes);
#   3. writes one /etc/fstab line for the mount point (replacing any earlier line for that mount point) with
#      _netdev,nofail,x-systemd.automount so a boot never waits for an unreachable share;
#   4. checks that <account>.file.<suffix> answers on port 445 (smb) or 2049 (nfs); smb: if smbclient is
#      installed, logs on with the credentials file to tell a wrong key from a missing share;
#   5. mounts the share unless it is already mounted from the same source (an existing mount is left alone;
#      a mount of another share at the mount point is replaced);
#   6. workspaces: <mount>/notebooks/<user> on the share, ~/<mount point's last name> -> <mount> and
#      ~/notebooks/remote -> <mount>/notebooks/<user>, for the admin and every regular user (uid 1000-59999
#      with a login shell and a home directory);
#   7. users added later: /etc/skel/<mount point's last name> -> <mount> (copied by useradd -m / adduser),
#      and /etc/profile.d/dsvm-workspace.sh, a login hook that creates the user's notebooks folder and
#      ~/notebooks/remote at their first login shell (ssh, or a JupyterLab terminal).
#
# SMB mount options: vers=3.1.1,credentials=...,uid=<admin>,gid=<admin's group>,dir_mode=0777,file_mode=0777,
#   serverino,nosharesock,actimeo=30,mfsymlinks. A key-mounted SMB share has no per-user permissions (every
#   file shows the uid/gid of the mount), so the share is a team folder: everyone on the pool may read and
#   write everything, as in the original template. NFS 4.1 options: vers=4,minorversion=1,sec=sys,nconnect=4
#   (POSIX permissions by numeric uid; notebooks/ is 1777 and each user's folder is theirs).
#
# Exit codes:
#    0  share mounted (or already mounted) and workspaces in place
#    1  unexpected error (the line of the failing command is logged)
#   10  invalid or missing parameter
#   11  the mount helper package (cifs-utils / nfs-common) could not be installed
#   12  storage host unreachable: its name does not resolve, or port 445 (smb) / 2049 (nfs) is blocked/refused
#   13  authentication refused: wrong key, shared-key access disabled, or (nfs) access denied by the server
#   14  the share does not exist
#   15  mount failed for another reason
#   16  Key Vault or IMDS unreachable, or no token for the identity (after retries)
#   17  the key's secret is missing, empty or not readable by the identity (after retries for a new role)
#
# Every log line starts with [dsvm-mount]; errors go to stderr. The last 4 KB of both are visible in the
# scale set's extension status, so nothing secret is ever printed.
#
# Test hooks (unset in production; used by src/test/shell):
#   DSVM_ROOT            prefix for every path the script touches (/etc/fstab, /etc/passwd,
#                        /etc/smbcredentials, /etc/skel, /etc/profile.d, /proc/self/mounts, /run/systemd,
#                        /sbin, /usr/sbin, the homes and the mount point). What the system itself reads
#                        (the fstab line, the options of mount) names the unprefixed credentials file.
#   DSVM_MOUNT_CMD, DSVM_UMOUNT_CMD, DSVM_SYSTEMCTL_CMD   commands used instead of mount, umount, systemctl
#   DSVM_INSTALL_CMD     command called as `CMD <package>` when the mount helper is missing (default: apt-get)
#   DSVM_PACKAGES_BUSY_CMD  command that succeeds while package updates run (default: the apt services and
#                        dpkg's lock; empty: never busy); DSVM_PACKAGES_WAIT_SECONDS (1200),
#                        DSVM_PACKAGES_POLL_SECONDS (10)
#   DSVM_PROBE_CMD       command called as `CMD <host> <port>`: 0 reachable, 2 name does not resolve, else not
#   DSVM_SMBCLIENT_CMD   smbclient used for the logon check (default: smbclient if installed; empty: no check)
#   DSVM_SMB_ADDRESS, DSVM_SMB_PORT   address and port the probe and smbclient connect to (default: the
#                        storage host, 445 or 2049)
#   DSVM_RETRIES (5), DSVM_RETRY_DELAY (5 s, doubled each time, at most 60), DSVM_PROBE_TIMEOUT (10 s)
#   DSVM_IMDS_ENDPOINT (http://169.254.169.254), DSVM_CURL_CMD (curl), DSVM_KEY_VAULT_RETRIES (20: about
#                        16 minutes with the delays doubling to 60 s, past the up to 10 minutes a new Key Vault
#                        role assignment may take to apply: Azure/devops-governance issue 22)
set -Eeuo pipefail
umask 022

# The key stays a plain shell variable: child processes never see it in their environment.
export -n DSVM_STORAGE_KEY 2>/dev/null || true

readonly LOG_PREFIX='[dsvm-mount]'
log() { printf '%s %s\n' "$LOG_PREFIX" "$*"; }
warn() { printf '%s WARNING: %s\n' "$LOG_PREFIX" "$*" >&2; }
DIED=0 ERR_LINE='?'
die() {
  local code=$1
  shift
  printf '%s ERROR: %s (exit %s)\n' "$LOG_PREFIX" "$*" "$code" >&2
  DIED=1
  exit "$code"
}
# Any other failure (set -e) ends with exit 1 and the line of the command that failed.
on_exit() {
  local status=$?
  if ((status != 0 && DIED == 0)); then
    printf '%s ERROR: unexpected failure at line %s (status %s)\n' "$LOG_PREFIX" "$ERR_LINE" "$status" >&2
    exit 1
  fi
}
trap 'ERR_LINE=$LINENO' ERR
trap on_exit EXIT
# Last 300 characters of a command's output, on one line.
one_line() {
  local s=${1//$'\n'/ | }
  ((${#s} <= 300)) || s="...${s: -300}"
  printf '%s' "$s"
}

readonly EXIT_USAGE=10 EXIT_INSTALL=11 EXIT_UNREACHABLE=12 EXIT_AUTH=13 EXIT_NO_SHARE=14 EXIT_MOUNT=15
readonly EXIT_KEY_VAULT=16 EXIT_NO_SECRET=17

# ---------------------------------------------------------------------------------------------------------
# The key from Key Vault (DSVM_KEY_VAULT_URL): IMDS token of the user-assigned identity, then the secret
# ---------------------------------------------------------------------------------------------------------

# The string value of "$1" in the JSON object on stdin (values without quotes or backslashes other than \/,
# as tokens and base64 storage keys are).
json_value() {
  sed -n 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"\([^"\\]*\(\\\/[^"\\]*\)*\)".*/\1/p' | sed 's|\\/|/|g' | head -n 1
}

# GET $1 with curl (headers from the config text $2, given through a file descriptor); sets HTTP_BODY and
# HTTP_STATUS (000 when there was no answer).
http_get() {
  local output
  output=$("$CURL_CMD" -sS --max-time 10 -w '\n%{http_code}' --config <(printf '%s\n' "$2") "$1" 2>/dev/null) || true
  HTTP_STATUS=${output##*$'\n'}
  HTTP_BODY=${output%$'\n'*}
  [[ $HTTP_STATUS =~ ^[0-9]{3}$ ]] || HTTP_STATUS=000
}

key_from_vault() {
  local vault=${DSVM_KEY_VAULT_URL%/} secret=${DSVM_KEY_VAULT_SECRET:-} client=${DSVM_IDENTITY_CLIENT_ID:-}
  local resource=${DSVM_KEY_VAULT_RESOURCE:-https://vault.azure.net} imds=${DSVM_IMDS_ENDPOINT:-http://169.254.169.254}
  local retries=${DSVM_KEY_VAULT_RETRIES:-20} delay=${DSVM_RETRY_DELAY:-5} attempt=1 token='' key='' error
  local audience
  CURL_CMD=${DSVM_CURL_CMD:-curl}
  [[ $vault =~ ^https?://[A-Za-z0-9.:-]+$ ]] || die "$EXIT_USAGE" "DSVM_KEY_VAULT_URL must be https://<vault>.vault.azure.net"
  [[ $secret =~ ^[A-Za-z0-9-]{1,127}$ ]] || die "$EXIT_USAGE" "DSVM_KEY_VAULT_SECRET must be a secret name"
  [[ $client =~ ^[0-9a-fA-F-]{36}$ ]] || die "$EXIT_USAGE" "DSVM_IDENTITY_CLIENT_ID must be the identity's client id"
  [[ $resource =~ ^https://[a-z0-9.-]+$ ]] || die "$EXIT_USAGE" "DSVM_KEY_VAULT_RESOURCE must be https://vault.azure.net or a sovereign cloud's"
  audience=${resource//:/%3A}
  audience=${audience//\//%2F}
  log "storage key: reading secret $secret from $vault with identity $client"
  while :; do
    http_get "$imds/metadata/identity/oauth2/token?api-version=2018-02-01&resource=$audience&client_id=$client" \
      'header = "Metadata: true"'
    if [[ $HTTP_STATUS == 200 ]]; then
      token=$(json_value access_token <<<"$HTTP_BODY")
    fi
    if [[ -n $token ]]; then
      http_get "$vault/secrets/$secret?api-version=7.4" "header = \"Authorization: Bearer $token\""
      token=''
      case $HTTP_STATUS in
        200)
          key=$(json_value value <<<"$HTTP_BODY")
          HTTP_BODY=''
          [[ -n $key ]] || die "$EXIT_NO_SECRET" "secret $secret in $vault is empty"
          DSVM_STORAGE_KEY=$key
          key=''
          log "storage key: read from $vault (secret $secret)"
          return 0
          ;;
        404) die "$EXIT_NO_SECRET" "secret $secret does not exist in $vault" ;;
        401 | 403) error="not allowed to read secret $secret (HTTP $HTTP_STATUS): the identity needs Key Vault Secrets User on $vault (a new role assignment can take minutes)" ;;
        000) error="cannot reach $vault" ;;
        *) error="Key Vault answered HTTP $HTTP_STATUS" ;;
      esac
    else
      error="no token from IMDS for identity $client (HTTP $HTTP_STATUS$(error=$(json_value error <<<"$HTTP_BODY"); [[ -z $error ]] || printf ', %s' "$error"))"
    fi
    HTTP_BODY=''
    if ((attempt >= retries)); then
      case $error in
        "not allowed"*) die "$EXIT_NO_SECRET" "$error" ;;
        *) die "$EXIT_KEY_VAULT" "$error" ;;
      esac
    fi
    log "storage key: $error (attempt $attempt of $retries); retrying in ${delay}s"
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2 > 60 ? 60 : delay * 2))
  done
}

# ---------------------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------------------
for name in DSVM_STORAGE_ACCOUNT DSVM_SHARE_NAME DSVM_MOUNT_POINT DSVM_ENDPOINT_SUFFIX DSVM_ADMIN_USER \
  DSVM_PROTOCOL; do
  [[ -n "${!name:-}" ]] || die "$EXIT_USAGE" "parameter $name is missing"
done
DSVM_STORAGE_KEY=${DSVM_STORAGE_KEY:-}
readonly ACCOUNT=$DSVM_STORAGE_ACCOUNT SHARE=$DSVM_SHARE_NAME MOUNT_POINT=${DSVM_MOUNT_POINT%/} \
  SUFFIX=$DSVM_ENDPOINT_SUFFIX ADMIN=$DSVM_ADMIN_USER PROTOCOL=$DSVM_PROTOCOL

[[ $ACCOUNT =~ ^[a-z0-9]{3,24}$ ]] ||
  die "$EXIT_USAGE" "DSVM_STORAGE_ACCOUNT must be 3-24 lowercase letters and digits"
[[ $SHARE =~ ^[a-z0-9]([a-z0-9-]{1,61})[a-z0-9]$ && $SHARE != *--* ]] ||
  die "$EXIT_USAGE" "DSVM_SHARE_NAME must be 3-63 lowercase letters, digits and single hyphens"
[[ $MOUNT_POINT == /?* && $MOUNT_POINT != *[[:cntrl:]]* && /$MOUNT_POINT/ != */../* && /$MOUNT_POINT/ != */./* ]] ||
  die "$EXIT_USAGE" "DSVM_MOUNT_POINT must be an absolute path other than / without . or .. parts"
[[ $SUFFIX =~ ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$ ]] ||
  die "$EXIT_USAGE" "DSVM_ENDPOINT_SUFFIX must be a DNS suffix such as core.windows.net"
[[ $ADMIN =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || die "$EXIT_USAGE" "DSVM_ADMIN_USER is not a valid user name"
DSVM_KEY_VAULT_URL=${DSVM_KEY_VAULT_URL:-}
if [[ $PROTOCOL == smb && -z $DSVM_STORAGE_KEY && -n $DSVM_KEY_VAULT_URL ]]; then
  key_from_vault
fi
case $PROTOCOL in
  smb)
    [[ -n $DSVM_STORAGE_KEY ]] || die "$EXIT_USAGE" "DSVM_STORAGE_KEY is required for smb (or DSVM_KEY_VAULT_URL to read it from Key Vault)"
    [[ $DSVM_STORAGE_KEY != *[[:cntrl:]]* ]] || die "$EXIT_USAGE" "DSVM_STORAGE_KEY contains a control character"
    ;;
  nfs) ;;
  *) die "$EXIT_USAGE" "DSVM_PROTOCOL must be smb or nfs" ;;
esac

readonly ROOT=${DSVM_ROOT:-}
readonly HOST="$ACCOUNT.file.$SUFFIX"
readonly MOUNT_CMD=${DSVM_MOUNT_CMD:-mount} UMOUNT_CMD=${DSVM_UMOUNT_CMD:-umount}
readonly SYSTEMCTL_CMD=${DSVM_SYSTEMCTL_CMD:-systemctl}
# Waiting for first-boot package updates: at most this long, polling every interval (seconds).
readonly PACKAGES_WAIT=${DSVM_PACKAGES_WAIT_SECONDS:-1200} PACKAGES_POLL=${DSVM_PACKAGES_POLL_SECONDS:-10}
readonly RETRIES=${DSVM_RETRIES:-5} RETRY_DELAY=${DSVM_RETRY_DELAY:-5} PROBE_TIMEOUT=${DSVM_PROBE_TIMEOUT:-10}
readonly MOUNT_DIR="$ROOT$MOUNT_POINT"        # where this script (and the links) find the share
readonly LINK_NAME=${MOUNT_POINT##*/}          # ~/<LINK_NAME> -> the share
[[ $LINK_NAME != notebooks ]] || die "$EXIT_USAGE" "DSVM_MOUNT_POINT must not end in /notebooks"
readonly CRED_FILE="/etc/smbcredentials/$ACCOUNT.cred"

if [[ $PROTOCOL == smb ]]; then
  readonly FSTYPE=cifs PACKAGE=cifs-utils HELPER=mount.cifs DEFAULT_PORT=445
  readonly SOURCE="//$HOST/$SHARE"
else
  readonly FSTYPE=nfs PACKAGE=nfs-common HELPER=mount.nfs DEFAULT_PORT=2049
  readonly SOURCE="$HOST:/$ACCOUNT/$SHARE"
fi
readonly SMB_ADDRESS=${DSVM_SMB_ADDRESS:-$HOST} SMB_PORT=${DSVM_SMB_PORT:-$DEFAULT_PORT}

# ---------------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------------

# Runs "$@" up to RETRIES times with a doubling delay; its combined output of the last attempt is kept in
# RETRY_OUTPUT and its status returned.
RETRY_OUTPUT=''
retry() {
  local what=$1 attempt=1 delay=$RETRY_DELAY status
  shift
  while :; do
    status=0
    RETRY_OUTPUT=$("$@" 2>&1) || status=$?
    ((status != 0)) || return 0
    ((attempt < RETRIES)) || return "$status"
    log "$what failed (attempt $attempt of $RETRIES, exit $status): $(one_line "$RETRY_OUTPUT"); retrying in ${delay}s"
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2 > 60 ? 60 : delay * 2))
  done
}

# The escaping of fstab and /proc/self/mounts: space, tab, newline and backslash as octal.
fstab_escape() {
  local s=${1//\\/\\134}
  s=${s// /\\040}
  s=${s//$'\t'/\\011}
  printf '%s' "${s//$'\n'/\\012}"
}

# Single-quotes a string for sh.
sh_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# Writes stdin to a file atomically (temporary file in the same folder, then rename) with the given mode,
# unless the file already has exactly that content and mode. Prints "changed" or "unchanged".
write_file() {
  local file=$1 mode=$2 content tmp
  content=$(cat; printf x)
  content=${content%x}
  if [[ -f $file && ! -L $file && $(stat -c %a "$file") == "${mode#0}" ]] &&
    [[ "$(cat "$file"; printf x)" == "${content}x" ]]; then
    echo unchanged
    return
  fi
  tmp=$(mktemp "$(dirname "$file")/.dsvm-mount.XXXXXX")
  printf '%s' "$content" >"$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$file"
  echo changed
}

# A symbolic link, created or corrected; a real file or folder in its place is left alone.
ensure_link() {
  local target=$1 link=$2 owner=$3
  if [[ -L $link ]]; then
    [[ $(readlink "$link") != "$target" ]] || return 0
  elif [[ -e $link ]]; then
    warn "$link exists and is not a link; left alone"
    return 0
  fi
  # -n: never follow an existing link to a folder (a second plain `ln -s` would nest a link in the share)
  ln -sfn "$target" "$link"
  chown -h "$owner" "$link"
  log "link $link -> $target"
}

# /proc/self/mounts entries at the mount point: sets MOUNTED_SOURCE (top non-autofs source) and AUTOFS=1 if
# a systemd automount is armed there.
MOUNTED_SOURCE='' AUTOFS=0
read_mounts() {
  local esc src target fstype rest
  esc=$(fstab_escape "$MOUNT_DIR")
  MOUNTED_SOURCE='' AUTOFS=0
  [[ -r "$ROOT/proc/self/mounts" ]] || return 0
  while read -r src target fstype rest; do
    [[ $target == "$esc" ]] || continue
    if [[ $fstype == autofs ]]; then AUTOFS=1; else MOUNTED_SOURCE=$src; fi
  done <"$ROOT/proc/self/mounts"
}

systemd_running() { [[ -d "$ROOT/run/systemd/system" && -n $SYSTEMCTL_CMD ]]; }

# systemd's path escaping (systemd-escape --path) of the mount point, for its automount unit's name.
unit_name() {
  local path=${MOUNT_POINT#/} out='' c i
  for ((i = 0; i < ${#path}; i++)); do
    c=${path:i:1}
    if [[ $c == / ]]; then out+=-
    elif [[ $c =~ [a-zA-Z0-9:_] || ($c == . && i -gt 0) ]]; then out+=$c
    else out+=$(printf '\\x%02x' "'$c"); fi
  done
  printf '%s.%s' "$out" "$1"
}

# Default reachability probe: 0 reachable, 2 the name does not resolve, 1 no TCP connection.
probe_tcp() {
  local host=$1 port=$2
  [[ $host =~ ^[0-9.]+$ ]] || getent hosts "$host" >/dev/null || {
    echo "cannot resolve $host"
    return 2
  }
  # shellcheck disable=SC2016 # $0 and $1 are expanded by the inner bash
  timeout "$PROBE_TIMEOUT" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null || {
    echo "no TCP connection to $host port $port"
    return 1
  }
}

install_package() {
  DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 update &&
    DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600 install "$1"
}

# Busy while a package run holds dpkg: the apt timers' services (first-boot unattended upgrades run in
# apt-daily-upgrade.service) or any process on dpkg's lock.
packages_busy() {
  if [[ -n ${DSVM_PACKAGES_BUSY_CMD+set} ]]; then
    [[ -n $DSVM_PACKAGES_BUSY_CMD ]] && "$DSVM_PACKAGES_BUSY_CMD"
    return
  fi
  if systemd_running && "$SYSTEMCTL_CMD" is-active --quiet apt-daily.service apt-daily-upgrade.service 2>/dev/null; then
    return 0
  fi
  command -v fuser >/dev/null && fuser "$ROOT/var/lib/dpkg/lock-frontend" "$ROOT/var/lib/dpkg/lock" >/dev/null 2>&1
}

# First-boot unattended upgrades hold the dpkg lock for minutes. The Entra ID login extension installs a
# package and provisions after this script (provisionAfterExtensions); a held lock fails it, and with it the
# scale set (Azure/azure-linux-extensions issue 1318). Waiting here keeps it, and our own apt-get, out of that
# race; bounded, since a stuck update must not stop the mount.
wait_for_package_updates() {
  local waited=0
  while packages_busy; do
    if ((waited >= PACKAGES_WAIT)); then
      warn "package updates still running after ${PACKAGES_WAIT}s; going on"
      return
    fi
    ((waited % 60 != 0)) || log "waiting for package updates (apt/dpkg busy) to finish"
    sleep "$PACKAGES_POLL"
    waited=$((waited + PACKAGES_POLL))
  done
  ((waited == 0)) || log "package updates finished after ${waited}s"
}

have_helper() { [[ -x "$ROOT/sbin/$HELPER" || -x "$ROOT/usr/sbin/$HELPER" ]]; }

# Maps the text of a failed smbclient, mount.cifs or mount.nfs to an exit code and message.
classify_failure() {
  local text=$1
  case $text in
    *NT_STATUS_LOGON_FAILURE* | *NT_STATUS_ACCESS_DENIED* | *NT_STATUS_ACCOUNT_DISABLED* | *"error(13)"* | \
      *"Permission denied"* | *"access denied by server"*)
      die "$EXIT_AUTH" "authentication refused by $HOST for share $SHARE: check the storage account key, that shared-key access is allowed, and (nfs) the network rules" ;;
    *NT_STATUS_BAD_NETWORK_NAME* | *"error(2)"* | *"No such file or directory"*)
      die "$EXIT_NO_SHARE" "share $SHARE does not exist in storage account $ACCOUNT" ;;
    *NT_STATUS_CONNECTION_REFUSED* | *NT_STATUS_IO_TIMEOUT* | *NT_STATUS_HOST_UNREACHABLE* | \
      *NT_STATUS_NETWORK_UNREACHABLE* | *NT_STATUS_CONNECTION_RESET* | *"error(112)"* | *"error(113)"* | \
      *"error(110)"* | *"error(115)"* | *"Host is down"* | *"No route to host"* | *"timed out"* | \
      *"Connection refused"* | *"could not resolve"* | *"resolve address"*)
      die "$EXIT_UNREACHABLE" "cannot reach $HOST port $SMB_PORT: check outbound traffic to the storage account" ;;
  esac
  die "$EXIT_MOUNT" "mounting $SOURCE on $MOUNT_POINT failed: $(one_line "$text")"
}

# ---------------------------------------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------------------------------------
ensure_package() {
  if have_helper; then
    log "$HELPER present"
    return
  fi
  log "installing $PACKAGE"
  retry "installing $PACKAGE" "${DSVM_INSTALL_CMD:-install_package}" "$PACKAGE" ||
    die "$EXIT_INSTALL" "could not install $PACKAGE: $(one_line "$RETRY_OUTPUT")"
  have_helper || die "$EXIT_INSTALL" "$PACKAGE installed but $HELPER not found"
}

# The key reaches the file through printf (a bash builtin) and a redirection: it never is an argument of a
# program and never sits in a file that others can read (umask 077, then mode 600, then rename).
write_credentials() {
  local dir="$ROOT/etc/smbcredentials" content result
  (umask 077 && mkdir -p "$dir")
  chmod 700 "$dir"
  printf -v content 'username=%s\npassword=%s\n' "$ACCOUNT" "$DSVM_STORAGE_KEY"
  result=$(umask 077 && write_file "$ROOT$CRED_FILE" 600 <<<"${content%$'\n'}")
  log "credentials file $CRED_FILE $result"
}

mount_options() {
  if [[ $PROTOCOL == smb ]]; then
    printf 'vers=3.1.1,credentials=%s,uid=%s,gid=%s,dir_mode=0777,file_mode=0777,serverino,nosharesock,actimeo=30,mfsymlinks' \
      "$1" "$ADMIN_UID" "$ADMIN_GID"
  else
    printf 'vers=4,minorversion=1,sec=sys,nconnect=4'
  fi
}

FSTAB_CHANGED=0
write_fstab() {
  local fstab="$ROOT/etc/fstab" esc line entry kept='' found=0 src target rest result
  esc=$(fstab_escape "$MOUNT_POINT")
  entry="$SOURCE $esc $FSTYPE $(mount_options "$CRED_FILE"),_netdev,nofail,x-systemd.automount 0 0"
  if [[ -f $fstab ]]; then
    while IFS= read -r line || [[ -n $line ]]; do
      read -r src target rest <<<"$line" || true
      if [[ $src != \#* && $target == "$esc" ]]; then
        [[ $found == 0 ]] && kept+="$entry"$'\n'
        found=1
        [[ $line == "$entry" ]] || log "replacing fstab line: $line"
        continue
      fi
      kept+="$line"$'\n'
    done <"$fstab"
  fi
  [[ $found == 1 ]] || kept+="$entry"$'\n'
  result=$(write_file "$fstab" 644 <<<"${kept%$'\n'}")
  [[ $result == unchanged ]] || FSTAB_CHANGED=1
  log "fstab entry for $MOUNT_POINT $result: $entry"
}

# For users created later: useradd -m / adduser copy /etc/skel (the link to the share), and the login hook
# creates the user's notebooks folder and ~/notebooks/remote.
write_skel_and_hook() {
  mkdir -p "$ROOT/etc/skel/notebooks" "$ROOT/etc/profile.d"
  ensure_link "$MOUNT_DIR" "$ROOT/etc/skel/$LINK_NAME" 0:0
  local share link_name result
  share=$(sh_quote "$MOUNT_DIR")
  link_name=$(sh_quote "$LINK_NAME")
  result=$(write_file "$ROOT/etc/profile.d/dsvm-workspace.sh" 644 <<EOF
# dsvm-pool: gives the logged-in user a workspace on the team share at login.
# Written by the pool's mount script; it is rewritten on every run, do not edit.
# shellcheck disable=SC2016 # the values are literal
dsvm_ws_share=$share
dsvm_ws_link=$link_name
if [ "\$(id -u 2>/dev/null)" != 0 ] && [ -n "\${HOME:-}" ] && [ -d "\$HOME" ] && [ -w "\$HOME" ] &&
  { [ ! -L "\$HOME/notebooks/remote" ] || [ ! -L "\$HOME/\$dsvm_ws_link" ]; }; then
  dsvm_ws_user=\$(id -un 2>/dev/null) || dsvm_ws_user=''
  # the share is mounted on demand: bound the wait, and never write to the bare mount point folder
  if [ -n "\$dsvm_ws_user" ] && timeout 10 test -d "\$dsvm_ws_share/notebooks"; then
    [ -d "\$dsvm_ws_share/notebooks/\$dsvm_ws_user" ] || mkdir "\$dsvm_ws_share/notebooks/\$dsvm_ws_user" 2>/dev/null || :
    [ -e "\$HOME/\$dsvm_ws_link" ] || [ -L "\$HOME/\$dsvm_ws_link" ] || ln -s "\$dsvm_ws_share" "\$HOME/\$dsvm_ws_link" 2>/dev/null || :
    [ -L "\$HOME/notebooks" ] || mkdir -p "\$HOME/notebooks" 2>/dev/null || :
    [ -L "\$HOME/notebooks" ] || [ -e "\$HOME/notebooks/remote" ] || [ -L "\$HOME/notebooks/remote" ] ||
      ln -s "\$dsvm_ws_share/notebooks/\$dsvm_ws_user" "\$HOME/notebooks/remote" 2>/dev/null || :
  fi
  unset dsvm_ws_user
fi
unset dsvm_ws_share dsvm_ws_link
EOF
  )
  log "login hook /etc/profile.d/dsvm-workspace.sh $result"
}

reach_share() {
  local status=0
  log "checking $HOST port $SMB_PORT${DSVM_SMB_ADDRESS:+ (at $SMB_ADDRESS)}"
  retry "connecting to $HOST port $SMB_PORT" "${DSVM_PROBE_CMD:-probe_tcp}" "$SMB_ADDRESS" "$SMB_PORT" || status=$?
  case $status in
    0) ;;
    2) die "$EXIT_UNREACHABLE" "cannot resolve $HOST: check the storage account name and endpoint suffix, and DNS" ;;
    *) die "$EXIT_UNREACHABLE" "cannot reach $HOST port $SMB_PORT (blocked or refused): outbound TCP $SMB_PORT must be allowed" ;;
  esac
}

# A logon with the credentials file (smbclient -A reads it: no key on the command line), when smbclient is
# installed: its NT_STATUS codes tell a wrong key from a missing share before mount.cifs is involved.
verify_logon() {
  local smbclient
  if [[ -n ${DSVM_SMBCLIENT_CMD+set} ]]; then smbclient=$DSVM_SMBCLIENT_CMD
  else smbclient=$(command -v smbclient || true); fi
  if [[ -z $smbclient ]]; then
    log "smbclient not installed; skipping the logon check"
    return
  fi
  log "logging on to //$HOST/$SHARE with $CRED_FILE"
  local address=()
  [[ -z ${DSVM_SMB_ADDRESS:-} ]] || address=(-I "$DSVM_SMB_ADDRESS")
  if ! retry "logon to //$HOST/$SHARE" "$smbclient" -A "$ROOT$CRED_FILE" -m SMB3 "${address[@]}" -p "$SMB_PORT" \
    "//$HOST/$SHARE" -c 'ls'; then
    # Only a refused logon or a missing share settles it here; anything else smbclient stumbles on (a dialect
    # it cannot negotiate, an unexpected answer) is left to mount.cifs, whose own failure is classified.
    case $RETRY_OUTPUT in
      *NT_STATUS_LOGON_FAILURE* | *NT_STATUS_ACCESS_DENIED* | *NT_STATUS_ACCOUNT_DISABLED* | \
        *NT_STATUS_BAD_NETWORK_NAME*) classify_failure "$RETRY_OUTPUT" ;;
    esac
    warn "logon check inconclusive ($(one_line "$RETRY_OUTPUT")); mounting anyway"
    return
  fi
  log "logon to //$HOST/$SHARE accepted"
}

mount_share() {
  read_mounts
  if [[ $MOUNTED_SOURCE == "$SOURCE" ]]; then
    log "$SOURCE already mounted on $MOUNT_POINT; left untouched"
    return
  fi
  if [[ $AUTOFS == 1 ]] && systemd_running; then
    log "stopping the automount unit armed on $MOUNT_POINT"
    "$SYSTEMCTL_CMD" stop "$(unit_name automount)" || warn "could not stop $(unit_name automount)"
  fi
  if [[ -n $MOUNTED_SOURCE ]]; then
    log "unmounting $MOUNTED_SOURCE from $MOUNT_POINT (another share)"
    "$UMOUNT_CMD" "$MOUNT_DIR" || "$UMOUNT_CMD" -l "$MOUNT_DIR" ||
      die "$EXIT_MOUNT" "cannot unmount $MOUNTED_SOURCE from $MOUNT_POINT"
  fi
  log "mounting $SOURCE on $MOUNT_POINT"
  retry "mounting $SOURCE" "$MOUNT_CMD" -t "$FSTYPE" "$SOURCE" "$MOUNT_DIR" -o "$(mount_options "$ROOT$CRED_FILE")" ||
    classify_failure "$RETRY_OUTPUT"
  log "mounted $SOURCE on $MOUNT_POINT"
}

# <mount>/notebooks/<user> and the user's links.
setup_user() {
  local user=$1 uid=$2 gid=$3 home="$ROOT$4"
  if [[ ! -d $home ]]; then
    warn "home of $user ($4) missing; no workspace"
    return
  fi
  if [[ ! -d "$MOUNT_DIR/notebooks/$user" ]]; then
    mkdir "$MOUNT_DIR/notebooks/$user"
    chown "$uid:$gid" "$MOUNT_DIR/notebooks/$user" 2>/dev/null || true # only meaningful on nfs
    log "created notebooks/$user on the share"
  fi
  ensure_link "$MOUNT_DIR" "$home/$LINK_NAME" "$uid:$gid"
  if [[ -L "$home/notebooks" ]]; then
    warn "$home/notebooks is a link; ~/notebooks/remote of $user left alone"
    return
  fi
  if [[ ! -d "$home/notebooks" ]]; then
    mkdir "$home/notebooks"
    chown "$uid:$gid" "$home/notebooks"
  fi
  ensure_link "$MOUNT_DIR/notebooks/$user" "$home/notebooks/remote" "$uid:$gid"
}

setup_workspaces() {
  if [[ ! -d "$MOUNT_DIR/notebooks" ]]; then
    mkdir "$MOUNT_DIR/notebooks"
    chmod 1777 "$MOUNT_DIR/notebooks" 2>/dev/null || true # nfs: like /tmp; smb: dir_mode decides
  fi
  local name uid gid home shell _
  while IFS=: read -r name _ uid gid _ home shell || [[ -n $name ]]; do
    [[ $name == "$ADMIN" ]] ||
      { [[ $uid =~ ^[0-9]+$ ]] && ((uid >= 1000 && uid < 60000)) && [[ $shell != */nologin && $shell != */false ]]; } ||
      continue
    setup_user "$name" "$uid" "$gid" "$home"
  done <"$ROOT/etc/passwd"
}

# ---------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------
log "start: $PROTOCOL share $SHARE of $ACCOUNT ($HOST) on $MOUNT_POINT for admin $ADMIN"
ADMIN_UID='' ADMIN_GID=''
while IFS=: read -r name _ uid gid _; do
  if [[ $name == "$ADMIN" ]]; then ADMIN_UID=$uid ADMIN_GID=$gid; fi
done <"$ROOT/etc/passwd"
[[ -n $ADMIN_UID ]] || die "$EXIT_USAGE" "admin user $ADMIN does not exist on this VM"

wait_for_package_updates
ensure_package
mkdir -p "$MOUNT_DIR"
[[ $PROTOCOL != smb ]] || write_credentials
write_fstab
if systemd_running && [[ $FSTAB_CHANGED == 1 ]]; then
  "$SYSTEMCTL_CMD" daemon-reload || warn "systemctl daemon-reload failed"
fi
write_skel_and_hook
reach_share
[[ $PROTOCOL != smb ]] || verify_logon
mount_share
setup_workspaces
log "done: $SOURCE on $MOUNT_POINT, workspaces in place"
