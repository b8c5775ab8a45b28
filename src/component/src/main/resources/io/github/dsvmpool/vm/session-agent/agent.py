#!/usr/bin/env python3
"""dsvm-session-agent: keeps a pool VM that people use from being removed by scale-in, within a bound.

Every interval_seconds (a systemd service, dsvm-session-agent.service) it:
  1. looks for use: terminal sessions with recent input, JupyterHub servers with recent activity or a busy
     kernel, users' processes above cpu_share_percent of a CPU (usage.py);
  2. wants protectFromScaleIn while the VM was used within idle_minutes, except in the evening
     (latest_hour to resume_hour) and after max_protected_hours in one stretch (evening_bound.py), warning
     the users 30 and 10 minutes before (wall and the JupyterHub announcement);
  3. calls Azure Resource Manager only when that differs from the last known state, read once at start
     (azure_calls.py);
  4. writes who has sessions here, and this VM's direct ports, to the shared workspace, and tells users of
     this hub where their sessions on other VMs are (session_records.py).
Settings: the JSON file given with --config (session_settings.py). Test hooks: DSVM_SESSION_AGENT_NOW
(epoch seconds instead of the clock), DSVM_SESSION_AGENT_HOST (instead of the host name).
"""
import argparse
import json
import os
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import azure_calls  # noqa: E402
import evening_bound  # noqa: E402
import notices  # noqa: E402
import session_records  # noqa: E402
import session_settings  # noqa: E402
import usage  # noqa: E402

log = azure_calls.log


def clock():
    return float(os.environ.get("DSVM_SESSION_AGENT_NOW") or time.time())


