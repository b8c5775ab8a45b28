#!/usr/bin/env bash
# dsvm-scheduled-events-watcher: warns the people on this pool VM before Azure deletes it.
#
# Runs as a systemd service (dsvm-scheduled-events.service) on every VM of the pool. It polls the Azure
# Instance Metadata Service (IMDS) for scheduled events; when a Terminate (scale-in, with the scale set's
# terminate notification enabled) or Preempt (Spot eviction) event names this VM, it warns once per event:
#   - terminal users through wall, with the minutes left;
#   - JupyterHub users, who have no terminal, through a notice file VM-SHUTTING-DOWN.txt in their home
#     folder (the root of the Jupyter file browser), owned by them so they can delete it.
# If the event disappears without the VM being deleted (cancelled), the notice files are removed again.
# It acknowledges the event (POST StartRequests, which lets Azure proceed early) only when configured to,
# because acknowledging shortens the warning the users get. No secrets are involved.
#
# Configuration (environment, e.g. from /etc/default/dsvm-scheduled-events):
#   DSVM_WATCHER_IMDS_URL          IMDS base URL                      (http://169.254.169.254)
#   DSVM_WATCHER_INSTANCE_NAME     this VM's name as IMDS reports it  (read from IMDS compute/name)
#   DSVM_WATCHER_POLL_SECONDS      seconds between polls              (10)
#   DSVM_WATCHER_MAX_POLLS         stop after this many polls, 0 = run forever (0; tests use it)
#   DSVM_WATCHER_HTTP_TIMEOUT      seconds per IMDS request           (120: the first scheduled-events call
#                                  after a quiet period may take up to about two minutes)
#   DSVM_WATCHER_STATE_DIR         where warned event IDs are kept    (/var/lib/dsvm-scheduled-events)
#   DSVM_WATCHER_HOME_ROOT         parent of the users' homes         (/home)
#   DSVM_WATCHER_MIN_UID           smallest uid that is a person      (1000)
#   DSVM_WATCHER_WALL_COMMAND      command that broadcasts stdin      (wall)
#   DSVM_WATCHER_ACKNOWLEDGE       true = POST StartRequests after warning (false)
set -uo pipefail

readonly LOG_PREFIX="dsvm-scheduled-events:"
readonly API_VERSION="2020-07-01"
readonly NOTICE_NAME="VM-SHUTTING-DOWN.txt"

IMDS_URL="${DSVM_WATCHER_IMDS_URL:-http://169.254.169.254}"
INSTANCE_NAME="${DSVM_WATCHER_INSTANCE_NAME:-}"
POLL_SECONDS="${DSVM_WATCHER_POLL_SECONDS:-10}"
MAX_POLLS="${DSVM_WATCHER_MAX_POLLS:-0}"
HTTP_TIMEOUT="${DSVM_WATCHER_HTTP_TIMEOUT:-120}"
STATE_DIR="${DSVM_WATCHER_STATE_DIR:-/var/lib/dsvm-scheduled-events}"
HOME_ROOT="${DSVM_WATCHER_HOME_ROOT:-/home}"
MIN_UID="${DSVM_WATCHER_MIN_UID:-1000}"
WALL_COMMAND="${DSVM_WATCHER_WALL_COMMAND:-wall}"
ACKNOWLEDGE="${DSVM_WATCHER_ACKNOWLEDGE:-false}"

log() {
    echo "${LOG_PREFIX} $*" >&2
}

events_url() {
    echo "${IMDS_URL}/metadata/scheduledevents?api-version=${API_VERSION}"
}

# GET an IMDS path; prints the body, fails on connection errors and HTTP errors.
imds_get() {
    curl --silent --show-error --fail --noproxy '*' --max-time "${HTTP_TIMEOUT}" \
        --header "Metadata: true" "$1"
}

instance_name() {
    if [[ -n "${INSTANCE_NAME}" ]]; then
        echo "${INSTANCE_NAME}"
        return 0
    fi
    imds_get "${IMDS_URL}/metadata/instance/compute/name?api-version=2021-02-01&format=text"
}

# Reads the scheduled-events document on stdin and prints one line per Terminate/Preempt event naming
# this VM: <EventId> <EventType> <seconds until NotBefore, 0 when started or past>.
# python3 is part of every Data Science VM image; jq is not guaranteed.
events_for_this_vm() {
    python3 -c '
import email.utils, json, sys, time
name = sys.argv[1]
document = json.load(sys.stdin)
for event in document.get("Events") or []:
    if event.get("EventType") not in ("Terminate", "Preempt"):
        continue
    if name not in (event.get("Resources") or []):
        continue
    seconds = 0
    not_before = event.get("NotBefore") or ""
    if not_before:
        moment = email.utils.parsedate_to_datetime(not_before)
        seconds = max(0, int(moment.timestamp() - time.time()))
    event_id = str(event.get("EventId", "")).replace(" ", "_")
    if event_id:
        print(event_id, event.get("EventType"), seconds)
' "$1"
}

minutes_left() {
    local seconds="$1"
    echo $(((seconds + 59) / 60))
}

warned_file() {
    echo "${STATE_DIR}/warned-$1"
}

