"""Messages to the VM's users: terminals through wall, JupyterHub through the announcement file that the
hub's template_vars callable (hub_setup.py) reads on every page it renders."""
import html
import json
import os
import subprocess


def to_terminals(settings, text, log):
    try:
        subprocess.run(settings["wall_command"], input=text.encode(), check=True, timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except (OSError, subprocess.SubprocessError) as error:
        log(f"wall failed ({error.__class__.__name__})")


def write_announcement(settings, for_all, per_user):
    """for_all: text shown to everyone on this hub; per_user: {user: text}. Both as plain text (escaped
    here: the hub's page template shows the announcement unescaped)."""
    document = {
        "all": _html(for_all),
        "users": {user: _html(text) for user, text in sorted(per_user.items()) if text},
    }
    path = settings["announcement_file"]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path) as source:
            if json.load(source) == document:
                return
    except (OSError, ValueError):
        pass
    temporary = f"{path}.tmp"
    with open(temporary, "w") as target:
        json.dump(document, target)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def _html(text):
    return "<br>".join(html.escape(line) for line in (text or "").splitlines())
