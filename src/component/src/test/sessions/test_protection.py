"""protectFromScaleIn through the fake IMDS and Resource Manager: the calls, their headers, the token's
audience, the api-version and body, retries on 403, 429 and 5xx, and no call when nothing changes."""
import os
import sys
import time

import utmp
from conftest import AGENT_DIR
from fake_azure import TOKEN

NOW = 1_796_200_000  # 2026-12-02 (Wednesday) 09:46:40 UTC: inside working hours


def logged_in(sandbox, last_input, user="alice", line="pts/5", pid=None):
    utmp.write(sandbox.utmp, [utmp.entry(user, line, pid or os.getpid())])
    utmp.tty(sandbox.settings["dev_path"], line, last_input)


def test_a_logged_in_user_protects_the_instance_with_the_documented_calls(sandbox, azure):
    logged_in(sandbox, NOW - 60)
    result = sandbox.run(NOW)

    instance = azure.calls("GET", "imds")[0]
    assert instance["path"] == "/metadata/instance"
    assert instance["query"]["api-version"] == "2021-02-01"
    tokens = [r for r in azure.requests if r["path"] == "/metadata/identity/oauth2/token"]
    assert len(tokens) == 1
    assert tokens[0]["query"] == {"api-version": "2018-02-01", "resource": "https://management.azure.com/"}
    assert all(r["headers"].get("metadata") == "true" for r in azure.calls(kind="imds"))

    arm = azure.calls(kind="arm")
    assert [r["method"] for r in arm] == ["GET", "PUT"], "reads the state first, then sets it"
    for call in arm:
        assert call["path"] == azure.resource_id
        assert call["query"] == {"api-version": "2025-04-01"}
        assert call["headers"]["authorization"] == "Bearer " + TOKEN
    assert arm[1]["body"] == {"location": "westeurope",
                              "properties": {"protectionPolicy": {"protectFromScaleIn": True}}}
    assert arm[1]["headers"]["content-type"] == "application/json"
    assert azure.protected is True
    assert TOKEN not in result.stderr and TOKEN not in result.stdout


def test_a_user_assigned_identity_is_named_in_the_token_request(sandbox, azure):
    logged_in(sandbox, NOW - 60)
    sandbox.run(NOW, identity_client_id="11111111-2222-3333-4444-555555555555")
    token = [r for r in azure.requests if r["path"] == "/metadata/identity/oauth2/token"][0]
    assert token["query"]["client_id"] == "11111111-2222-3333-4444-555555555555"


def test_no_call_when_the_wanted_state_is_the_known_one(sandbox, azure):
    sys.path.insert(0, str(AGENT_DIR))
    import agent
    import session_settings
    logged_in(sandbox, NOW - 60)
    settings = session_settings.load(sandbox.write_config())
    os.environ["DSVM_SESSION_AGENT_HOST"] = "dsvmpool000003"
    try:
        running = agent.Agent(settings)
        for minute in range(3):
            os.environ["DSVM_SESSION_AGENT_NOW"] = str(NOW + 60 * minute)
            assert running.cycle() is True
    finally:
        del os.environ["DSVM_SESSION_AGENT_NOW"], os.environ["DSVM_SESSION_AGENT_HOST"]
    assert [r["method"] for r in azure.calls(kind="arm")] == ["GET", "PUT"], "one read at start, one change"


def test_an_instance_already_protected_is_read_and_left_alone(sandbox, azure):
    azure.protected = True
    logged_in(sandbox, NOW - 60)
    sandbox.run(NOW)
    assert [r["method"] for r in azure.calls(kind="arm")] == ["GET"]


def test_idle_for_the_configured_time_clears_protection(sandbox, azure):
    logged_in(sandbox, NOW - 60)
    sandbox.run(NOW)
    assert azure.protected is True
    sandbox.run(NOW + 28 * 60)  # last input 29 minutes ago: still in use
    assert azure.protected is True
    assert [r["method"] for r in azure.calls(kind="arm")] == ["GET", "PUT", "GET"]
    sandbox.run(NOW + 30 * 60)  # 31 minutes without input
    assert azure.protected is False
    assert azure.calls("PUT")[-1]["body"]["properties"]["protectionPolicy"] == {"protectFromScaleIn": False}


