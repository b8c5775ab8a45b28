"""Find my session again: the record on the share (ports from the load balancer metadata), its removal,
stale records of VMs that went away, the JupyterHub notice and the login notice."""
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pytest
import utmp
from conftest import AGENT_DIR, real_clock_zone

NOW = 1_796_200_000


def logged_in(sandbox, *users):
    utmp.write(sandbox.utmp, [utmp.entry(user, f"pts/{i}", os.getpid()) for i, user in enumerate(users)])
    for i, _ in enumerate(users):
        utmp.tty(sandbox.settings["dev_path"], f"pts/{i}", NOW - 60)


def other_vm(sandbox, host, users, updated, ssh_port=50007, hub_port=51007):
    folder = pathlib.Path(sandbox.settings["share_path"]) / ".dsvm-pool-sessions"
    folder.mkdir(exist_ok=True)
    (folder / f"{host}.json").write_text(json.dumps({
        "version": 1, "host": host, "updated": updated, "users": users,
        "ssh": {"address": "20.1.2.3", "port": ssh_port}, "jupyterhub": {"address": "20.1.2.3", "port": hub_port}}))


def test_the_record_names_the_users_and_the_vm_s_own_ports(sandbox, azure):
    logged_in(sandbox, "bob", "alice")
    sandbox.run(NOW)
    assert sandbox.record() == {"version": 1, "host": "dsvmpool000003", "updated": NOW, "users": ["alice", "bob"],
                                "ssh": {"address": "20.1.2.3", "port": 50003},
                                "jupyterhub": {"address": "20.1.2.3", "port": 51003}}
    lb = [r for r in azure.requests if r["path"] == "/metadata/loadbalancer"]
    assert len(lb) == 1 and lb[0]["query"] == {"api-version": "2020-10-01"}
    folder = pathlib.Path(sandbox.settings["share_path"]) / ".dsvm-pool-sessions"
    assert sorted(p.name for p in folder.iterdir()) == ["dsvmpool000003.json"], "no temporary file left"


def test_the_record_goes_when_the_sessions_go(sandbox, azure):
    logged_in(sandbox, "alice")
    sandbox.run(NOW)
    assert sandbox.record() is not None
    utmp.write(sandbox.utmp, [])
    sandbox.run(NOW + 60)
    assert sandbox.record() is None


