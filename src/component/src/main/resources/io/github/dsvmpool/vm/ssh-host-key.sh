#!/usr/bin/env bash
# dsvm-pool: installs the pool's one SSH host key (SshHostKey), so that every VM of the pool answers with the
# same key behind the pool's address and its per-VM ports, after scale-in, the nightly scale to zero and a
# reimage (the extension runs again on a reimaged or new VM).
#
# Input (set by the rendered script's header, never exported): DSVM_SSH_HOST_PUBLIC_KEY (the `ssh-ed25519 ...`
# line) and DSVM_SSH_HOST_PRIVATE_KEY (the OpenSSH private key file in base64; it comes only from the
# extension's protectedSettings). Neither given: the VM keeps its own host keys.
#
# What it does:
#   - /etc/ssh/dsvm_pool_host_ed25519_key (0600 root) and .pub (0644): a name of its own, so that cloud-init's
#     and the agent's regeneration of /etc/ssh/ssh_host_*key* never touches it and the VM's own keys stay for a
#     rollback. The private key is decoded into a root-only temporary file next to it, checked with
#     `ssh-keygen -y` against the public line, and moved into place only when its content changed.
#   - /etc/ssh/sshd_config.d/dsvm-pool-host-key.conf: `HostKey` naming that file. With at least one HostKey
#     line sshd loads only the keys named (sshd_config(5) HostKey); Ubuntu's sshd_config includes
#     sshd_config.d/*.conf first and names none itself. `sshd -t` must accept the result, else the drop-in is
#     removed (sshd keeps the VM's own keys); `sshd -T` shows which keys sshd would offer.
#   - sshd is reloaded (try-reload-or-restart ssh.service: a running sshd re-reads its keys, open sessions go
#     on; a socket-activated one not yet started reads them when it starts) only when a file changed.
# Idempotent: a second run writes nothing and reloads nothing. Never prints the private key: only the
# fingerprint. A failure is logged and makes dsvm_hostkey_install return non-zero; the script carries on.
#
# Test hooks: DSVM_ROOT (prefix for every path, also in the drop-in's HostKey line), DSVM_SYSTEMCTL_CMD
# (default systemctl), DSVM_SSHD_CMD (default /usr/sbin/sshd; called as CMD -t|-T -f CONFIG),
# DSVM_SSH_KEYGEN_CMD (default ssh-keygen).

dsvm_hostkey_log() {
  printf '[dsvm-hostkey] %s\n' "$*" >&2
}

# Gives the existing file $1 mode $2 and owner root, without touching it when they are right already.
dsvm_hostkey_own() {
  [[ $(stat -c %a "$1") == "$2" ]] || chmod "$2" "$1" || return 1
  ((EUID != 0)) || [[ $(stat -c %u:%g "$1") == 0:0 ]] || chown 0:0 "$1"
}

# Moves the root-only temporary file $1 to $2 with mode $3, atomically. Returns 0, or 2 on failure ($1 removed).
dsvm_hostkey_move() {
  if ! dsvm_hostkey_own "$1" "$3" || ! mv -f "$1" "$2"; then
    rm -f "$1"
    return 2
  fi
}

# Makes $1 hold the text $3 with mode $2. Returns 0 when it changed, 1 when it was up to date (nothing
# written), 2 on failure.
dsvm_hostkey_write() {
  local target=$1 mode=$2 text=$3 temporary
  if [[ -f $target ]] && cmp -s <(printf '%s' "$text") "$target"; then
    dsvm_hostkey_own "$target" "$mode" || return 2
    return 1
  fi
  temporary=$(umask 077 && mktemp "$target.XXXXXX") || return 2
  if ! printf '%s' "$text" >"$temporary"; then
    rm -f "$temporary"
    return 2
  fi
  dsvm_hostkey_move "$temporary" "$target" "$mode"
}

