#!/usr/bin/env python3
"""Registers the session agent with the VM's JupyterHub (run by the installer as root):
  - a random API token for the service "dsvm-session-agent" in hub_token_file (0600, created once; the hub
    configuration reads it from there, so the token is in no configuration text or log);
  - a role with the scopes the agent needs (JupyterHub >= 2 RBAC, docs "JupyterHub scopes"): list:users
    and read:users:activity, read:servers (who runs a server, its last_activity), access:servers (ask a
    server's /api/kernels whether a kernel is busy);
  - the announcement: c.JupyterHub.template_vars["announcement"] as a callable, which JupyterHub calls with
    the current user for every page it renders (JupyterHub app.py, template_vars; page.html shows
    `announcement`): it returns the agent's bound warning and the user's "your session is on VM x" notice
    from announcement_file. Chosen over the jupyterhub-announcement service: no package to install into
    the hub's environment, no extra port, and it can speak to one user.
The block sits between markers at the end of hub_config and is replaced on every run; the hub is restarted
(systemctl try-restart hub_unit) only when the file changed, because a restart stops running servers.
Exit 0 when done or when there is no hub (logged), 1 on failure (the configuration is left as it was)."""
import os
import secrets
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import session_settings  # noqa: E402

BEGIN = "# BEGIN dsvm-pool session agent (written by the provisioning script; replaced on every run)"
END = "# END dsvm-pool session agent"
SERVICE = "dsvm-session-agent"
SCOPES = ["list:users", "read:users:activity", "read:servers", "access:servers"]


def log(message):
    print(f"[dsvm-sessions] {message}", file=sys.stderr, flush=True)


def block(settings):
    return "\n".join([
        BEGIN,
        "def _dsvm_session_agent_token():",
        f"    with open({settings['hub_token_file']!r}) as source:",
        "        return source.read().strip()",
        "",
        "def _dsvm_session_announcement(user):",
        "    import json",
        "    try:",
        f"        with open({settings['announcement_file']!r}) as source:",
        "            document = json.load(source)",
        "    except (OSError, ValueError):",
        "        return ''",
        "    parts = [document.get('all') or '']",
        "    if user is not None:",
        "        parts.append((document.get('users') or {}).get(user.name) or '')",
        "    return '<br>'.join(part for part in parts if part)",
        "",
        f"c.JupyterHub.load_roles.append({{'name': {SERVICE!r}, 'scopes': {SCOPES!r}, 'services': [{SERVICE!r}]}})",
        f"c.JupyterHub.services.append({{'name': {SERVICE!r}, 'api_token': _dsvm_session_agent_token()}})",
        "c.JupyterHub.template_vars.update({'announcement': _dsvm_session_announcement})",
        END,
    ])


def without_block(text):
    kept, skipping = [], False
    for line in text.splitlines():
        if line == BEGIN:
            skipping = True
        elif skipping and line == END:
            skipping = False
        elif not skipping:
            kept.append(line)
    return "\n".join(kept)


def ensure_token(path):
    if os.path.exists(path):
        return
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as target:
        target.write(secrets.token_hex(32) + "\n")
    log(f"created the agent's hub token in {path} (0600)")


def main(config_path, systemctl="systemctl", root="", remove=False):
    """root prefixes the files touched (tests); the block names the paths as they are on the VM. remove:
    take the block out again (the agent is being turned off)."""
    settings = session_settings.load(config_path)
    config = root + settings["hub_config"]
    if not os.path.isfile(config):
        log(f"no JupyterHub configuration at {settings['hub_config']}: the agent watches terminals and "
            "processes only")
        return 0
    with open(config) as source:
        current = source.read()
    if remove:
        wanted = without_block(current).rstrip("\n") + "\n"
        if wanted == current or BEGIN not in current:
            return 0
    else:
        ensure_token(root + settings["hub_token_file"])
        wanted = without_block(current).rstrip("\n") + "\n" + block(settings) + "\n"
    if wanted == current:
        log(f"{config} up to date")
        return 0
    try:
        compile(wanted, config, "exec")
    except SyntaxError as error:
        log(f"the configuration with the agent's block does not compile ({error}); left as it was")
        return 1
    temporary = config + ".dsvm-sessions.tmp"
    with open(temporary, "w") as target:
        target.write(wanted)
    os.chmod(temporary, os.stat(config).st_mode & 0o7777)
    os.replace(temporary, config)
    log(f"{'removed' if remove else 'wrote'} the session agent's service, role and announcement "
        f"{'from' if remove else 'into'} {settings['hub_config']}")
    result = subprocess.run([systemctl, "try-restart", settings["hub_unit"]], capture_output=True, text=True)
    if result.returncode != 0:
        log(f"systemctl try-restart {settings['hub_unit']} failed: {result.stderr.strip()[-300:]}")
        return 1
    log(f"restarted {settings['hub_unit']} (if it was running)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], os.environ.get("DSVM_SYSTEMCTL_CMD") or "systemctl", os.environ.get("DSVM_ROOT", ""),
                  remove=sys.argv[2:] == ["--remove"]))
