#!/usr/bin/env bash
# dsvm-pool: probes JupyterHub every minute as the Application Health extension does (HTTPS, the hub's health
# path) and logs each failure to syslog (tag dsvm-health, user.err), where monitoring's data collection rule
# picks it up and the "hub-unhealthy" alert counts a VM's failures. The extension's own state is readable only
# in the scale set's instance view, which no alert rule reads (docs/operations.md, "What is watched").
#
# A VM still provisioning is not unhealthy: failures are logged only once the hub has answered once, or once the
# VM has been up longer than the grace period (the repairs' grace period). A recovery is logged at notice level.
#
# Test hooks: DSVM_HEALTH_URL, DSVM_HEALTH_INTERVAL_SECONDS, DSVM_HEALTH_GRACE_SECONDS, DSVM_HEALTH_ROUNDS (0:
# forever), DSVM_UPTIME_FILE, DSVM_CURL_CMD, DSVM_LOGGER_CMD.
set -u

url=${DSVM_HEALTH_URL:-@HEALTH_URL@}
interval=${DSVM_HEALTH_INTERVAL_SECONDS:-60}
grace=${DSVM_HEALTH_GRACE_SECONDS:-@GRACE_SECONDS@}
rounds=${DSVM_HEALTH_ROUNDS:-0}
uptime_file=${DSVM_UPTIME_FILE:-/proc/uptime}
curl_cmd=${DSVM_CURL_CMD:-curl}
logger_cmd=${DSVM_LOGGER_CMD:-logger}
tag=dsvm-health

seen_healthy=0
failing=0
round=0
while :; do
  # -k: the hub's certificate is self-signed; -f: an HTTP error status is a failure, as for the extension.
  if "$curl_cmd" -ksf --max-time 10 -o /dev/null "$url"; then
    if ((failing)); then
      "$logger_cmd" -t "$tag" -p user.notice "JupyterHub is healthy again ($url)"
    fi
    seen_healthy=1
    failing=0
  else
    up=$(cut -d' ' -f1 "$uptime_file" 2>/dev/null || echo 0)
    up=${up%.*}
    if ((seen_healthy)) || ((${up:-0} >= grace)); then
      failing=1
      "$logger_cmd" -t "$tag" -p user.err "JupyterHub health probe failed ($url)"
    fi
  fi
  round=$((round + 1))
  if ((rounds > 0 && round >= rounds)); then
    break
  fi
  sleep "$interval"
done
