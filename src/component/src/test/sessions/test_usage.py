"""Signs of use: terminal sessions from utmp (live process, tty idle time) and users' CPU from /proc, with
real processes running under a test uid."""
import os
import pathlib
import subprocess
import sys
import time

import pytest
import utmp
from conftest import TEST_UID

NOW = 1_796_200_000  # 2026-12-02 09:46:40 UTC


def as_test_user(code):
    # Debian's python3 (.ci/run installs it): the test uid cannot enter root's home, where the venv is
    return subprocess.Popen(["/usr/bin/python3", "-c", code], user=TEST_UID, group=TEST_UID, cwd="/",
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture
def processes():
    started = []
    yield started
    for process in started:
        process.kill()
        process.wait()


def test_a_session_whose_process_is_gone_does_not_count(sandbox, azure):
    dead = subprocess.Popen(["true"])
    dead.wait()
    utmp.write(sandbox.utmp, [utmp.entry("alice", "pts/5", dead.pid)])
    utmp.tty(sandbox.settings["dev_path"], "pts/5", NOW - 60)
    sandbox.run(NOW)
    assert azure.protected is False and azure.calls("PUT") == []
    assert sandbox.record() is None


def test_only_user_processes_entries_count(sandbox, azure):
    utmp.write(sandbox.utmp, [utmp.entry("alice", "pts/5", os.getpid(), kind=utmp.DEAD_PROCESS)])
    utmp.tty(sandbox.settings["dev_path"], "pts/5", NOW - 60)
    sandbox.run(NOW)
    assert azure.protected is False


def test_a_terminal_idle_longer_than_the_idle_time_does_not_protect(sandbox, azure):
    utmp.write(sandbox.utmp, [utmp.entry("alice", "pts/5", os.getpid())])
    utmp.tty(sandbox.settings["dev_path"], "pts/5", NOW - 31 * 60)
    sandbox.run(NOW)
    assert azure.protected is False
    # but alice still has a session here: her record says so
    assert sandbox.record()["users"] == ["alice"]


def test_several_sessions_the_freshest_input_counts(sandbox, azure):
    utmp.write(sandbox.utmp, [utmp.entry("alice", "pts/5", os.getpid()), utmp.entry("bob", "pts/6", os.getpid())])
    utmp.tty(sandbox.settings["dev_path"], "pts/5", NOW - 3 * 3600)
    utmp.tty(sandbox.settings["dev_path"], "pts/6", NOW - 120)
    sandbox.run(NOW)
    assert azure.protected is True
    assert sandbox.record()["users"] == ["alice", "bob"]


def test_a_busy_user_process_protects_and_an_idle_one_does_not(sandbox, azure, processes):
    processes.append(as_test_user("import time\nwhile True: time.sleep(1)"))
    sandbox.run(NOW)
    time.sleep(1.5)
    sandbox.run(NOW + 60)
    assert azure.protected is False, "a sleeping process is no use"
    assert sandbox.record()["users"] == [str(TEST_UID)], "but it is a session (e.g. a detached tmux)"

    processes.append(as_test_user("while True: pass"))
    time.sleep(0.5)  # the second run sees it for the first time: its ticks so far count
    # a low threshold: this machine is shared, a busy loop may get only a fraction of a CPU
    sandbox.run(NOW + 120, cpu_share_percent=5)
    time.sleep(1.5)
    sandbox.run(NOW + 180, cpu_share_percent=5)
    assert azure.protected is True


def test_the_cpu_share_is_configurable(sandbox, azure, processes):
    # at most a tenth of a CPU (busy 10 ms in 100 ms): below 50 %, above 1 % even on a loaded machine
    processes.append(as_test_user(
        "import time\nwhile True:\n    end = time.monotonic() + 0.01\n    while time.monotonic() < end: pass\n"
        "    time.sleep(0.09)"))
    sandbox.run(NOW, cpu_share_percent=50)
    time.sleep(2)
    sandbox.run(NOW + 60, cpu_share_percent=50)
    assert azure.protected is False
    time.sleep(2)
    sandbox.run(NOW + 120, cpu_share_percent=1)
    assert azure.protected is True


def test_a_hub_that_cannot_be_asked_is_logged_once_not_every_minute(sandbox, azure, capsys):
    from conftest import AGENT_DIR
    sys.path.insert(0, str(AGENT_DIR))
    import session_settings
    import usage
    pathlib.Path(sandbox.settings["hub_token_file"]).write_text("not-a-real-token\n")
    settings = session_settings.load(sandbox.write_config(hub_url="http://127.0.0.1:9"))
    logged = []
    for _ in range(3):
        assert usage.hub_servers(settings, NOW, logged.append) == []
    assert len(logged) == 1 and "JupyterHub not asked" in logged[0]
    assert "not-a-real-token" not in logged[0]