def test_403_while_the_role_propagates_backs_off_and_succeeds(sandbox, azure):
    denied = (403, {}, {"error": {"code": "AuthorizationFailed"}})
    azure.fail[("PUT", "arm")] = [denied, denied, denied]
    logged_in(sandbox, NOW - 60)
    result = sandbox.run(NOW)
    puts = azure.calls("PUT")
    assert len(puts) == 4 and azure.protected is True
    gaps = [b["time"] - a["time"] for a, b in zip(puts, puts[1:])]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.2, f"doubling back-off: {gaps}"
    assert result.stderr.count("may still be propagating") == 1, "logged once a minute, not per try"
    assert "AuthorizationFailed" in result.stderr


def test_403_that_lasts_gives_up_for_the_cycle_and_the_next_cycle_succeeds(sandbox, azure):
    denied = (403, {}, {"error": {"code": "AuthorizationFailed"}})
    azure.fail[("PUT", "arm")] = [denied] * 100
    logged_in(sandbox, NOW - 60)
    result = sandbox.run(NOW, retry_budget_seconds=1)
    assert azure.protected is False
    assert "giving up for this cycle" in result.stderr
    azure.fail.clear()
    sandbox.run(NOW + 60)
    assert azure.protected is True


def test_429_waits_as_long_as_retry_after_says(sandbox, azure):
    azure.fail[("PUT", "arm")] = [(429, {"Retry-After": "2"}, {"error": {"code": "TooManyRequests"}})]
    logged_in(sandbox, NOW - 60)
    started = time.monotonic()
    sandbox.run(NOW)
    puts = azure.calls("PUT")
    assert len(puts) == 2 and azure.protected is True
    assert puts[1]["time"] - puts[0]["time"] >= 2.0
    assert time.monotonic() - started < 15


def test_5xx_and_an_unreachable_moment_are_retried(sandbox, azure):
    azure.fail[("GET", "arm")] = [(500, {}, {}), (503, {}, {})]
    logged_in(sandbox, NOW - 60)
    sandbox.run(NOW)
    assert [r["method"] for r in azure.calls(kind="arm")] == ["GET", "GET", "GET", "PUT"]
    assert azure.protected is True


def test_other_errors_are_not_retried(sandbox, azure):
    azure.fail[("PUT", "arm")] = [(400, {}, {"error": {"code": "InvalidParameter"}})]
    logged_in(sandbox, NOW - 60)
    result = sandbox.run(NOW)
    assert len(azure.calls("PUT")) == 1 and azure.protected is False
    assert "InvalidParameter" in result.stderr


def test_a_vm_outside_a_scale_set_calls_no_resource_manager(sandbox, azure):
    azure.resource_id = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm1"
    logged_in(sandbox, NOW - 60)
    result = sandbox.run(NOW)
    assert azure.calls(kind="arm") == []
    assert "not a scale-set instance" in result.stderr


def test_a_refused_token_is_replaced_at_the_next_cycle(sandbox, azure):
    sys.path.insert(0, str(AGENT_DIR))
    import agent
    import session_settings
    logged_in(sandbox, NOW - 60)
    azure.fail[("GET", "arm")] = [(401, {}, {"error": {"code": "ExpiredAuthenticationToken"}})]
    settings = session_settings.load(sandbox.write_config())
    os.environ["DSVM_SESSION_AGENT_NOW"] = str(NOW)
    try:
        running = agent.Agent(settings)
        running.cycle()
        assert azure.protected is False
        running.cycle()
    finally:
        del os.environ["DSVM_SESSION_AGENT_NOW"]
    assert azure.protected is True
    tokens = [r for r in azure.requests if r["path"] == "/metadata/identity/oauth2/token"]
    assert len(tokens) == 2, "a new token after the 401"
