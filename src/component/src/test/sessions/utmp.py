"""Writes utmp files the way glibc lays them out (man 5 utmp), for the terminal-session tests."""
import os
import struct

UTMP = struct.Struct("<hxxi32s4s32s256shhiii16s20s")
USER_PROCESS = 7
DEAD_PROCESS = 8


def entry(user, line, pid, kind=USER_PROCESS, host="203.0.113.9"):
    return UTMP.pack(kind, pid, line.encode(), line[-4:].encode(), user.encode(), host.encode(), 0, 0, 0, 0, 0,
                     b"", b"")


def write(path, entries):
    with open(path, "wb") as target:
        target.write(b"".join(entries))


def tty(dev, line, last_input):
    """A stand-in for /dev/<line> whose access time (what `w` reads as idle) is last_input."""
    path = os.path.join(dev, line)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w"):
        pass
    os.utime(path, (last_input, last_input))
