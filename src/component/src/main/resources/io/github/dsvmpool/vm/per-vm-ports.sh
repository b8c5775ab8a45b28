#!/usr/bin/env bash
# dsvm-pool: makes a pool VM serve the backend ports of its own load balancer mappings (PerVmPorts).
#
# Users reach the pool on SSH @SSH_PORT@ and JupyterHub @JUPYTERHUB_PORT@, load-balanced, and each VM on frontend
# ports of its own (inbound NAT rules V2) whose backend ports are @SSH_PER_VM_BACKEND_PORT@ (SSH) and
# @JUPYTERHUB_PER_VM_BACKEND_PORT@ (JupyterHub): Azure refuses two inbound rules with one backend port on a
# scale-set ipconfig. This code makes the VM answer on those two ports as well:
#   - sshd: the drop-in /etc/ssh/sshd_config.d/dsvm-pool-ports.conf lists Port @SSH_PORT@ and
#     Port @SSH_PER_VM_BACKEND_PORT@ (one Port line alone would end the implied 22). `sshd -t` must accept the
#     configuration and `sshd -T` must show both ports, else the drop-in is removed and sshd left alone. A
#     changed drop-in is applied with daemon-reload + restart ssh.socket when sshd is socket-activated
#     (ssh.socket active: Ubuntu 24.04), else with reload-or-restart ssh.service (Ubuntu 22.04); when that
#     fails, the drop-in is removed and sshd applied again without it.
#   - JupyterHub: iptables nat PREROUTING redirects TCP to port @JUPYTERHUB_PER_VM_BACKEND_PORT@ addressed to
#     this machine to port @JUPYTERHUB_PORT@ (REDIRECT keeps the client's address), added once (-C before -A),
#     and at every boot by dsvm-jupyterhub-per-vm-port.service (oneshot, RemainAfterExit; its stop removes the
#     rule). A changed unit is stopped with its old definition first, so that a rule for other ports goes.
#
# Part of the provisioning script's prelude, after the watcher installer and before the share mount: a
# failure is logged and makes dsvm_ports_install return non-zero, and the script carries on (the pool's
# ports @SSH_PORT@ and @JUPYTERHUB_PORT@ do not depend on this). Idempotent: a file is rewritten only when its
# content changed, and sshd and the unit are restarted only then; a second run changes nothing. The @...@
# placeholders are filled in by PerVmPorts.render().
#
# Test hooks: DSVM_ROOT (prefix for every path; with it, the firewall is left alone unless DSVM_IPTABLES_CMD
# is given, so that a test never changes its machine's rules), DSVM_SYSTEMCTL_CMD (default systemctl),
# DSVM_IPTABLES_CMD (default iptables), DSVM_SSHD_CMD (default /usr/sbin/sshd; called as CMD -t|-T -f CONFIG).

dsvm_ports_log() {
  printf '[dsvm-ports] %s\n' "$*" >&2
}

# Logs each line of $2 (a program's output) after the words $1.
dsvm_ports_log_output() {
  local line
  while IFS= read -r line; do
    [[ -z $line ]] || dsvm_ports_log "$1: $line"
  done <<<"$2"
}

# Whether the file $2 holds exactly what base64 $1 decodes to.
dsvm_ports_same() {
  [[ -f $2 ]] && cmp -s <(printf '%s' "$1" | base64 -d) "$2"
}