class Agent:
    def __init__(self, settings):
        self.settings = settings
        self.azure = azure_calls.Azure(settings)
        self.host = os.environ.get("DSVM_SESSION_AGENT_HOST") or socket.gethostname()
        self.state_path = os.path.join(settings["state_dir"], "state.json")
        self.state = {"last_used": None, "protected_since": None, "exhausted": False, "warned": [],
                      "notice": "", "cpu": {}, "cpu_at": None}
        try:
            with open(self.state_path) as source:
                self.state.update(json.load(source))
        except (OSError, ValueError):
            pass
        # Azure's state is read again at every start: someone may have changed it meanwhile
        self.state["protected"] = None
        self.ports = None
        self.not_in_scale_set_logged = False

    def observe(self, now):
        """(moment of last use or None, users with sessions here)."""
        moments, users = [], set()
        for user, line, last in usage.terminal_sessions(self.settings):
            users.add(user)
            moments.append(min(last, now))
        for user, last in usage.hub_servers(self.settings, now, log):
            users.add(user)
            moments.append(min(last, now))
        sample = usage.cpu_sample(self.settings)
        previous_at, current_at = self.state.get("cpu_at"), time.monotonic()
        if previous_at is not None and previous_at < current_at:
            previous = {key: tuple(value) for key, value in (self.state.get("cpu") or {}).items()}
            busy = usage.busy_users(self.settings, previous, sample, current_at - previous_at)
            if busy:
                moments.append(now)
                users.update(usage.user_name(uid) for uid in busy)
        self.state["cpu"], self.state["cpu_at"] = sample, current_at
        users.update(usage.users_with_processes(self.settings, sample))
        return (max(moments) if moments else None), users

    def cycle(self):
        settings, state, now = self.settings, self.state, clock()
        used_at, users = self.observe(now)
        if used_at is not None:
            state["last_used"] = max(state["last_used"] or 0, used_at)
        busy = state["last_used"] is not None and now - state["last_used"] < settings["idle_minutes"] * 60
        if not busy:
            state.update(protected_since=None, exhausted=False, warned=[], notice="")
        elif (state["protected_since"] is None and not state["exhausted"]
              and not evening_bound.in_evening(now, settings)):
            state["protected_since"] = now
        end, reason = evening_bound.bound(now, state["protected_since"], settings)
        if busy and reason == "maximum" and end <= now:
            state["exhausted"] = True
        wanted = busy and not state["exhausted"] and end > now
        if wanted:
            self.warn_if_due(now, end, reason)
        elif busy and state["protected_since"] is not None:
            self.tell_ended(reason)
        self.apply(wanted, now)
        self.publish(users, now)
        self.save()
        return wanted

    def warn_if_due(self, now, end, reason):
        minutes, keys = evening_bound.due_warnings(now, end, self.state["warned"], self.settings)
        if keys:
            log(f"warning users: protection ends in {minutes} min ({reason})")
            notices.to_terminals(self.settings, self.warning(now, end, reason) + "\n", log)
            self.state["warned"] = sorted(set(self.state["warned"]) | set(keys))
        if any(key.startswith(f"{int(end)}:") for key in self.state["warned"]):
            # the hub shows the minutes left as they are now, not as they were at the warning
            self.state["notice"] = self.warning(now, end, reason)

    def warning(self, now, end, reason):
        minutes = max(1, -(-int(end - now) // 60))
        why = ("the pool's latest hour for protected VMs" if reason == "evening"
               else f"the longest protection of one VM ({self.settings['max_protected_hours']} h)")
        return (f"dsvm-pool: this VM ({self.host}) is kept for your running work for {minutes} more minute(s), "
                f"until {evening_bound.local_clock_text(end, self.settings)}: {why}. After that the pool may "
                "remove it when it scales in. Save your work to the shared folder.")

    def tell_ended(self, reason):
        log(f"protection ended: {reason} bound")
        text = (f"dsvm-pool: this VM ({self.host}) is no longer kept for running work ({'the evening' if reason == 'evening' else 'its longest protection'}): "
                "the pool may remove it when it scales in. Save your work to the shared folder.")
        notices.to_terminals(self.settings, text + "\n", log)
        self.state["notice"] = text
        self.state["protected_since"] = None

    def apply(self, wanted, now):
        try:
            if self.azure.instance_url() is None:
                if not self.not_in_scale_set_logged:
                    log("this VM is not a scale-set instance (IMDS compute.resourceId); nothing to protect")
                    self.not_in_scale_set_logged = True
                return
            if self.state["protected"] is None:
                self.state["protected"] = self.azure.read_protection(now)
                log(f"protectFromScaleIn is {str(self.state['protected']).lower()} on this instance")
            if self.state["protected"] != wanted:
                self.azure.set_protection(wanted, now)
                self.state["protected"] = wanted
                log(f"protectFromScaleIn set to {str(wanted).lower()}")
        except azure_calls.AzureError as error:
            log(str(error))

    def publish(self, users, now):
        settings = self.settings
        try:
            if users and not self.ports:
                # asked again while unknown: IMDS may answer later (and the call is cheap and local)
                self.ports = self.azure.per_vm_ports()
            session_records.write(settings, self.host, users, self.ports or {}, now)
        except (OSError, azure_calls.AzureError) as error:
            log(f"session record not written ({error.__class__.__name__}: {error})")
        per_user = {}
        try:
            for host, record in session_records.fresh_records(settings, now).items():
                for user in record["users"]:
                    lines = session_records.notice_lines(session_records.elsewhere(settings, user, self.host, now))
                    if lines:
                        per_user[user] = "\n".join(lines)
            notices.write_announcement(settings, self.state["notice"], per_user)
        except OSError as error:
            log(f"announcement not written ({error.__class__.__name__}: {error})")

    def save(self):
        os.makedirs(self.settings["state_dir"], exist_ok=True)
        temporary = self.state_path + ".tmp"
        with open(temporary, "w") as target:
            json.dump(self.state, target)
        os.replace(temporary, self.state_path)

    def stop(self):
        """At shutdown or when the service is stopped: no record, and no protection left without an agent
        to bound it (best effort, at most 15 s of retries)."""
        session_records.remove(self.settings, self.host)
        if self.state.get("protected") is not False and self.azure.compute:
            self.settings = dict(self.settings, retry_budget_seconds=min(15, self.settings["retry_budget_seconds"]))
            self.azure.settings = self.settings
            try:
                if self.azure.instance_url() is not None:
                    self.azure.set_protection(False, clock())
                    self.state["protected"] = False
                    log("protectFromScaleIn cleared: the agent stops")
            except azure_calls.AzureError as error:
                log(f"could not clear protectFromScaleIn at stop ({error})")
        self.save()


def main(arguments=None):
    parser = argparse.ArgumentParser(description="dsvm-pool session agent")
    parser.add_argument("--config", default="/etc/dsvm-session-agent/config.json")
    parser.add_argument("--once", action="store_true", help="one cycle, then exit")
    options = parser.parse_args(arguments)
    try:
        settings = session_settings.load(options.config)
    except (OSError, ValueError) as error:
        log(f"cannot read settings: {error}")
        return 2
    agent = Agent(settings)
    if options.once:
        agent.cycle()
        return 0

    def terminate(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, terminate)
    log(f"started (every {settings['interval_seconds']} s, idle after {settings['idle_minutes']} min)")
    try:
        while True:
            started = time.monotonic()
            try:
                agent.cycle()
            except Exception as error:  # one bad cycle must not stop the protection loop
                log(f"cycle failed: {error.__class__.__name__}: {error}")
            time.sleep(max(1.0, settings["interval_seconds"] - (time.monotonic() - started)))
    finally:
        agent.stop()
        log("stopped; session record removed")


if __name__ == "__main__":
    sys.exit(main())
