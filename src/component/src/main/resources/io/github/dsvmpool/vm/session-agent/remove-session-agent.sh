#!/usr/bin/env bash
# dsvm-pool: removes the session agent from a pool VM (SessionAgent.renderRemoval(), when the setting is off).
#
# Stops and disables dsvm-session-agent.service (its stop clears protectFromScaleIn: no protection is left
# without an agent to bound it), takes its block out of the hub's configuration (hub_setup.py --remove,
# restarting the hub only if the block was there), and deletes the agent's files, settings and hub token, so
# that the VM behaves as before the agent existed. A VM without the agent is left untouched.
#
# Test hooks: DSVM_ROOT (prefix for every path), DSVM_SYSTEMCTL_CMD (default systemctl).

dsvm_sessions_remove() {
  local root=${DSVM_ROOT:-} systemctl_cmd=${DSVM_SYSTEMCTL_CMD:-systemctl}
  local library=$root/usr/local/lib/dsvm-session-agent config=$root/etc/dsvm-session-agent
  local unit=$root/etc/systemd/system/dsvm-session-agent.service profile=$root/etc/profile.d/dsvm-session-where.sh
  if [[ ! -e $library && ! -e $config && ! -e $unit && ! -e $profile ]]; then
    return 0
  fi
  if [[ -e $unit && -d $root/run/systemd/system ]]; then
    "$systemctl_cmd" disable --now dsvm-session-agent.service || return 1
  fi
  if [[ -f $library/hub_setup.py && -f $config/config.json ]]; then
    DSVM_ROOT=$root DSVM_SYSTEMCTL_CMD=$systemctl_cmd python3 -E -s "$library/hub_setup.py" \
      "$config/config.json" --remove || return 1
  fi
  rm -rf -- "$library" "$config" "$unit" "$profile" "$root/var/lib/dsvm-session-agent" || return 1
  if [[ -d $root/run/systemd/system ]]; then
    "$systemctl_cmd" daemon-reload || return 1
  fi
  printf '[dsvm-sessions] %s\n' "session agent removed (setting off)" >&2
}

dsvm_sessions_remove || printf '[dsvm-sessions] %s\n' "warning: the session agent could not be removed completely" >&2
