"""Fixtures of the session agent's tests: the agent's files from src/main/resources, a fake Azure, a sandbox
of settings and folders, and a way to run one agent cycle at a chosen moment."""
import json
import time
import os
import pathlib
import subprocess
import sys

import pytest

# no __pycache__ next to the shipped agent (it would end up in the jar) or the tests
sys.dont_write_bytecode = True
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
sys.path.insert(0, os.path.dirname(__file__))
from fake_azure import FakeAzure  # noqa: E402

PROJECT = pathlib.Path(__file__).resolve().parents[3]
AGENT_DIR = PROJECT / "src/main/resources/io/github/dsvmpool/vm/session-agent"
# A uid no real process has: only processes the tests start under it count as users' processes.
TEST_UID = 4242001


@pytest.fixture
def azure():
    fake = FakeAzure()
    yield fake
    fake.close()


def real_clock_zone(now=None):
    """A fixed-offset zone (Etc/GMT+N) in which the real clock reads about 08:00, for the tests that run on the real
    clock: with the default hours (protection from 06:00 until 20:00) they then hold at any time of day, with 12 h
    to spare, instead of failing in the evening bound (they once did, in a CI run after 16:00 UTC that looked 4 h
    ahead)."""
    hour = time.gmtime(now if now is not None else time.time()).tm_hour
    offset = (hour - 8 + 12) % 24 - 12  # local = UTC - offset for Etc/GMT+offset; in -12..11
    return "Etc/GMT" + ("+" if offset >= 0 else "-") + str(abs(offset))


class Sandbox:
    def __init__(self, root, azure):
        self.root = root
        self.azure = azure
        for folder in ("state", "share", "dev", "hub"):
            (root / folder).mkdir()
        self.utmp = root / "utmp"
        self.utmp.write_bytes(b"")
        self.wall_log = root / "wall.log"
        self.settings = {
            "idle_minutes": 30, "cpu_share_percent": 20, "latest_hour": 20, "resume_hour": 6,
            "time_zone": "UTC", "max_protected_hours": 10, "warn_minutes": [30, 10], "min_uid": TEST_UID,
            "hub_url": "http://127.0.0.1:9", "hub_token_file": str(root / "hub" / "token"),
            "hub_config": str(root / "hub" / "jupyterhub_config.py"),
            "announcement_file": str(root / "state" / "announcement.json"),
            "share_path": str(root / "share"), "pool_address": "",
            "imds_url": azure.url if azure else "http://127.0.0.1:9",
            "arm_url": azure.url if azure else "http://127.0.0.1:9",
            "state_dir": str(root / "state"), "utmp_path": str(self.utmp), "dev_path": str(root / "dev"),
            "wall_command": ["sh", "-c", f"cat >> '{self.wall_log}'; echo ---- >> '{self.wall_log}'"],
            "retry_base_seconds": 0.05, "retry_budget_seconds": 20,
        }
        self.config = root / "config.json"

    def write_config(self, **changes):
        self.settings.update(changes)
        self.config.write_text(json.dumps(self.settings))
        return self.config

    def run(self, now, host="dsvmpool000003", check=True, **changes):
        """One agent cycle at epoch `now`; returns the CompletedProcess (stderr is the log)."""
        self.write_config(**changes)
        env = dict(os.environ, DSVM_SESSION_AGENT_NOW=str(now), DSVM_SESSION_AGENT_HOST=host)
        result = subprocess.run([sys.executable, "-B", "-E", "-s", str(AGENT_DIR / "agent.py"), "--config",
                                 str(self.config), "--once"], env=env, capture_output=True, text=True, timeout=120)
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def state(self):
        return json.loads((self.root / "state" / "state.json").read_text())

    def walls(self):
        text = self.wall_log.read_text() if self.wall_log.exists() else ""
        return [part.strip() for part in text.split("----") if part.strip()]

    def record(self, host="dsvmpool000003"):
        path = self.root / "share" / ".dsvm-pool-sessions" / f"{host}.json"
        return json.loads(path.read_text()) if path.exists() else None

    def announcement(self):
        return json.loads(pathlib.Path(self.settings["announcement_file"]).read_text())


@pytest.fixture
def sandbox(tmp_path, azure):
    return Sandbox(tmp_path, azure)
