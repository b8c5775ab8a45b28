"""The bounded evening with a controllable clock: no protection from the latest hour until the resume hour,
at most max_protected_hours in one stretch, warnings at 30 and 10 minutes before either (wall and the
JupyterHub announcement), and protection back the next morning."""
import datetime
import os

import utmp


def at(text):
    return datetime.datetime.fromisoformat(text).timestamp()


def busy_at(sandbox, moment):
    """alice typed one minute before `moment`."""
    utmp.write(sandbox.utmp, [utmp.entry("alice", "pts/5", os.getpid())])
    utmp.tty(sandbox.settings["dev_path"], "pts/5", moment - 60)


def protections(azure):
    return [r["body"]["properties"]["protectionPolicy"]["protectFromScaleIn"] for r in azure.calls("PUT")]


def test_the_latest_hour_ends_protection_after_two_warnings(sandbox, azure):
    for clock in ("19:20", "19:31", "19:35", "19:51", "19:55"):
        moment = at(f"2026-12-02T{clock}:00+00:00")
        busy_at(sandbox, moment)
        sandbox.run(moment)
        assert azure.protected is True, clock
    walls = sandbox.walls()
    assert len(walls) == 2, walls
    assert "for 29 more minute(s), until 20:00 (UTC)" in walls[0] and "latest hour" in walls[0]
    assert "for 9 more minute(s), until 20:00 (UTC)" in walls[1]
    assert "5 more minute(s)" in sandbox.announcement()["all"], "the hub shows the minutes left now"

    evening = at("2026-12-02T20:00:30+00:00")
    busy_at(sandbox, evening)
    sandbox.run(evening)
    assert azure.protected is False, "the schedule wins whatever the use"
    assert "no longer kept" in sandbox.walls()[-1]
    assert "no longer kept" in sandbox.announcement()["all"]

    for clock in ("2026-12-02T22:00", "2026-12-03T05:59"):
        busy_at(sandbox, at(clock + ":00+00:00"))
        sandbox.run(at(clock + ":00+00:00"))
    assert protections(azure) == [True, False], "not protected again during the night"
    assert len(sandbox.walls()) == 3, "the end is told once"

    morning = at("2026-12-03T06:01:00+00:00")
    busy_at(sandbox, morning)
    sandbox.run(morning)
    assert protections(azure) == [True, False, True]


def test_the_maximum_protected_time_ends_a_stretch_until_the_vm_was_idle(sandbox, azure):
    settings = dict(latest_hour=23, max_protected_hours=2)
    for clock in ("08:00", "09:25", "09:31", "09:51", "09:59"):
        busy_at(sandbox, at(f"2026-12-02T{clock}:00+00:00"))
        sandbox.run(at(f"2026-12-02T{clock}:00+00:00"), **settings)
        assert azure.protected is True, clock
    walls = sandbox.walls()
    assert len(walls) == 2
    assert "29 more minute(s), until 10:00 (UTC)" in walls[0] and "longest protection of one VM (2 h)" in walls[0]
    for clock in ("10:00", "10:30"):
        busy_at(sandbox, at(f"2026-12-02T{clock}:00+00:00"))
        sandbox.run(at(f"2026-12-02T{clock}:00+00:00"), **settings)
        assert azure.protected is False, clock
    # idle for the idle time (30 min), then used again: a new stretch
    sandbox.run(at("2026-12-02T11:01:00+00:00"), **settings)
    busy_at(sandbox, at("2026-12-02T11:05:00+00:00"))
    sandbox.run(at("2026-12-02T11:05:00+00:00"), **settings)
    assert protections(azure) == [True, False, True]


def test_a_stretch_that_starts_inside_the_warning_time_warns_once(sandbox, azure):
    moment = at("2026-12-02T19:55:00+00:00")
    busy_at(sandbox, moment)
    sandbox.run(moment)
    walls = sandbox.walls()
    assert len(walls) == 1 and "5 more minute(s)" in walls[0]
    sandbox.run(moment + 60)
    assert len(sandbox.walls()) == 1


def test_the_hours_are_in_the_configured_time_zone(sandbox, azure):
    # 19:05 UTC is 20:05 in Berlin in December (UTC+1): past a latest hour of 20 there, not in UTC
    moment = at("2026-12-02T19:05:00+00:00")
    busy_at(sandbox, moment)
    sandbox.run(moment, time_zone="Europe/Berlin")
    assert azure.calls("PUT") == []
    sandbox.run(moment + 60, time_zone="UTC")
    assert azure.protected is True
    assert sandbox.walls() == [], "54 minutes before the bound: no warning yet"


def test_a_daylight_saving_change_keeps_the_latest_hour_local(sandbox, azure):
    import sys
    from conftest import AGENT_DIR
    sys.path.insert(0, str(AGENT_DIR))
    import evening_bound
    settings = {"latest_hour": 20, "resume_hour": 6, "time_zone": "Europe/Berlin", "max_protected_hours": 24}
    # 2026-03-29 is the spring change in Europe: 20:00 in Berlin is 18:00 UTC that evening
    end, reason = evening_bound.bound(at("2026-03-28T20:30:00+00:00"), None, settings)
    assert reason == "evening"
    end, reason = evening_bound.bound(at("2026-03-29T10:00:00+00:00"), None, settings)
    assert end == at("2026-03-29T18:00:00+00:00") and reason == "evening"