dsvm_hostkey_install() {
  local root=${DSVM_ROOT:-} systemctl_cmd=${DSVM_SYSTEMCTL_CMD:-systemctl} sshd_cmd=${DSVM_SSHD_CMD:-}
  local keygen_cmd=${DSVM_SSH_KEYGEN_CMD:-ssh-keygen}
  local public=${DSVM_SSH_HOST_PUBLIC_KEY:-} encoded=${DSVM_SSH_HOST_PRIVATE_KEY:-}
  local config=$root/etc/ssh/sshd_config key=$root/etc/ssh/dsvm_pool_host_ed25519_key
  local dropin=$root/etc/ssh/sshd_config.d/dsvm-pool-host-key.conf
  local staged candidate derived fingerprint output status changed=0 offered line
  local line_pattern='^ssh-ed25519 [A-Za-z0-9+/]+=*( [A-Za-z0-9@._:-]*)?$'
  local -a given loaded
  if [[ -z $public && -z $encoded ]]; then
    dsvm_hostkey_log "no pool host key given; the VM keeps its own host keys"
    return 0
  fi
  if [[ ! $public =~ $line_pattern ]]; then
    dsvm_hostkey_log "the pool's public host key is not an ssh-ed25519 line; host keys left alone"
    return 1
  fi
  if [[ -z $encoded ]]; then
    dsvm_hostkey_log "the pool's public host key came without its private key; host keys left alone"
    return 1
  fi
  if [[ ! -f $config ]]; then
    dsvm_hostkey_log "no $config; host keys left alone"
    return 1
  fi
  if [[ -z $sshd_cmd ]]; then
    sshd_cmd=/usr/sbin/sshd
    [[ -x $sshd_cmd ]] || sshd_cmd=$(command -v sshd) || sshd_cmd=sshd
  fi
  local tool
  for tool in "$sshd_cmd" "$keygen_cmd"; do
    if ! command -v "$tool" >/dev/null; then
      dsvm_hostkey_log "$tool not found; host keys left alone"
      return 1
    fi
  done
  mkdir -p "$(dirname "$dropin")" || return 1

  # The private key: unchanged, or decoded into a root-only file next to it; checked against the public line
  # before it is used.
  staged=''
  if [[ -f $key ]] && cmp -s <(printf '%s' "$encoded" | base64 -d 2>/dev/null) "$key"; then
    candidate=$key
  else
    staged=$(umask 077 && mktemp "$key.XXXXXX") || { dsvm_hostkey_log "cannot write next to $key"; return 1; }
    if ! printf '%s' "$encoded" | base64 -d >"$staged" 2>/dev/null; then
      rm -f "$staged"
      dsvm_hostkey_log "the pool's private host key is not base64; host keys left alone"
      return 1
    fi
    candidate=$staged
  fi
  if ! derived=$("$keygen_cmd" -y -f "$candidate" 2>/dev/null); then
    [[ -z $staged ]] || rm -f "$staged"
    dsvm_hostkey_log "ssh-keygen cannot read the pool's private host key; host keys left alone"
    return 1
  fi
  read -r -a given <<<"$public"
  read -r -a loaded <<<"$derived"
  if [[ ${loaded[0]:-} != "${given[0]}" || ${loaded[1]:-} != "${given[1]}" ]]; then
    [[ -z $staged ]] || rm -f "$staged"
    dsvm_hostkey_log "the pool's private host key does not belong to its public key; host keys left alone"
    return 1
  fi
  if [[ -n $staged ]]; then
    dsvm_hostkey_move "$staged" "$key" 0600 || { dsvm_hostkey_log "cannot write $key; host keys left alone" && return 1; }
    changed=1 && dsvm_hostkey_log "wrote $key"
  elif ! dsvm_hostkey_own "$key" 0600; then
    dsvm_hostkey_log "cannot make $key root-only; host keys left alone"
    return 1
  fi
  status=0
  dsvm_hostkey_write "$key.pub" 0644 "$public"$'\n' || status=$?
  case $status in
    0) changed=1 && dsvm_hostkey_log "wrote $key.pub" ;;
    1) ;;
    *) dsvm_hostkey_log "cannot write $key.pub" && return 1 ;;
  esac
  status=0
  dsvm_hostkey_write "$dropin" 0644 "# dsvm-pool: the pool-wide host key (SshHostKey); sshd offers only the keys named by HostKey."$'\n'"HostKey $key"$'\n' ||
    status=$?
  case $status in
    0) changed=1 && dsvm_hostkey_log "wrote $dropin" ;;
    1) ;;
    *) dsvm_hostkey_log "cannot write $dropin; sshd keeps the VM's own keys" && return 1 ;;
  esac

  # sshd -t insists on its privilege separation folder (see per-vm-ports.sh).
  [[ -d $root/run/sshd ]] || install -d -m 0755 "$root/run/sshd"
  if ! output=$("$sshd_cmd" -t -f "$config" 2>&1); then
    rm -f "$dropin"
    dsvm_hostkey_log "sshd refuses its configuration with $dropin: removed it; sshd keeps the VM's own keys"
    while IFS= read -r line; do
      [[ -z $line ]] || dsvm_hostkey_log "sshd -t: $line"
    done <<<"$output"
    return 1
  fi
  if ! output=$("$sshd_cmd" -T -f "$config" 2>/dev/null); then
    dsvm_hostkey_log "sshd -T cannot show the keys it would offer"
    return 1
  fi
  offered=$(awk 'tolower($1) == "hostkey" { print $2 }' <<<"$output")
  if ! grep -qxF "$key" <<<"$offered"; then
    rm -f "$dropin"
    dsvm_hostkey_log "sshd does not read $dropin (is there no 'Include /etc/ssh/sshd_config.d/*.conf' in $config?): removed it"
    return 1
  fi
  if [[ $offered != "$key" ]]; then
    dsvm_hostkey_log "note: sshd also offers $(grep -vxF "$key" <<<"$offered" | tr '\n' ' ')(HostKey lines elsewhere in its configuration); clients that know the pool's key still use it"
  fi
  fingerprint=$("$keygen_cmd" -l -f "$key.pub" 2>/dev/null | awk '{ print $2 }')
  if ((!changed)); then
    dsvm_hostkey_log "host key ${fingerprint:-?} up to date"
    return 0
  fi
  if [[ ! -d $root/run/systemd/system ]]; then
    dsvm_hostkey_log "host key ${fingerprint:-?} in place; systemd is not running, sshd not reloaded"
    return 0
  fi
  if ! output=$("$systemctl_cmd" try-reload-or-restart ssh.service 2>&1); then
    dsvm_hostkey_log "host key ${fingerprint:-?} in place, but sshd could not be reloaded: $output"
    return 1
  fi
  dsvm_hostkey_log "host key ${fingerprint:-?} in place; sshd reloaded"
  return 0
}

dsvm_hostkey_install || dsvm_hostkey_log "warning: this VM may answer SSH with its own host key instead of the pool's"