# Writes base64 $1 decoded to path $2 with mode $3, atomically. Returns 0 when the file changed, 1 when it
# was already up to date (nothing touched), 2 on failure.
dsvm_ports_write() {
  local encoded=$1 path=$2 mode=$3 temporary
  if dsvm_ports_same "$encoded" "$path"; then
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

# Makes a running sshd use its configuration files as they are now. Socket-activated sshd (Ubuntu 24.04)
# listens through ssh.socket, whose ports systemd's generator takes from sshd's configuration at
# daemon-reload; a classic sshd (Ubuntu 22.04) binds its ports itself when reloaded.
dsvm_ports_apply_sshd() {
  local systemctl_cmd=$1 output
  if "$systemctl_cmd" is-active --quiet ssh.socket; then
    if output=$("$systemctl_cmd" daemon-reload 2>&1) && output=$("$systemctl_cmd" restart ssh.socket 2>&1); then
      dsvm_ports_log "ssh: socket-activated sshd: daemon-reload, ssh.socket restarted"
      return 0
    fi
    dsvm_ports_log_output "ssh: systemctl (ssh.socket)" "$output"
    return 1
  fi
  if output=$("$systemctl_cmd" reload-or-restart ssh.service 2>&1); then
    dsvm_ports_log "ssh: ssh.service reloaded"
    return 0
  fi
  dsvm_ports_log_output "ssh: systemctl (ssh.service)" "$output"
  return 1
}

# sshd on @SSH_PORT@ and @SSH_PER_VM_BACKEND_PORT@. Arguments: root, systemctl command, sshd command, whether
# systemd runs (1/0).
dsvm_ports_ssh() {
  local root=$1 systemctl_cmd=$2 sshd_cmd=$3 systemd=$4
  local ssh_port='@SSH_PORT@' per_vm_port='@SSH_PER_VM_BACKEND_PORT@'
  local config=$root/etc/ssh/sshd_config dropin=$root/etc/ssh/sshd_config.d/dsvm-pool-ports.conf
  local status=0 changed=0 output port count
  if [[ ! -f $config ]]; then
    dsvm_ports_log "ssh: no $config; sshd left alone (no port $per_vm_port)"
    return 1
  fi
  if ! command -v "$sshd_cmd" >/dev/null; then
    dsvm_ports_log "ssh: $sshd_cmd not found; sshd left alone (no port $per_vm_port)"
    return 1
  fi
  # sshd -t insists on its privilege separation folder, which systemd creates only while ssh.service runs
  # (a socket-activated sshd may not have run yet); creating it is what ssh.service would do.
  if [[ ! -d $root/run/sshd ]]; then
    install -d -m 0755 "$root/run/sshd" && dsvm_ports_log "ssh: created $root/run/sshd (needed by sshd -t)"
  fi
  dsvm_ports_write '@SSHD_DROP_IN_BASE64@' "$dropin" 0644 || status=$?
  case $status in
    0) changed=1 && dsvm_ports_log "ssh: wrote $dropin" ;;
    1) ;;
    *) dsvm_ports_log "ssh: cannot write $dropin; sshd left alone" && return 1 ;;
  esac
  if ! output=$("$sshd_cmd" -t -f "$config" 2>&1); then
    dsvm_ports_log_output "ssh: sshd -t" "$output"
    rm -f "$dropin"
    if "$sshd_cmd" -t -f "$config" >/dev/null 2>&1; then
      dsvm_ports_log "ssh: sshd refuses its configuration with $dropin: removed it; sshd left alone (port $ssh_port only)"
    else
      dsvm_ports_log "ssh: sshd refuses its configuration even without $dropin: removed it; sshd left alone"
    fi
    return 1
  fi
  if ! output=$("$sshd_cmd" -T -f "$config" 2>&1); then
    dsvm_ports_log_output "ssh: sshd -T" "$output"
    rm -f "$dropin"
    dsvm_ports_log "ssh: sshd -T cannot show the ports it would use: removed $dropin; sshd left alone"
    return 1
  fi
  for port in "$ssh_port" "$per_vm_port"; do
    count=$(grep -cx "port $port" <<<"$output") || true
    if ((count == 0)); then
      rm -f "$dropin"
      dsvm_ports_log "ssh: sshd does not read $dropin (sshd -T shows no port $port; is there no 'Include /etc/ssh/sshd_config.d/*.conf' in $config?): removed it; sshd left alone"
      return 1
    fi
    if ((count > 1)); then
      dsvm_ports_log "ssh: note: port $port is configured $count times (another Port line besides $dropin); sshd logs a bind error for the duplicate and carries on"
    fi
  done
  if ((!changed)); then
    dsvm_ports_log "ssh: $dropin up to date"
    return 0
  fi
  if ((!systemd)); then
    dsvm_ports_log "ssh: systemd is not running; drop-in in place, sshd not reloaded"
    return 0
  fi
  if dsvm_ports_apply_sshd "$systemctl_cmd"; then
    dsvm_ports_log "ssh: sshd listens on ports $ssh_port and $per_vm_port"
    return 0
  fi
  # A change is kept only once it is applied: without the drop-in sshd gets its previous ports back, and the
  # next run tries again.
  rm -f "$dropin"
  if dsvm_ports_apply_sshd "$systemctl_cmd"; then
    dsvm_ports_log "ssh: could not apply $dropin: removed it, sshd back on port $ssh_port only"
  else
    dsvm_ports_log "ssh: could not apply $dropin nor restore sshd without it: check 'systemctl status ssh.socket ssh.service'"
  fi
  return 1
}

