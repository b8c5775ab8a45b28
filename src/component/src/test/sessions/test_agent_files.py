"""The shipped agent itself: standard library only (no pip on the VMs), settings validated, and the installer
exactly as SessionAgent renders it, in a sandbox root."""
import ast
import json
import os
import pathlib
import stat
import subprocess
import sys

import pytest
from conftest import AGENT_DIR

sys.path.insert(0, str(AGENT_DIR))
import session_settings  # noqa: E402


def test_the_agent_imports_only_the_standard_library_and_its_own_modules():
    own = {path.stem for path in AGENT_DIR.glob("*.py")}
    for path in AGENT_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top in own, f"{path.name} imports {name}"


def write(tmp_path, settings):
    path = tmp_path / "config.json"
    path.write_text(json.dumps(settings))
    return path


@pytest.mark.parametrize("settings, complaint", [
    ({"idle_minutes": 0}, "idle_minutes 0 is outside"),
    ({"latest_hour": 24}, "latest_hour 24 is outside"),
    ({"cpu_share_percent": "20"}, "cpu_share_percent must be a int"),
    ({"max_protected_hours": True}, "max_protected_hours must be a int"),
    ({"warn_minutes": [30, 0]}, "warn_minutes"),
    ({"wall_command": []}, "wall_command"),
    ({"idle_minute": 30}, "unknown setting(s) idle_minute"),
])
def test_settings_are_validated(tmp_path, settings, complaint):
    with pytest.raises(session_settings.SettingsError) as error:
        session_settings.load(write(tmp_path, settings))
    assert complaint in str(error.value)


def test_defaults_fill_what_the_file_leaves_out(tmp_path):
    settings = session_settings.load(write(tmp_path, {"idle_minutes": 45}))
    assert settings["idle_minutes"] == 45 and settings["latest_hour"] == 20 and settings["warn_minutes"] == [30, 10]


def rendered_file(variable):
    value = os.environ.get(variable)
    if not value:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{variable} is not set: run through SessionAgentTest")
        pytest.skip(f"{variable} is not set (SessionAgentTest sets it)")
    return pathlib.Path(value)


@pytest.fixture
def rendered():
    return rendered_file("DSVM_SESSION_AGENT_RENDERED")


@pytest.fixture
def removal():
    return rendered_file("DSVM_SESSION_AGENT_REMOVAL")


def test_the_rendered_installer_lays_out_the_agent_and_is_idempotent(tmp_path, rendered):
    root = tmp_path / "root"
    (root / "run/systemd/system").mkdir(parents=True)
    (root / "etc/jupyterhub").mkdir(parents=True)
    hub_config = root / "etc/jupyterhub/jupyterhub_config.py"
    hub_config.write_text("c = get_config()  # noqa\n")
    log = tmp_path / "systemctl.log"
    systemctl = tmp_path / "systemctl"
    systemctl.write_text(f"#!/bin/sh\necho \"$@\" >> '{log}'\n")
    systemctl.chmod(0o755)
    env = dict(os.environ, DSVM_ROOT=str(root), DSVM_SYSTEMCTL_CMD=str(systemctl))

    first = subprocess.run(["bash", str(rendered)], env=env, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    library = root / "usr/local/lib/dsvm-session-agent"
    for path in AGENT_DIR.glob("*.py"):
        installed = library / path.name
        assert installed.read_text() == path.read_text(), path.name
        assert stat.S_IMODE(installed.stat().st_mode) == (0o755 if path.name in ("agent.py", "hub_setup.py", "where.py") else 0o644)
    unit = root / "etc/systemd/system/dsvm-session-agent.service"
    assert unit.read_text() == (AGENT_DIR / "dsvm-session-agent.service").read_text()
    assert (root / "etc/profile.d/dsvm-session-where.sh").read_text() == (AGENT_DIR / "dsvm-session-where.sh").read_text()
    config = root / "etc/dsvm-session-agent/config.json"
    assert stat.S_IMODE(config.stat().st_mode) == 0o644
    settings = session_settings.load(config)  # the renderer writes only settings the agent knows, valid
    assert settings["share_path"] == "/datamnt/dsvmshare" and settings["time_zone"] == "Europe/Berlin"
    assert settings["ssh_per_vm_backend_port"] == 2222 and settings["jupyterhub_per_vm_backend_port"] == 8443
    token = root / "etc/dsvm-session-agent/hub-token"
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    block = hub_config.read_text()
    assert "open('/etc/dsvm-session-agent/hub-token')" in block and str(root) not in block
    assert token.read_text().strip() not in block + first.stderr
    assert log.read_text().splitlines() == ["try-restart jupyterhub.service", "daemon-reload",
                                            "enable dsvm-session-agent.service", "restart dsvm-session-agent.service"]

    before = {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}
    log.write_text("")
    second = subprocess.run(["bash", str(rendered)], env=env, capture_output=True, text=True, timeout=60)
    assert second.returncode == 0, second.stderr
    assert "wrote" not in second.stderr and "service up to date" in second.stderr
    assert log.read_text().splitlines() == ["enable --now dsvm-session-agent.service"]
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()} == before

    # the installed agent runs from there, standard library only, with isolated Python paths
    check = subprocess.run(["/usr/bin/python3", "-B", "-E", "-s", str(library / "agent.py"), "--help"],
                           capture_output=True, text=True, timeout=30)
    assert check.returncode == 0 and "--once" in check.stdout


