"""Time for events and opportunities: local times in IANA zones, and what is
upcoming, past, open or closed at the build time (SOURCE_DATE_EPOCH when set),
so that the same sources built at the same moment give the same site."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

DEFAULT_TIME_ZONE = "Europe/Budapest"


def zone(meta) -> ZoneInfo:
    return ZoneInfo(meta.get("timezone") or DEFAULT_TIME_ZONE)


def aware(local: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """A wall-clock time in a zone; fold=0 picks the first of a repeated hour, as calendars do."""
    return local.replace(tzinfo=tz)


def start(meta) -> dt.datetime:
    return aware(meta["start"], zone(meta))


def end(meta) -> dt.datetime:
    return aware(meta["end"], zone(meta))


def utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc)


def upcoming(meta, now: dt.datetime) -> bool:
    """An event stays upcoming until it ends (a running webinar can still be joined)."""
    return end(meta) >= now


def past(meta, now: dt.datetime) -> bool:
    return not upcoming(meta, now)


def local_today(now: dt.datetime) -> dt.date:
    return now.astimezone(ZoneInfo(DEFAULT_TIME_ZONE)).date()


def deadline_end(meta) -> dt.datetime:
    """When an opportunity closes: the end of its deadline day in the hub's home time zone."""
    try:
        return dt.datetime.combine(meta["deadline"] + dt.timedelta(days=1), dt.time(), ZoneInfo(DEFAULT_TIME_ZONE))
    except OverflowError:  # the last day of the calendar: it never closes
        return dt.datetime.max.replace(tzinfo=dt.timezone.utc)


def still_open(meta, now: dt.datetime) -> bool:
    """Open through the whole deadline day, in the hub's home time zone."""
    return meta["deadline"] >= local_today(now)


def closed(meta, now: dt.datetime) -> bool:
    return not still_open(meta, now)


def check_event(meta) -> list[tuple[str, str, str]]:
    problems = []
    if "start" in meta and "end" in meta and end(meta) < start(meta):
        problems.append(("end", "is before the start",
                         "write the end as YYYY-MM-DD HH:MM, later than the start"))
    if not meta.get("online") and not meta.get("venue"):
        problems.append(("venue", "is missing, and the event is not marked online",
                         "add 'venue: <place, city>' or 'online: yes'"))
    return problems
