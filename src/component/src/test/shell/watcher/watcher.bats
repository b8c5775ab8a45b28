#!/usr/bin/env bats
# Tests for scheduled-events-watcher.sh against a fake IMDS (fake_imds.py) on 127.0.0.1.

WATCHER="${BATS_TEST_DIRNAME}/../../../main/resources/io/github/dsvmpool/vm/scheduled-events-watcher.sh"

setup() {
    IMDS_DIR="${BATS_TEST_TMPDIR}/imds"
    mkdir -p "${IMDS_DIR}" "${BATS_TEST_TMPDIR}/home/alice" "${BATS_TEST_TMPDIR}/home/bob" "${BATS_TEST_TMPDIR}/state"
    echo "pool_3" >"${IMDS_DIR}/name"
    no_events
    start_imds

    # A wall that records what it would broadcast.
    WALL_LOG="${BATS_TEST_TMPDIR}/wall.log"
    cat >"${BATS_TEST_TMPDIR}/fake-wall" <<WALL
#!/usr/bin/env bash
{ cat; echo "--- end of message"; } >>"${WALL_LOG}"
WALL
    chmod +x "${BATS_TEST_TMPDIR}/fake-wall"

    export DSVM_WATCHER_STATE_DIR="${BATS_TEST_TMPDIR}/state"
    export DSVM_WATCHER_HOME_ROOT="${BATS_TEST_TMPDIR}/home"
    export DSVM_WATCHER_MIN_UID=0
    export DSVM_WATCHER_WALL_COMMAND="${BATS_TEST_TMPDIR}/fake-wall"
    export DSVM_WATCHER_POLL_SECONDS=0
    export DSVM_WATCHER_MAX_POLLS=1
    export DSVM_WATCHER_HTTP_TIMEOUT=5
    unset DSVM_WATCHER_INSTANCE_NAME DSVM_WATCHER_ACKNOWLEDGE
}

teardown() {
    stop_imds
}

start_imds() {
    rm -f "${IMDS_DIR}/port"
    python3 "${BATS_TEST_DIRNAME}/fake_imds.py" "${IMDS_DIR}" 3>&- &
    IMDS_PID=$!
    for _ in $(seq 1 100); do
        [[ -s "${IMDS_DIR}/port" ]] && break
        sleep 0.05
    done
    [[ -s "${IMDS_DIR}/port" ]]
    export DSVM_WATCHER_IMDS_URL="http://127.0.0.1:$(cat "${IMDS_DIR}/port")"
}

stop_imds() {
    if [[ -n "${IMDS_PID:-}" ]]; then
        kill "${IMDS_PID}" 2>/dev/null || true
        wait "${IMDS_PID}" 2>/dev/null || true
        IMDS_PID=""
    fi
}

no_events() {
    echo '{"DocumentIncarnation": 1, "Events": []}' >"${IMDS_DIR}/events.json"
}

# event <id> <type> <resource> <seconds from now, or "started">
event() {
    python3 - "$@" >"${IMDS_DIR}/events.json" <<'PY'
import email.utils, json, sys, time
event_id, event_type, resource, when = sys.argv[1:5]
not_before = "" if when == "started" else email.utils.formatdate(time.time() + int(when), usegmt=True)
print(json.dumps({"DocumentIncarnation": 2, "Events": [{
    "EventId": event_id, "EventType": event_type, "ResourceType": "VirtualMachine",
    "Resources": [resource], "EventStatus": "Scheduled" if not_before else "Started",
    "NotBefore": not_before, "Description": "", "EventSource": "Platform", "DurationInSeconds": -1}]}))
PY
}

wall_messages() {
    if [[ -f "${WALL_LOG}" ]]; then grep -c -- "--- end of message" "${WALL_LOG}"; else echo 0; fi
}

@test "no event: no warning, no notice" {
    run bash "${WATCHER}"
    [ "${status}" -eq 0 ]
    [ "$(wall_messages)" -eq 0 ]
    [ ! -e "${BATS_TEST_TMPDIR}/home/alice/VM-SHUTTING-DOWN.txt" ]
    grep -q "GET /metadata/scheduledevents?api-version=2020-07-01" "${IMDS_DIR}/requests"
}

@test "terminate event for this VM: one warning naming the minutes left, and notices in the homes" {
    event "evt-1" "Terminate" "pool_3" 570
    run bash "${WATCHER}"
    [ "${status}" -eq 0 ]
    [ "$(wall_messages)" -eq 1 ]
    grep -q "in about 10 minute(s)" "${WALL_LOG}"
    grep -q "scaling in" "${WALL_LOG}"
    grep -q "in about 10 minute(s)" "${BATS_TEST_TMPDIR}/home/alice/VM-SHUTTING-DOWN.txt"
    grep -q "in about 10 minute(s)" "${BATS_TEST_TMPDIR}/home/bob/VM-SHUTTING-DOWN.txt"
    [[ "${output}" == *"dsvm-scheduled-events: Terminate event evt-1 for pool_3: warning users, 10 minute(s) left"* ]]
}

@test "the instance name comes from IMDS compute/name" {
    event "evt-1" "Terminate" "pool_3" 570
    run bash "${WATCHER}"
    grep -q "GET /metadata/instance/compute/name" "${IMDS_DIR}/requests"
    [[ "${output}" == *"watching scheduled events for pool_3"* ]]
}

