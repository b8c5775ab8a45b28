"""A real SSH login (OpenSSH's sshd and ssh, in a mount namespace of its own so that the login is recorded in
a private /run/utmp) is a terminal session: it protects the VM while its tty is fresh, and after logging out
there is none."""
import json
import os
import socket
import subprocess
import sys
import time

from conftest import AGENT_DIR, real_clock_zone

HERE = __import__("pathlib").Path(__file__).parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_real_ssh_login_counts_as_a_terminal_session(sandbox, azure, tmp_path):
    now = time.time()
    sandbox.write_config(utmp_path="/run/utmp", dev_path="/dev", time_zone=real_clock_zone())
    ssh_folder = tmp_path / "ssh"
    ssh_folder.mkdir()
    result = subprocess.run(["unshare", "--mount", "--propagation", "private", sys.executable, "-B",
                             str(HERE / "real_ssh_session.py"), str(ssh_folder), str(free_port()),
                             str(AGENT_DIR / "agent.py"), str(sandbox.config), str(now)],
                            env=dict(os.environ, DSVM_SESSION_AGENT_HOST="dsvmpool000003"),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr + (ssh_folder / "sshd.log").read_text()
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["logged_in"]["who"][:1] == ["root"] and seen["logged_in"]["who"][1].startswith("pts/")
    assert seen["logged_in"]["runs"] == [0]
    assert azure.protected is True, "the login protects the VM"
    assert sandbox.record()["users"] == ["root"]
    assert seen["after"]["who"] == [], "sshd marked the session dead at logout"


def test_a_real_ssh_login_idle_longer_than_the_idle_time_does_not_protect(sandbox, azure, tmp_path):
    later = time.time() + 31 * 60  # the tty's last input is the login itself
    sandbox.write_config(utmp_path="/run/utmp", dev_path="/dev", time_zone=real_clock_zone())
    ssh_folder = tmp_path / "ssh"
    ssh_folder.mkdir()
    result = subprocess.run(["unshare", "--mount", "--propagation", "private", sys.executable, "-B",
                             str(HERE / "real_ssh_session.py"), str(ssh_folder), str(free_port()),
                             str(AGENT_DIR / "agent.py"), str(sandbox.config), str(later)],
                            env=dict(os.environ, DSVM_SESSION_AGENT_HOST="dsvmpool000003"),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert azure.protected is False
    assert sandbox.record()["users"] == ["root"], "still a session to find"