def test_the_record_goes_when_the_agent_stops(sandbox, azure):
    logged_in(sandbox, "alice")
    utmp.tty(sandbox.settings["dev_path"], "pts/0", time.time() - 60)  # this test runs on the real clock
    sandbox.write_config(interval_seconds=1, time_zone=real_clock_zone())
    env = dict(os.environ, DSVM_SESSION_AGENT_HOST="dsvmpool000003")
    agent = subprocess.Popen([sys.executable, "-B", "-E", "-s", str(AGENT_DIR / "agent.py"), "--config",
                              str(sandbox.config)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            if sandbox.record() is not None and azure.protected:
                break
            time.sleep(0.1)
        assert sandbox.record() is not None and azure.protected is True
        agent.send_signal(signal.SIGTERM)
        assert agent.wait(timeout=20) == 0
    finally:
        agent.kill()
    assert sandbox.record() is None
    log = agent.stderr.read()
    assert "session record removed" in log
    # no protection is left behind without an agent to bound it
    assert azure.protected is False and "protectFromScaleIn cleared: the agent stops" in log
    assert [r["body"]["properties"]["protectionPolicy"]["protectFromScaleIn"] for r in azure.calls("PUT")] == [True, False]


def test_users_of_this_hub_are_told_where_their_fresh_sessions_elsewhere_are(sandbox, azure):
    logged_in(sandbox, "alice")
    other_vm(sandbox, "dsvmpool000007", ["bob", "carol"], NOW - 60)
    other_vm(sandbox, "dsvmpool000009", ["dave"], NOW - 6 * 60)  # stale: that VM went away
    sandbox.run(NOW)
    users = sandbox.announcement()["users"]
    assert sorted(users) == ["bob", "carol"]
    assert "dsvmpool000007" in users["bob"]
    assert "ssh -p 50007 bob@20.1.2.3" in users["bob"]
    assert "https://20.1.2.3:51007/" in users["bob"]
    sandbox.run(NOW, pool_address="pool.example.org")
    assert "ssh -p 50007 bob@pool.example.org" in sandbox.announcement()["users"]["bob"]


def test_records_that_could_inject_markup_or_terminal_codes_are_ignored(sandbox, azure):
    # the share is writable by the pool's users: a record is text for other people's pages and terminals
    other_vm(sandbox, "dsvmpool000007", ["<b>x</b>"], NOW - 60)
    other_vm(sandbox, "dsvmpool000008", ["erin"], NOW - 60)
    folder = pathlib.Path(sandbox.settings["share_path"]) / ".dsvm-pool-sessions"
    record = json.loads((folder / "dsvmpool000008.json").read_text())
    record["ssh"]["address"] = "\x1b]0;owned\x07evil"
    (folder / "dsvmpool000008.json").write_text(json.dumps(record))
    other_vm(sandbox, "dsvmpool000009", ["frank"], NOW - 60)
    sandbox.run(NOW)
    users = sandbox.announcement()["users"]
    assert sorted(users) == ["erin", "frank"]
    assert "\x1b" not in users["erin"] and "ssh -p" not in users["erin"] and "https://20.1.2.3:51007/" in users["erin"]


def test_the_announcement_is_escaped_for_the_hub_page(tmp_path):
    # the hub's page template shows the announcement unescaped (`| safe`): the agent escapes it
    sys.path.insert(0, str(AGENT_DIR))
    import notices
    settings = {"announcement_file": str(tmp_path / "a" / "announcement.json")}
    notices.write_announcement(settings, "line <1> & 'two'\nline 2", {"alice": "<script>x</script>", "bob": ""})
    document = json.loads((tmp_path / "a" / "announcement.json").read_text())
    assert document == {"all": "line &lt;1&gt; &amp; &#x27;two&#x27;<br>line 2",
                        "users": {"alice": "&lt;script&gt;x&lt;/script&gt;"}}


@pytest.fixture
def world_readable():
    """A sandbox the unprivileged login user can read (pytest's own temporary folders are root's only)."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="dsvm-sessions-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_the_login_notice_tells_the_user_where_their_session_is(sandbox, azure, world_readable):
    # the shipped files as the installer lays them out, with the sandbox's paths
    library = world_readable / "lib"
    shutil.copytree(AGENT_DIR, library, ignore=shutil.ignore_patterns("__pycache__"))
    config = world_readable / "config.json"
    share = world_readable / "share"
    sandbox.settings["share_path"] = str(share)
    config.write_text(json.dumps(sandbox.settings))
    profile = (AGENT_DIR / "dsvm-session-where.sh").read_text()
    assert "/usr/local/lib/dsvm-session-agent/where.py" in profile and "/etc/dsvm-session-agent/config.json" in profile
    profile = profile.replace("/usr/local/lib/dsvm-session-agent/where.py", str(library / "where.py")) \
        .replace("/etc/dsvm-session-agent/config.json", str(config))
    (world_readable / "profile.sh").write_text(profile)
    for path in world_readable.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    sandbox.settings["share_path"] = str(share)
    share.mkdir(mode=0o755)
    other_vm(sandbox, "dsvmpool000007", ["nobody"], time.time() - 60)
    other_vm(sandbox, "dsvmpool000009", ["someone"], time.time() - 60)
    (share / ".dsvm-pool-sessions").chmod(0o755)

    def login(interactive):
        shell = ["/bin/sh", "-i"] if interactive else ["/bin/sh"]
        return subprocess.run(shell + ["-c", f". {world_readable / 'profile.sh'}"], user="nobody", cwd="/", capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "DSVM_SESSION_AGENT_HOST": "dsvmpool000003"}, timeout=30)

    result = login(interactive=True)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Your running session is on VM dsvmpool000007, not on this one. To get back to it:",
        "  terminal:    ssh -p 50007 nobody@20.1.2.3",
        "  JupyterHub:  https://20.1.2.3:51007/",
    ]
    assert login(interactive=False).stdout == "", "scp and remote commands stay quiet"
    # on the VM where the session is, nothing to say
    quiet = subprocess.run(["/bin/sh", "-i", "-c", f". {world_readable / 'profile.sh'}"], user="nobody", cwd="/",
                           capture_output=True, text=True, timeout=30,
                           env={"PATH": "/usr/bin:/bin", "DSVM_SESSION_AGENT_HOST": "dsvmpool000007"})
    assert quiet.stdout == ""
