#!/usr/bin/env bash
# dsvm-pool: culls idle notebook servers on a pool VM (IdleCuller), so that scale-in finds idle VMs.
#
# A notebook server nobody uses keeps its kernels, and the VM's CPU, busy; autoscale's scale-in then never
# sees the VM idle. jupyterhub-idle-culler (pip, run by the hub as a service) stops single-user servers idle
# for longer than the configured timeout (@IDLE_CULL_TIMEOUT_SECONDS@ s; 0 = off). Microsoft documents the
# DSVM's hub configuration (/etc/jupyterhub/jupyterhub_config.py) but not its service name or its Python, so
# both are found on the VM:
#   - the service: a systemd unit (jupyterhub.service first, then any other *.service in /etc/systemd/system,
#     /lib/systemd/system or /usr/lib/systemd/system) whose ExecStart runs jupyterhub; units of dsvm-pool
#     itself are skipped;
#   - the hub's Python: ExecStart's python, else the python3/python next to its jupyterhub, else the
#     interpreter named on jupyterhub's first line; it must import jupyterhub;
#   - the configuration: ExecStart's -f/--config file, else /etc/jupyterhub/jupyterhub_config.py.
# Then: pip installs jupyterhub-idle-culler into that Python (unless it imports already), a marked block at
# the end of the configuration declares the culler service (with the role and scopes JupyterHub >= 2 needs:
# list:users, read:users:activity, read:servers, delete:servers; admin: True before 2.0), the file is checked
# by Python's compiler, and the hub is restarted (systemctl try-restart) only when the block changed. With
# timeout 0 the block is removed (and the hub restarted once). A hub restart stops running notebook servers
# (JupyterHub's cleanup_servers), so a run that changes nothing restarts nothing.
#
# Part of the provisioning script's prelude, after the per-VM ports and before the share mount: every failure
# (no hub where expected, pip failing, a configuration the compiler refuses, a hub that does not restart) is
# logged as a [dsvm-culler] line and leaves the hub as it was; the script carries on and mounts the share.
# The @...@ placeholder is filled in by IdleCuller.render().
#
# Test hooks: DSVM_ROOT (prefix for every path, also for the paths found in the unit), DSVM_SYSTEMCTL_CMD
# (default systemctl), DSVM_CULLER_PIP_TIMEOUT (seconds, default 600).

dsvm_culler_log() {
  printf '[dsvm-culler] %s\n' "$*" >&2
}

# Logs the last lines of $2 (a program's output) after the words $1.
dsvm_culler_log_output() {
  local line
  while IFS= read -r line; do
    [[ -z $line ]] || dsvm_culler_log "$1: $line"
  done < <(printf '%s\n' "$2" | tail -n 5)
}

DSVM_CULLER_BEGIN='# BEGIN dsvm-pool idle culler (written by the provisioning script; replaced on every run)'
DSVM_CULLER_END='# END dsvm-pool idle culler'
DSVM_CULLER_SERVICE=dsvm-idle-culler

# The ExecStart= value of unit file $1 (the last one, as systemd applies), on one line.
dsvm_culler_exec_start() {
  sed -n 's/^[[:space:]]*ExecStart=[-@:+!]*//p' "$1" | tail -n 1
}

