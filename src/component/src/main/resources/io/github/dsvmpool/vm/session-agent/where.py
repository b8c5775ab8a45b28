#!/usr/bin/env python3
"""Login notice (/etc/profile.d/dsvm-session-where.sh): tells the user who just logged in where their other
running sessions are, from the records on the shared workspace. Prints nothing when there are none and never
fails the login."""
import os
import pwd
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main():
    import session_records
    import session_settings
    config = sys.argv[1] if len(sys.argv) > 1 else "/etc/dsvm-session-agent/config.json"
    settings = session_settings.load(config)
    user = pwd.getpwuid(os.getuid()).pw_name
    now = float(os.environ.get("DSVM_SESSION_AGENT_NOW") or time.time())
    host = os.environ.get("DSVM_SESSION_AGENT_HOST") or socket.gethostname()
    for line in session_records.notice_lines(session_records.elsewhere(settings, user, host, now)):
        print(line)


if __name__ == "__main__":
    try:
        main()
    except Exception:  # a login must never fail because of this notice
        pass
