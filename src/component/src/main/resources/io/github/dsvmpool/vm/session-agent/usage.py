"""Signs that people use this VM: terminal sessions (utmp and the idle time of their tty), JupyterHub
single-user servers (the hub's REST API: last activity, busy kernels) and users' processes' CPU (/proc).

Each sign yields (user, moment of last use); a busy kernel or a busy process counts as used now."""
import json
import os
import ssl
import struct
import urllib.error
import urllib.parse
import urllib.request

# glibc's struct utmp on Linux (x86_64 and aarch64): ut_type, ut_pid, ut_line[32], ut_id[4], ut_user[32],
# ut_host[256], ut_exit (2 shorts), ut_session, ut_tv (2 int32), ut_addr_v6[4], unused[20]: 384 bytes
# (man 5 utmp). USER_PROCESS = 7 is a logged-in user.
UTMP = struct.Struct("<hxxi32s4s32s256shhiii16s20s")
USER_PROCESS = 7
_last_hub_error = [""]


def terminal_sessions(settings):
    """[(user, tty, last keystroke)] of live login sessions. A tty's access time is its last input (what
    `w` shows as IDLE)."""
    sessions = []
    try:
        with open(settings["utmp_path"], "rb") as utmp:
            data = utmp.read()
    except OSError:
        return sessions
    for offset in range(0, len(data) - UTMP.size + 1, UTMP.size):
        kind, pid, line, _, user, *_ = UTMP.unpack_from(data, offset)
        if kind != USER_PROCESS or pid <= 0 or not os.path.exists(os.path.join(settings["proc_path"], str(pid))):
            continue
        line = line.split(b"\0", 1)[0].decode(errors="replace")
        user = user.split(b"\0", 1)[0].decode(errors="replace")
        if not user or not line or "/" in line.replace("pts/", "", 1) or line.startswith("."):
            continue
        try:
            last = os.stat(os.path.join(settings["dev_path"], line)).st_atime
        except OSError:
            continue
        sessions.append((user, line, last))
    return sessions


def _hub_context(url):
    # the DSVM's hub serves HTTPS with a self-signed certificate on this machine itself
    if url.startswith("https://") and urllib.parse.urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1"):
        return ssl._create_unverified_context()
    return None


def _hub_get(settings, token, path):
    url = settings["hub_url"].rstrip("/") + path
    call = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                         urllib.request.HTTPSHandler(context=_hub_context(url)))
    with opener.open(call, timeout=20) as answer:
        return json.loads(answer.read())


def parse_time(text):
    """JupyterHub's ISO 8601 time ("2026-12-02T11:00:00.123456Z") as epoch seconds, or None."""
    import datetime
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def hub_servers(settings, now, log):
    """[(user, last activity)] for each running single-user server; a server with a busy kernel counts as
    active now. [] when the hub cannot be asked (logged)."""
    try:
        with open(settings["hub_token_file"]) as source:
            token = source.read().strip()
    except OSError:
        return []
    try:
        # JupyterHub REST API: GET /hub/api/users?state=active lists users with running servers (scopes
        # list:users, read:users:activity, read:servers), each server with last_activity, ready and url.
        users = _hub_get(settings, token, "/hub/api/users?state=active")
    except (OSError, ValueError) as error:
        # logged when the reason changes, not every minute (the hub starts after the agent at boot)
        reason = f"JupyterHub not asked ({error.__class__.__name__}: {error})"
        if reason != _last_hub_error[0]:
            _last_hub_error[0] = reason
            log(reason)
        return []
    _last_hub_error[0] = ""
    found = []
    for user in users if isinstance(users, list) else []:
        for server in (user.get("servers") or {}).values():
            last = parse_time(server.get("last_activity")) or parse_time(user.get("last_activity")) or 0
            if server.get("ready") and server.get("url") and _busy_kernel(settings, token, server["url"], log):
                last = now
            found.append((user.get("name", ""), last))
    return found


def _busy_kernel(settings, token, server_url, log):
    """Whether a kernel of the server runs code: Jupyter Server's GET <server>/api/kernels (through the
    hub's proxy; scope access:servers) reports execution_state "busy"."""
    try:
        kernels = _hub_get(settings, token, server_url.rstrip("/") + "/api/kernels")
    except (OSError, ValueError) as error:
        log(f"kernels of {server_url} not asked ({error.__class__.__name__})")
        return False
    return any(kernel.get("execution_state") == "busy" for kernel in kernels if isinstance(kernel, dict))


def cpu_sample(settings):
    """{uid: CPU ticks} summed over the processes of users (uid >= min_uid), with their process keys."""
    proc = settings["proc_path"]
    ticks = {}
    for name in os.listdir(proc):
        if not name.isdigit():
            continue
        try:
            with open(os.path.join(proc, name, "stat")) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(os.path.join(proc, name, "status")) as status:
                uid = next(int(line.split()[1]) for line in status if line.startswith("Uid:"))
        except (OSError, StopIteration, IndexError, ValueError):
            continue
        if uid < settings["min_uid"] or uid == 65534:  # nobody is not a person
            continue
        # fields after the command: state is field 3, utime 14, stime 15, starttime 22 (man 5 proc)
        key = f"{name}:{fields[19]}"
        ticks[key] = (uid, int(fields[11]) + int(fields[12]))
    return ticks


def busy_users(settings, previous, current, elapsed):
    """uids whose processes used more than cpu_share_percent of one CPU between two samples; a process
    new since the previous sample counts with all its ticks."""
    if not previous or elapsed <= 0:
        return set()
    per_uid = {}
    for key, (uid, ticks) in current.items():
        before = previous.get(key, (uid, 0))[1]
        per_uid[uid] = per_uid.get(uid, 0) + max(0, ticks - before)
    limit = settings["cpu_share_percent"] / 100 * os.sysconf("SC_CLK_TCK") * elapsed
    return {uid for uid, used in per_uid.items() if used > limit}


def user_name(uid):
    import pwd
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def users_with_processes(settings, sample):
    return {user_name(uid) for uid, _ in sample.values()}