# Homes of people (uid >= MIN_UID) directly under HOME_ROOT, as "<uid> <gid> <home>" lines.
people_homes() {
    local home uid gid
    for home in "${HOME_ROOT}"/*/; do
        [[ -d "${home}" ]] || continue
        home="${home%/}"
        read -r uid gid < <(stat -c '%u %g' "${home}" 2>/dev/null) || continue
        if [[ "${uid}" =~ ^[0-9]+$ ]] && ((uid >= MIN_UID)); then
            echo "${uid} ${gid} ${home}"
        fi
    done
}

# Writes stdin to $1 as a new file owned by uid $2 and gid $3. The file sits in a folder its user controls
# and we are root: replace whatever is there and never follow a symbolic link (O_EXCL|O_NOFOLLOW), so that a
# link planted at that name cannot make us overwrite another file.
write_owned_file() {
    python3 -c '
import os, sys
path, uid, gid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = sys.stdin.buffer.read()
try:
    os.unlink(path)
except FileNotFoundError:
    pass
descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
try:
    os.write(descriptor, data)
    os.fchown(descriptor, uid, gid)
finally:
    os.close(descriptor)
' "$@"
}

write_notices() {
    local message="$1" uid gid home
    while read -r uid gid home; do
        if ! printf '%s\n' "${message}" | write_owned_file "${home}/${NOTICE_NAME}" "${uid}" "${gid}" 2>/dev/null; then
            log "could not write ${home}/${NOTICE_NAME}"
        fi
    done < <(people_homes)
}

remove_notices() {
    local uid gid home
    while read -r uid gid home; do
        # rm removes a link itself, never its target.
        rm -f -- "${home}/${NOTICE_NAME}"
    done < <(people_homes)
}

acknowledge() {
    local event_id="$1"
    if curl --silent --show-error --fail --noproxy '*' --max-time "${HTTP_TIMEOUT}" \
        --header "Metadata: true" --header "Content-Type: application/json" \
        --data "{\"StartRequests\": [{\"EventId\": \"${event_id}\"}]}" "$(events_url)" >/dev/null; then
        log "acknowledged event ${event_id}"
    else
        log "could not acknowledge event ${event_id}; Azure proceeds at NotBefore anyway"
    fi
}

warn() {
    local event_id="$1" event_type="$2" seconds="$3" minutes reason message
    minutes="$(minutes_left "${seconds}")"
    if [[ "${event_type}" == "Preempt" ]]; then
        reason="Azure is reclaiming this Spot VM"
    else
        reason="the pool is scaling in and this VM is being removed"
    fi
    message="This VM ($(hostname)) will shut down and be deleted in about ${minutes} minute(s): ${reason}.
Save your notebooks and files NOW: only the shared folder survives; anything else on this VM is lost.
Sign in again afterwards and you will get another VM. (scheduled event ${event_id}, ${event_type})"
    log "${event_type} event ${event_id} for ${NAME}: warning users, ${minutes} minute(s) left"
    if ! printf '%s\n' "${message}" | "${WALL[@]}"; then
        log "wall command '${WALL_COMMAND}' failed"
    fi
    write_notices "${message}"
    : >"$(warned_file "${event_id}")"
    if [[ "${ACKNOWLEDGE}" == "true" ]]; then
        acknowledge "${event_id}"
    fi
}

# Events we warned about that no longer appear were cancelled: take the notices back.
forget_cancelled() {
    local current="$1" file event_id
    for file in "${STATE_DIR}"/warned-*; do
        [[ -e "${file}" ]] || continue
        event_id="${file##*/warned-}"
        if ! grep -qx -- "${event_id}" <<<"${current}"; then
            log "event ${event_id} is gone without a shutdown: removing the notices"
            rm -f "${file}"
            remove_notices
        fi
    done
}

poll_once() {
    local document events event_id event_type seconds current=""
    if [[ -z "${NAME}" ]]; then
        if ! NAME="$(instance_name)" || [[ -z "${NAME}" ]]; then
            NAME=""
            log "cannot read this VM's name from IMDS at ${IMDS_URL}; retrying in ${POLL_SECONDS}s"
            return 1
        fi
        log "watching scheduled events for ${NAME}"
    fi
    if ! document="$(imds_get "$(events_url)")"; then
        log "cannot read scheduled events from ${IMDS_URL}; retrying in ${POLL_SECONDS}s"
        return 1
    fi
    if ! events="$(events_for_this_vm "${NAME}" <<<"${document}")"; then
        log "unreadable scheduled-events document; retrying in ${POLL_SECONDS}s"
        return 1
    fi
    while read -r event_id event_type seconds; do
        [[ -n "${event_id}" ]] || continue
        current+="${event_id}"$'\n'
        if [[ ! -e "$(warned_file "${event_id}")" ]]; then
            warn "${event_id}" "${event_type}" "${seconds}"
        fi
    done <<<"${events}"
    forget_cancelled "${current}"
}

main() {
    local polls=0
    NAME=""
    read -r -a WALL <<<"${WALL_COMMAND}"
    if ! mkdir -p "${STATE_DIR}"; then
        log "cannot create state directory ${STATE_DIR}"
        exit 1
    fi
    log "started (IMDS ${IMDS_URL}, every ${POLL_SECONDS}s, acknowledge=${ACKNOWLEDGE})"
    while :; do
        poll_once || true
        polls=$((polls + 1))
        if ((MAX_POLLS > 0 && polls >= MAX_POLLS)); then
            break
        fi
        sleep "${POLL_SECONDS}"
    done
}

main "$@"