# JupyterHub on @JUPYTERHUB_PER_VM_BACKEND_PORT@ too. Arguments: root, systemctl command, iptables command
# (empty: leave the firewall alone), whether systemd runs (1/0).
dsvm_ports_jupyterhub() {
  local root=$1 systemctl_cmd=$2 iptables_cmd=$3 systemd=$4
  local hub_port='@JUPYTERHUB_PORT@' per_vm_port='@JUPYTERHUB_PER_VM_BACKEND_PORT@'
  local unit=dsvm-jupyterhub-per-vm-port.service unit_encoded='@REDIRECT_UNIT_BASE64@'
  local unit_path=$root/etc/systemd/system/dsvm-jupyterhub-per-vm-port.service
  local -a rule=(PREROUTING -p tcp --dport "$per_vm_port" -m addrtype --dst-type LOCAL -j REDIRECT --to-ports "$hub_port")
  local status=0 changed=0 output
  if [[ -z $iptables_cmd ]]; then
    dsvm_ports_log "jupyterhub: DSVM_ROOT is set without DSVM_IPTABLES_CMD: firewall and unit left alone"
    return 1
  fi
  if ! command -v "$iptables_cmd" >/dev/null; then
    dsvm_ports_log "jupyterhub: $iptables_cmd not found; no port $per_vm_port"
    return 1
  fi
  # A unit written for other ports is stopped with its old definition, which removes its rule.
  if ((systemd)) && [[ -f $unit_path ]] && ! dsvm_ports_same "$unit_encoded" "$unit_path"; then
    "$systemctl_cmd" stop "$unit" || dsvm_ports_log "jupyterhub: could not stop the previous $unit"
  fi
  dsvm_ports_write "$unit_encoded" "$unit_path" 0644 || status=$?
  case $status in
    0) changed=1 && dsvm_ports_log "jupyterhub: wrote $unit_path" ;;
    1) ;;
    *) dsvm_ports_log "jupyterhub: cannot write $unit_path" && return 1 ;;
  esac
  status=0
  if ((!systemd)); then
    dsvm_ports_log "jupyterhub: systemd is not running; unit in place, not enabled (the rule will not survive a reboot)"
  elif ((changed)); then
    if "$systemctl_cmd" daemon-reload && "$systemctl_cmd" enable "$unit" && "$systemctl_cmd" restart "$unit"; then
      dsvm_ports_log "jupyterhub: $unit enabled and (re)started"
    else
      dsvm_ports_log "jupyterhub: could not enable and start $unit (the rule may not survive a reboot)"
      status=1
    fi
  else
    # Unchanged unit: make sure it is enabled and active, without a needless restart.
    if "$systemctl_cmd" enable --now "$unit"; then
      dsvm_ports_log "jupyterhub: $unit up to date"
    else
      dsvm_ports_log "jupyterhub: could not enable and start $unit (the rule may not survive a reboot)"
      status=1
    fi
  fi
  # The unit has added the rule when it started; this also covers a machine without systemd and a rule
  # removed by hand while the unit stayed active.
  if "$iptables_cmd" -w 10 -t nat -C "${rule[@]}" 2>/dev/null; then
    dsvm_ports_log "jupyterhub: port $per_vm_port redirected to $hub_port (rule in place)"
  elif output=$("$iptables_cmd" -w 10 -t nat -A "${rule[@]}" 2>&1); then
    dsvm_ports_log "jupyterhub: port $per_vm_port redirected to $hub_port (rule added)"
  else
    dsvm_ports_log_output "jupyterhub: iptables" "$output"
    dsvm_ports_log "jupyterhub: cannot add the nat rule; no port $per_vm_port"
    return 1
  fi
  return "$status"
}

dsvm_ports_install() {
  local root=${DSVM_ROOT:-} systemctl_cmd=${DSVM_SYSTEMCTL_CMD:-systemctl} sshd_cmd=${DSVM_SSHD_CMD:-}
  local iptables_cmd=${DSVM_IPTABLES_CMD:-} systemd=0 failed=0 port
  for port in '@SSH_PORT@' '@SSH_PER_VM_BACKEND_PORT@' '@JUPYTERHUB_PORT@' '@JUPYTERHUB_PER_VM_BACKEND_PORT@'; do
    if [[ ! $port =~ ^[1-9][0-9]{0,4}$ ]]; then
      dsvm_ports_log "not rendered: port '$port' (PerVmPorts.render() fills in the ports)"
      return 1
    fi
  done
  if [[ -z $sshd_cmd ]]; then
    sshd_cmd=/usr/sbin/sshd
    [[ -x $sshd_cmd ]] || sshd_cmd=$(command -v sshd) || sshd_cmd=sshd
  fi
  if [[ -z $iptables_cmd && -z $root ]]; then
    iptables_cmd=$(command -v iptables) || iptables_cmd=/usr/sbin/iptables
  fi
  [[ ! -d $root/run/systemd/system ]] || systemd=1
  dsvm_ports_ssh "$root" "$systemctl_cmd" "$sshd_cmd" "$systemd" || failed=1
  dsvm_ports_jupyterhub "$root" "$systemctl_cmd" "$iptables_cmd" "$systemd" || failed=1
  return "$failed"
}

dsvm_ports_install || dsvm_ports_log "warning: incomplete; this VM may not answer on its own load balancer ports (the pool's ports @SSH_PORT@ and @JUPYTERHUB_PORT@ are not affected)"