def hub_setup(tmp_path, hub_config_text):
    settings = {"hub_config": str(tmp_path / "jupyterhub_config.py"), "hub_token_file": str(tmp_path / "t" / "token"),
                "announcement_file": str(tmp_path / "announcement.json")}
    if hub_config_text is not None:
        (tmp_path / "jupyterhub_config.py").write_text(hub_config_text)
    log = tmp_path / "systemctl.log"
    systemctl = tmp_path / "systemctl"
    systemctl.write_text(f"#!/bin/sh\necho \"$@\" >> '{log}'\n")
    systemctl.chmod(0o755)
    result = subprocess.run([sys.executable, "-B", str(AGENT_DIR / "hub_setup.py"), str(write(tmp_path, settings))],
                            env=dict(os.environ, DSVM_SYSTEMCTL_CMD=str(systemctl)), capture_output=True, text=True)
    return result, log


def test_without_a_hub_the_setup_does_nothing_and_succeeds(tmp_path):
    result, log = hub_setup(tmp_path, None)
    assert result.returncode == 0 and "no JupyterHub configuration" in result.stderr
    assert not (tmp_path / "t").exists() and not log.exists()


def test_a_hub_configuration_that_does_not_compile_is_left_alone(tmp_path):
    broken = "c = get_config()\nc.JupyterHub.port = (\n"
    result, log = hub_setup(tmp_path, broken)
    assert result.returncode == 1 and "does not compile" in result.stderr
    assert (tmp_path / "jupyterhub_config.py").read_text() == broken
    assert not log.exists(), "no restart"


def test_the_block_is_replaced_not_added_twice(tmp_path):
    hub_setup(tmp_path, "c = get_config()  # noqa\nc.JupyterHub.port = 8000\n")
    config = tmp_path / "jupyterhub_config.py"
    changed = config.read_text().replace("announcement.json", "other.json")
    config.write_text(changed)
    result, log = hub_setup(tmp_path, None)
    text = config.read_text()
    assert text.count("# BEGIN dsvm-pool session agent") == 1 and "other.json" not in text
    assert text.startswith("c = get_config()  # noqa\nc.JupyterHub.port = 8000\n")
    assert log.read_text().count("try-restart") == 2


def test_off_removes_everything_and_clears_nothing_it_did_not_install(tmp_path, rendered, removal):
    root = tmp_path / "root"
    (root / "run/systemd/system").mkdir(parents=True)
    (root / "etc/jupyterhub").mkdir(parents=True)
    original = "c = get_config()  # noqa\nc.JupyterHub.port = 8000\n"
    hub_config = root / "etc/jupyterhub/jupyterhub_config.py"
    hub_config.write_text(original)
    (root / "etc/profile.d").mkdir(parents=True)
    (root / "etc/profile.d/other.sh").write_text("# someone else's\n")
    log = tmp_path / "systemctl.log"
    systemctl = tmp_path / "systemctl"
    systemctl.write_text(f"#!/bin/sh\necho \"$@\" >> '{log}'\n")
    systemctl.chmod(0o755)
    env = dict(os.environ, DSVM_ROOT=str(root), DSVM_SYSTEMCTL_CMD=str(systemctl))
    # files only: the folders it creates (/etc/systemd/system, /usr/local/lib) exist on every VM anyway
    before = sorted(str(p.relative_to(root)) for p in root.rglob("*") if not p.is_dir())
    assert subprocess.run(["bash", str(rendered)], env=env, capture_output=True, timeout=60).returncode == 0
    log.write_text("")

    gone = subprocess.run(["bash", str(removal)], env=env, capture_output=True, text=True, timeout=60)
    assert gone.returncode == 0, gone.stderr
    assert "session agent removed" in gone.stderr
    assert hub_config.read_text() == original
    assert log.read_text().splitlines() == ["disable --now dsvm-session-agent.service",
                                            "try-restart jupyterhub.service", "daemon-reload"]
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*") if not p.is_dir()) == before

    log.write_text("")
    again = subprocess.run(["bash", str(removal)], env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and again.stderr == "" and log.read_text() == "", "a VM without it: untouched"