# Prints the path of the unit file that runs the hub: jupyterhub.service first, then any other unit whose
# ExecStart runs jupyterhub.
dsvm_culler_find_unit() {
  local root=$1 folder file
  local folders=("$root/etc/systemd/system" "$root/lib/systemd/system" "$root/usr/lib/systemd/system")
  for folder in "${folders[@]}"; do
    file=$folder/jupyterhub.service
    if [[ -f $file ]] && dsvm_culler_exec_start "$file" | grep -q 'jupyterhub'; then
      printf '%s\n' "$file"
      return 0
    fi
  done
  for folder in "${folders[@]}"; do
    for file in "$folder"/*.service; do
      [[ -f $file ]] || continue
      case ${file##*/} in dsvm-*) continue ;; esac
      if dsvm_culler_exec_start "$file" | grep -Eq '(^|[[:space:]/"'\''])jupyterhub([[:space:]"'\'']|$)'; then
        printf '%s\n' "$file"
        return 0
      fi
    done
  done
  return 1
}

# Whether $1 is an absolute path a Python string literal and a shell word can hold as they are.
dsvm_culler_plain_path() {
  [[ $1 =~ ^/[A-Za-z0-9._/+-]+$ ]]
}

# From an ExecStart line ($2), prints "<python> <config>" (paths on the VM, without the root $1).
dsvm_culler_hub_of() {
  local root=$1 line=$2 word hub='' python='' config='' expect_config=0 interpreter
  local -a words
  read -r -a words <<<"${line//[\"\']/ }"
  for word in "${words[@]}"; do
    if ((expect_config)); then
      config=$word expect_config=0
      continue
    fi
    case $word in
      -f | --config) expect_config=1 ;;
      --config=*) config=${word#--config=} ;;
      */python | */python[0-9]*) [[ -n $python ]] || python=$word ;;
      */jupyterhub) [[ -n $hub ]] || hub=$word ;;
    esac
  done
  if [[ -z $python && -n $hub ]]; then
    if [[ -x $root${hub%/*}/python3 ]]; then
      python=${hub%/*}/python3
    elif [[ -x $root${hub%/*}/python ]]; then
      python=${hub%/*}/python
    elif [[ -f $root$hub ]]; then
      # the interpreter line of the script (spelt out without the two characters: the provisioning script
      # holds exactly one, its own first line)
      interpreter=$(head -n 1 "$root$hub")
      if [[ ${interpreter:0:1} == '#' && ${interpreter:1:1} == '!' ]]; then
        read -r interpreter _ <<<"${interpreter:2}"
        case $interpreter in */python | */python[0-9]*) python=$interpreter ;; esac
      fi
    fi
  fi
  [[ -n $python ]] || return 1
  printf '%s %s\n' "$python" "${config:-/etc/jupyterhub/jupyterhub_config.py}"
}

# The configuration $1 without the dsvm-pool block.
dsvm_culler_without_block() {
  awk -v begin="$DSVM_CULLER_BEGIN" -v end="$DSVM_CULLER_END" '
    $0 == begin { skip = 1; next }
    skip && $0 == end { skip = 0; next }
    !skip { print }' "$1"
}

# The block for python $1, timeout $2 seconds, JupyterHub major version $3.
dsvm_culler_block() {
  local python=$1 timeout=$2 major=$3
  printf '%s\n' "$DSVM_CULLER_BEGIN"
  if ((major >= 2)); then
    printf '%s\n' 'c.JupyterHub.load_roles.append({' \
      "    \"name\": \"$DSVM_CULLER_SERVICE\"," \
      '    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],' \
      "    \"services\": [\"$DSVM_CULLER_SERVICE\"]," \
      '})'
  fi
  printf '%s\n' 'c.JupyterHub.services.append({' \
    "    \"name\": \"$DSVM_CULLER_SERVICE\","
  ((major >= 2)) || printf '%s\n' '    "admin": True,'
  printf '%s\n' "    \"command\": [\"$python\", \"-m\", \"jupyterhub_idle_culler\", \"--timeout=$timeout\"]," \
    '})' "$DSVM_CULLER_END"
}

# Restarts the hub's unit $2 when it runs; $1 systemctl command.
dsvm_culler_restart() {
  local systemctl_cmd=$1 unit=$2 output
  if output=$("$systemctl_cmd" try-restart "$unit" 2>&1); then
    dsvm_culler_log "restarted $unit (if it was running) to load the new configuration"
    return 0
  fi
  dsvm_culler_log_output "systemctl try-restart $unit" "$output"
  return 1
}

dsvm_culler_install() {
  local root=${DSVM_ROOT:-} systemctl_cmd=${DSVM_SYSTEMCTL_CMD:-systemctl} seconds='@IDLE_CULL_TIMEOUT_SECONDS@'
  local pip_timeout=${DSVM_CULLER_PIP_TIMEOUT:-600} unit_file unit line python config py version major output
  local current wanted temporary backup
  if [[ ! $seconds =~ ^(0|[1-9][0-9]{0,6})$ ]]; then
    dsvm_culler_log "not rendered: timeout '$seconds' (IdleCuller.render() fills it in)"
    return 1
  fi
  if ! unit_file=$(dsvm_culler_find_unit "$root"); then
    if ((seconds == 0)); then
      dsvm_culler_log "off (timeout 0); no JupyterHub service found, nothing to undo"
      return 0
    fi
    dsvm_culler_log "no JupyterHub service found (no systemd unit runs jupyterhub); idle culler not installed"
    return 1
  fi
  unit=${unit_file##*/}
  line=$(dsvm_culler_exec_start "$unit_file")
  if ! read -r python config < <(dsvm_culler_hub_of "$root" "$line"); then
    dsvm_culler_log "$unit: cannot tell the hub's Python from ExecStart=$line; idle culler not installed"
    return 1
  fi
  if ! dsvm_culler_plain_path "$python" || ! dsvm_culler_plain_path "$config"; then
    dsvm_culler_log "$unit: unexpected characters in $python or $config; idle culler not installed"
    return 1
  fi
  py=$root$python
  if [[ ! -f $root$config ]]; then
    dsvm_culler_log "$unit: no configuration file $config; idle culler not installed"
    return 1
  fi
  if ! version=$("$py" -c 'import jupyterhub; print(jupyterhub.__version__)' 2>&1) ||
    [[ ! $version =~ ^([0-9]+)\. ]]; then
    dsvm_culler_log_output "$unit: $python does not import jupyterhub" "$version"
    return 1
  fi
  major=${BASH_REMATCH[1]}
  dsvm_culler_log "hub: service $unit, JupyterHub $version, Python $python, configuration $config"

  current=$(cat "$root$config")
  wanted=$(dsvm_culler_without_block "$root$config")
  if ((seconds > 0)); then
    if "$py" -c 'import jupyterhub_idle_culler' >/dev/null 2>&1; then
      dsvm_culler_log "jupyterhub-idle-culler already installed in $python"
    elif output=$(timeout "$pip_timeout" "$py" -m pip install --quiet --disable-pip-version-check \
      jupyterhub-idle-culler 2>&1) && "$py" -c 'import jupyterhub_idle_culler' >/dev/null 2>&1; then
      dsvm_culler_log "installed jupyterhub-idle-culler into $python"
    else
      dsvm_culler_log_output "pip" "$output"
      dsvm_culler_log "cannot install jupyterhub-idle-culler into $python; configuration left as it was"
      return 1
    fi
    wanted=$(printf '%s\n%s' "$wanted" "$(dsvm_culler_block "$python" "$seconds" "$major")")
  fi
  if [[ $current == "$wanted" ]]; then
    if ((seconds > 0)); then
      dsvm_culler_log "idle notebook servers are culled after $seconds s (configuration up to date)"
    else
      dsvm_culler_log "off (timeout 0); configuration up to date"
    fi
    return 0
  fi

  temporary=$(mktemp "$root$config.XXXXXX") || return 1
  backup=$root$config.dsvm-pool.bak
  if ! printf '%s\n' "$wanted" >"$temporary" || ! chmod --reference="$root$config" "$temporary"; then
    rm -f "$temporary"
    dsvm_culler_log "cannot write next to $config; configuration left as it was"
    return 1
  fi
  chown --reference="$root$config" "$temporary" 2>/dev/null || true
  if ! output=$("$py" -c 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")' "$temporary" 2>&1); then
    rm -f "$temporary"
    dsvm_culler_log_output "python" "$output"
    dsvm_culler_log "the configuration with the culler does not compile; configuration left as it was"
    return 1
  fi
  if ! cp -p "$root$config" "$backup" || ! mv -f "$temporary" "$root$config"; then
    rm -f "$temporary"
    dsvm_culler_log "cannot replace $config; configuration left as it was"
    return 1
  fi
  if ((seconds > 0)); then
    dsvm_culler_log "wrote the idle culler (timeout $seconds s) into $config"
  else
    dsvm_culler_log "off (timeout 0): removed the idle culler from $config"
  fi
  if [[ ! -d $root/run/systemd/system ]]; then
    dsvm_culler_log "systemd is not running; the hub reads the configuration when it starts"
    return 0
  fi
  if ! dsvm_culler_restart "$systemctl_cmd" "$unit"; then
    mv -f "$backup" "$root$config"
    dsvm_culler_log "restored the previous $config"
    dsvm_culler_restart "$systemctl_cmd" "$unit" || true
    return 1
  fi
  return 0
}

dsvm_culler_install || dsvm_culler_log "warning: idle notebook servers are not culled on this VM (the share and logins are not affected)"