@test "event for another VM: nothing" {
    event "evt-2" "Terminate" "pool_7" 570
    run bash "${WATCHER}"
    [ "${status}" -eq 0 ]
    [ "$(wall_messages)" -eq 0 ]
    [ ! -e "${BATS_TEST_TMPDIR}/home/alice/VM-SHUTTING-DOWN.txt" ]
}

@test "events that do not delete the VM (Reboot, Freeze) are ignored" {
    event "evt-3" "Reboot" "pool_3" 570
    run bash "${WATCHER}"
    [ "$(wall_messages)" -eq 0 ]
}

@test "same event polled twice, and by a restarted watcher: warned once" {
    event "evt-1" "Terminate" "pool_3" 570
    DSVM_WATCHER_MAX_POLLS=3 run bash "${WATCHER}"
    [ "${status}" -eq 0 ]
    run bash "${WATCHER}"
    [ "$(wall_messages)" -eq 1 ]
}

@test "a second event is warned about separately" {
    event "evt-1" "Terminate" "pool_3" 570
    run bash "${WATCHER}"
    event "evt-9" "Terminate" "pool_3" 300
    run bash "${WATCHER}"
    [ "$(wall_messages)" -eq 2 ]
    grep -q "in about 5 minute(s)" "${WALL_LOG}"
}

@test "Spot eviction (Preempt, already started): warned with zero minutes and the Spot reason" {
    event "evt-4" "Preempt" "pool_3" started
    run bash "${WATCHER}"
    [ "$(wall_messages)" -eq 1 ]
    grep -q "in about 0 minute(s)" "${WALL_LOG}"
    grep -q "Spot" "${WALL_LOG}"
}

@test "endpoint down: retries, logs each failure, does not crash" {
    stop_imds
    DSVM_WATCHER_MAX_POLLS=3 DSVM_WATCHER_INSTANCE_NAME=pool_3 run bash "${WATCHER}"
    [ "${status}" -eq 0 ]
    [ "$(grep -c "dsvm-scheduled-events: cannot read scheduled events" <<<"${output}")" -eq 3 ]
    [ "$(wall_messages)" -eq 0 ]
}

@test "endpoint down before the name is known: retries and logs" {
    stop_imds
    DSVM_WATCHER_MAX_POLLS=2 run bash "${WATCHER}"
    [ "${status}" -eq 0 ]
    [ "$(grep -c "cannot read this VM's name" <<<"${output}")" -eq 2 ]
}

@test "endpoint comes back: the event is warned about" {
    stop_imds
    DSVM_WATCHER_MAX_POLLS=1 DSVM_WATCHER_INSTANCE_NAME=pool_3 run bash "${WATCHER}"
    start_imds
    event "evt-1" "Terminate" "pool_3" 570
    DSVM_WATCHER_INSTANCE_NAME=pool_3 run bash "${WATCHER}"
    [ "$(wall_messages)" -eq 1 ]
}

@test "an unreadable document is logged, not fatal" {
    echo '<html>proxy error</html>' >"${IMDS_DIR}/events.json"
    run bash "${WATCHER}"
    [ "${status}" -eq 0 ]
    [[ "${output}" == *"unreadable scheduled-events document"* ]]
}

@test "acknowledges only when configured" {
    event "evt-1" "Terminate" "pool_3" 570
    run bash "${WATCHER}"
    [ ! -e "${IMDS_DIR}/acknowledged" ]

    event "evt-5" "Terminate" "pool_3" 570
    DSVM_WATCHER_ACKNOWLEDGE=true run bash "${WATCHER}"
    grep -q '"StartRequests": \[{"EventId": "evt-5"}\]' "${IMDS_DIR}/acknowledged"
    [ "$(wc -l <"${IMDS_DIR}/acknowledged")" -eq 1 ]
}

@test "a cancelled event takes its notices back" {
    event "evt-1" "Terminate" "pool_3" 570
    run bash "${WATCHER}"
    [ -e "${BATS_TEST_TMPDIR}/home/alice/VM-SHUTTING-DOWN.txt" ]
    no_events
    run bash "${WATCHER}"
    [ ! -e "${BATS_TEST_TMPDIR}/home/alice/VM-SHUTTING-DOWN.txt" ]
    [[ "${output}" == *"event evt-1 is gone without a shutdown"* ]]
}

@test "a symbolic link planted at the notice name is replaced, its target untouched" {
    echo "precious" >"${BATS_TEST_TMPDIR}/precious"
    ln -s "${BATS_TEST_TMPDIR}/precious" "${BATS_TEST_TMPDIR}/home/alice/VM-SHUTTING-DOWN.txt"
    event "evt-1" "Terminate" "pool_3" 570
    run bash "${WATCHER}"
    [ "$(cat "${BATS_TEST_TMPDIR}/precious")" = "precious" ]
    [ ! -L "${BATS_TEST_TMPDIR}/home/alice/VM-SHUTTING-DOWN.txt" ]
    grep -q "minute(s)" "${BATS_TEST_TMPDIR}/home/alice/VM-SHUTTING-DOWN.txt"
}

@test "homes of system accounts (uid below the minimum) get no notice" {
    event "evt-1" "Terminate" "pool_3" 570
    DSVM_WATCHER_MIN_UID=4294967294 run bash "${WATCHER}"
    [ "$(wall_messages)" -eq 1 ]
    [ ! -e "${BATS_TEST_TMPDIR}/home/alice/VM-SHUTTING-DOWN.txt" ]
}
