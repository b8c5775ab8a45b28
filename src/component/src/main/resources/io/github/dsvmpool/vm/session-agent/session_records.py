"""Records on the shared workspace of who has running sessions on which VM, and how to reach that VM
directly: one small JSON file per VM in <share>/<records_folder>/, replaced atomically every cycle, removed
when the VM has no sessions or stops. Readers ignore records older than record_stale_minutes, so the record
of a VM that went away without cleaning up goes stale on its own."""
import json
import os
import re

VERSION = 1
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")
# what a record may name as an address: a DNS name or an IPv4/IPv6 address. The share is writable by the
# pool's users, so a record is checked before its text reaches someone's terminal or page.
_ADDRESS = re.compile(r"^[A-Za-z0-9.:-]{1,253}$")
_USER = re.compile(r"^[A-Za-z0-9._][A-Za-z0-9._-]{0,31}\$?$")


def folder(settings):
    if not settings["share_path"]:
        return None
    return os.path.join(settings["share_path"], settings["records_folder"])


def record_path(settings, host):
    base = folder(settings)
    return None if base is None or not _NAME.match(host) else os.path.join(base, host + ".json")


def write(settings, host, users, ports, now):
    """Writes this VM's record (users sorted), or removes it when users is empty."""
    path = record_path(settings, host)
    if path is None:
        return
    if not users:
        remove(settings, host)
        return
    record = {"version": VERSION, "host": host, "updated": int(now), "users": sorted(users)}
    for name, (address, port) in sorted(ports.items()):
        record[name] = {"address": address, "port": port}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w") as target:
        json.dump(record, target)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def remove(settings, host):
    path = record_path(settings, host)
    if path is not None:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def fresh_records(settings, now):
    """Records updated within record_stale_minutes, by host."""
    base = folder(settings)
    found = {}
    try:
        names = os.listdir(base) if base else []
    except OSError:
        return found
    for name in names:
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(base, name)) as source:
                record = json.load(source)
            host, updated, users = record["host"], float(record["updated"]), record["users"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if name != f"{host}.json" or not isinstance(host, str) or not _NAME.match(host) \
                or not isinstance(users, list) or not all(isinstance(u, str) and _USER.match(u) for u in users):
            continue
        if now - updated <= settings["record_stale_minutes"] * 60 and updated <= now + 300:
            found[host] = record
    return found


def elsewhere(settings, user, this_host, now):
    """[(host, ssh command or None, JupyterHub URL or None)] for the user's sessions on other VMs."""
    places = []
    for host, record in sorted(fresh_records(settings, now).items()):
        if host == this_host or user not in record["users"]:
            continue
        ssh = _reach(settings, record.get("ssh"))
        hub = _reach(settings, record.get("jupyterhub"))
        places.append((host,
                       f"ssh -p {ssh[1]} {user}@{ssh[0]}" if ssh else None,
                       f"https://{hub[0]}:{hub[1]}/" if hub else None))
    return places


def _reach(settings, entry):
    if not isinstance(entry, dict) or not isinstance(entry.get("port"), int) or not 0 < entry["port"] < 65536:
        return None
    address = settings["pool_address"] or entry.get("address") or ""
    return (address, entry["port"]) if isinstance(address, str) and _ADDRESS.match(address) else None


def notice_lines(places):
    lines = []
    for host, ssh, hub in places:
        lines.append(f"Your running session is on VM {host}, not on this one. To get back to it:")
        if ssh:
            lines.append(f"  terminal:    {ssh}")
        if hub:
            lines.append(f"  JupyterHub:  {hub}")
        if not ssh and not hub:
            lines.append("  (this VM's direct ports are unknown; ask the pool's administrator)")
    return lines
