"""The session agent's settings: a JSON file written by the provisioning script (SessionAgent.java renders it).

Every key has a default here so that a partial file still works; a value of the wrong type or out of range
stops the agent with a message naming the key (the renderer validates the same ranges first).
"""
import json

DEFAULTS = {
    # minutes without any sign of use after which protection is cleared
    "idle_minutes": 30,
    # a user's processes together above this share of one CPU over the last interval mean "in use"
    "cpu_share_percent": 20,
    # local hour (0-23) from which the schedule wins: no protection until resume_hour
    "latest_hour": 20,
    "resume_hour": 6,
    # IANA time zone of the hours above (the VM's clock is UTC)
    "time_zone": "UTC",
    # longest continuous protection of this VM; afterwards it stays unprotected until it has been idle
    "max_protected_hours": 10,
    # minutes before either bound at which the VM's users are warned
    "warn_minutes": [30, 10],
    "interval_seconds": 60,
    "min_uid": 1000,
    "hub_url": "https://127.0.0.1:8000",
    "hub_token_file": "/etc/dsvm-session-agent/hub-token",
    "hub_config": "/etc/jupyterhub/jupyterhub_config.py",
    "hub_unit": "jupyterhub.service",
    "announcement_file": "/var/lib/dsvm-session-agent/announcement.json",
    "share_path": "",
    "records_folder": ".dsvm-pool-sessions",
    "record_stale_minutes": 5,
    # the pool's public DNS name or address for the "your session is on VM x" notices; empty: the frontend
    # address the load balancer metadata reports
    "pool_address": "",
    "ssh_per_vm_backend_port": 2222,
    "jupyterhub_per_vm_backend_port": 8443,
    "imds_url": "http://169.254.169.254",
    "arm_url": "https://management.azure.com",
    # client id of a user-assigned identity; empty: the VM's only (or system-assigned) identity
    "identity_client_id": "",
    "state_dir": "/var/lib/dsvm-session-agent",
    "utmp_path": "/var/run/utmp",
    "dev_path": "/dev",
    "proc_path": "/proc",
    "wall_command": ["wall"],
    # seconds: first back-off for 403/5xx (doubled up to 30), and how long one cycle may keep retrying
    "retry_base_seconds": 5,
    "retry_budget_seconds": 45,
}

RANGES = {
    "idle_minutes": (1, 1440),
    "cpu_share_percent": (1, 100),
    "latest_hour": (0, 23),
    "resume_hour": (0, 23),
    "max_protected_hours": (1, 168),
    "interval_seconds": (1, 3600),
    "min_uid": (0, 2**31),
    "record_stale_minutes": (1, 1440),
    "ssh_per_vm_backend_port": (1, 65535),
    "jupyterhub_per_vm_backend_port": (1, 65535),
}


class SettingsError(ValueError):
    pass


def load(path):
    with open(path) as source:
        given = json.load(source)
    if not isinstance(given, dict):
        raise SettingsError(f"{path}: expected a JSON object")
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise SettingsError(f"{path}: unknown setting(s) {', '.join(unknown)}")
    settings = dict(DEFAULTS)
    settings.update(given)
    for key, default in DEFAULTS.items():
        value = settings[key]
        expected = float if isinstance(default, float) else type(default)
        if expected is int and isinstance(value, bool) or not isinstance(value, (int, float) if expected in (int, float) else expected):
            raise SettingsError(f"{path}: {key} must be a {expected.__name__}, not {value!r}")
        if key in RANGES and not RANGES[key][0] <= value <= RANGES[key][1]:
            raise SettingsError(f"{path}: {key} {value} is outside {RANGES[key][0]}-{RANGES[key][1]}")
    if not all(isinstance(m, int) and 1 <= m <= 240 for m in settings["warn_minutes"]):
        raise SettingsError(f"{path}: warn_minutes must be whole minutes 1-240")
    if not settings["wall_command"] or not all(isinstance(w, str) for w in settings["wall_command"]):
        raise SettingsError(f"{path}: wall_command must be a non-empty list of strings")
    return settings
