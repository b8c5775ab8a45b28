#!/usr/bin/env bash
# dsvm-pool: installs the session agent (dsvm-session-agent.service) on a pool VM (SessionAgent renders this).
#
# Writes the agent (Python 3 standard library only) to /usr/local/lib/dsvm-session-agent, its settings to
# /etc/dsvm-session-agent/config.json (no secret in it), the login notice to
# /etc/profile.d/dsvm-session-where.sh and the unit to /etc/systemd/system; registers the agent with the
# VM's JupyterHub (hub_setup.py: a token of its own in a 0600 file, a role, the announcement); then enables
# and (re)starts the service, which survives reboots. Idempotent: a file is rewritten only when its content
# changed and the service restarted only then. The files travel inside, base64-encoded, one
# "<path> <mode> <base64>" line each, in place of the first placeholder below; the settings in the second.
# A failure is logged and does not stop the rest of the provisioning script.
#
# Test hooks: DSVM_ROOT (prefix for every path written), DSVM_SYSTEMCTL_CMD (default systemctl).

dsvm_sessions_log() {
  printf '[dsvm-sessions] %s\n' "$*" >&2
}

# Writes base64 $1 decoded to path $2 with mode $3. Returns 0 when the file changed, 1 when it was already
# up to date, 2 on failure.
dsvm_sessions_write() {
  local encoded=$1 path=$2 mode=$3 temporary
  if [[ -f $path ]] && cmp -s <(printf '%s' "$encoded" | base64 -d) "$path"; then
    return 1
  fi
  mkdir -p "$(dirname "$path")" || return 2
  temporary=$(mktemp "$path.XXXXXX") || return 2
  if ! printf '%s' "$encoded" | base64 -d >"$temporary" || ! chmod "$mode" "$temporary" ||
    ! mv -f "$temporary" "$path"; then
    rm -f "$temporary"
    return 2
  fi
  return 0
}

dsvm_sessions_install() {
  local root=${DSVM_ROOT:-} systemctl_cmd=${DSVM_SYSTEMCTL_CMD:-systemctl} changed=0 status path mode encoded
  local agent_files='@SESSION_AGENT_FILES@'
  local config=/etc/dsvm-session-agent/config.json
  if [[ $agent_files == @*@ ]]; then
    dsvm_sessions_log "not rendered (SessionAgent.render() fills in the files)"
    return 1
  fi
  while read -r path mode encoded; do
    [[ -n $path ]] || continue
    status=0
    dsvm_sessions_write "$encoded" "$root$path" "$mode" || status=$?
    case $status in
      0) changed=1 && dsvm_sessions_log "wrote $path" ;;
      1) ;;
      *) dsvm_sessions_log "cannot write $path" && return 1 ;;
    esac
  done <<<"$agent_files"
  if ! DSVM_ROOT=$root DSVM_SYSTEMCTL_CMD=$systemctl_cmd python3 -E -s \
    "$root/usr/local/lib/dsvm-session-agent/hub_setup.py" "$root$config"; then
    dsvm_sessions_log "JupyterHub not set up for the agent: it watches terminals and processes only"
  fi
  if [[ ! -d $root/run/systemd/system ]]; then
    dsvm_sessions_log "systemd is not running; files in place, service not started"
    return 0
  fi
  if ((changed)); then
    "$systemctl_cmd" daemon-reload || return 1
    "$systemctl_cmd" enable dsvm-session-agent.service || return 1
    "$systemctl_cmd" restart dsvm-session-agent.service || return 1
    dsvm_sessions_log "service installed and (re)started"
  else
    "$systemctl_cmd" enable --now dsvm-session-agent.service || return 1
    dsvm_sessions_log "service up to date"
  fi
}

dsvm_sessions_install || dsvm_sessions_log "warning: session agent not installed; this VM is not protected while in use"
