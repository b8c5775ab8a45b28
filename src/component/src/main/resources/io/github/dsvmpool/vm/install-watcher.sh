#!/usr/bin/env bash
# dsvm-pool: installs the scheduled-events watcher (dsvm-scheduled-events.service) on a pool VM.
#
# WatcherInstaller puts this code at the top of the provisioning script, ahead of the share mount, so that a
# VM whose mount fails still warns its users before Azure deletes it; an installation failure is logged and
# does not stop the mount. The watcher script and its unit travel inside, base64-encoded, in place of the two
# placeholders below. Idempotent: a file is rewritten only when its content changed, and the service is
# restarted only then.
#
# Test hooks: DSVM_ROOT (prefix for every path) and DSVM_SYSTEMCTL_CMD (default systemctl).

dsvm_watcher_log() {
  printf '[dsvm-watcher] %s\n' "$*" >&2
}

# Writes base64 $1 decoded to path $2 with mode $3. Returns 0 when the file changed, 1 when it was already
# up to date, 2 on failure.
dsvm_watcher_write() {
  local encoded=$1 path=$2 mode=$3 temporary
  # Compared before anything is written, so that an unchanged file leaves its folder untouched too.
  if [[ -f $path ]] && cmp -s <(printf '%s' "$encoded" | base64 -d) "$path"; then
    return 1
  fi
  mkdir -p "$(dirname "$path")" || return 2
  temporary=$(mktemp "$path.XXXXXX") || return 2
  if ! printf '%s' "$encoded" | base64 -d >"$temporary"; then
    rm -f "$temporary"
    return 2
  fi
  if ! chmod "$mode" "$temporary" || ! mv -f "$temporary" "$path"; then
    rm -f "$temporary"
    return 2
  fi
  return 0
}

dsvm_install_watcher() {
  local root=${DSVM_ROOT:-} systemctl_cmd=${DSVM_SYSTEMCTL_CMD:-systemctl} changed=0 status
  local script_path=$root/usr/local/sbin/dsvm-scheduled-events-watcher
  local unit_path=$root/etc/systemd/system/dsvm-scheduled-events.service
  local -A files=(
    [$script_path]='@WATCHER_SCRIPT_BASE64@'
    [$unit_path]='@WATCHER_UNIT_BASE64@'
  )
  local -A modes=([$script_path]=0755 [$unit_path]=0644)
  local path
  for path in "$script_path" "$unit_path"; do
    status=0
    dsvm_watcher_write "${files[$path]}" "$path" "${modes[$path]}" || status=$?
    case $status in
      0) changed=1 && dsvm_watcher_log "wrote $path" ;;
      1) ;;
      *) dsvm_watcher_log "cannot write $path" && return 1 ;;
    esac
  done
  if [[ ! -d $root/run/systemd/system ]]; then
    dsvm_watcher_log "systemd is not running; files in place, service not started"
    return 0
  fi
  if ((changed)); then
    "$systemctl_cmd" daemon-reload || return 1
    "$systemctl_cmd" enable dsvm-scheduled-events.service || return 1
    "$systemctl_cmd" restart dsvm-scheduled-events.service || return 1
    dsvm_watcher_log "service installed and (re)started"
  else
    # Unchanged files: make sure it runs (it may have been stopped by hand), without a needless restart.
    "$systemctl_cmd" enable --now dsvm-scheduled-events.service || return 1
    dsvm_watcher_log "service up to date"
  fi
}

dsvm_install_watcher || dsvm_watcher_log "warning: not installed; this VM will not warn its users before deletion"
