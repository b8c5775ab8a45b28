"""The bound on protection: none between latest_hour and resume_hour (local time in time_zone), and at most
max_protected_hours in one stretch. Pure functions of the clock and the state, so tests can move time."""
import datetime
import math
import zoneinfo


def _local(now, settings):
    return datetime.datetime.fromtimestamp(now, zoneinfo.ZoneInfo(settings["time_zone"]))


def in_evening(now, settings):
    """Whether the schedule wins now (from latest_hour until resume_hour the next morning)."""
    hour = _local(now, settings).hour
    latest, resume = settings["latest_hour"], settings["resume_hour"]
    if latest == resume:
        return False
    if latest > resume:
        return hour >= latest or hour < resume
    return latest <= hour < resume


def next_evening(now, settings):
    """The next moment (epoch seconds) at which the evening begins, today's if it is still to come."""
    local = _local(now, settings)
    start = local.replace(hour=settings["latest_hour"], minute=0, second=0, microsecond=0)
    if start <= local:
        # wall-clock arithmetic: zoneinfo gives the new day its own offset (daylight saving)
        start += datetime.timedelta(days=1)
    return start.timestamp()


def bound(now, protected_since, settings):
    """(end, reason): when protection must end and why ("evening" or "maximum"); end <= now means now."""
    if in_evening(now, settings):
        return now, "evening"
    evening = next_evening(now, settings)
    if protected_since is not None:
        maximum = protected_since + settings["max_protected_hours"] * 3600
        if maximum <= evening:
            return maximum, "maximum"
    return evening, "evening"


def due_warnings(now, end, warned, settings):
    """(minutes left, keys) when a warning is due: the smallest threshold already reached and not yet
    warned for this end; every threshold reached is marked so that one stretch warns once per threshold."""
    left = end - now
    if left <= 0:
        return None, []
    reached = [m for m in settings["warn_minutes"] if left <= m * 60]
    keys = [f"{int(end)}:{m}" for m in reached if f"{int(end)}:{m}" not in warned]
    if not keys:
        return None, []
    return math.ceil(left / 60), keys


def local_clock_text(moment, settings):
    return _local(moment, settings).strftime("%H:%M") + f" ({settings['time_zone']})"
