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


def exists(local: dt.datetime, tz: ZoneInfo) -> bool:
    """False for a wall-clock time inside a daylight-saving gap (02:30 on the night clocks jump
    from 02:00 to 03:00): Python would place it an hour off, and the event could end before it starts."""
    there = utc(aware(local, tz)).astimezone(tz).replace(tzinfo=None)
    return there == local


def nearest_valid(local: dt.datetime, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The last minute before the gap `local` falls into, and the first after it (gaps are at most
    a day long: Samoa skipped 30 December 2011)."""
    minute = dt.timedelta(minutes=1)
    before, after = local - minute, local + minute
    while not exists(before, tz):
        before -= minute
    while not exists(after, tz):
        after += minute
    return before, after


def gap_problem(name: str, local: dt.datetime, tz: ZoneInfo) -> tuple[str, str, str]:
    before, after = nearest_valid(local, tz)
    shown = "%Y-%m-%d %H:%M"
    skipped = before + dt.timedelta(minutes=1)
    to = f"{after:%H:%M}" if after.date() == skipped.date() else f"{after:{shown}}"
    return (name, f"{local:{shown}} does not exist in {tz.key}: the clocks jump from {skipped:{shown}} to {to}",
            f"write {before:{shown}} or {after:{shown}}")


def check_event(meta) -> list[tuple[str, str, str]]:
    problems = [gap_problem(name, meta[name], zone(meta)) for name in ("start", "end")
                if name in meta and not exists(meta[name], zone(meta))]
    if problems:
        return problems
    if "start" in meta and "end" in meta and end(meta) < start(meta):
        problems.append(("end", "is before the start",
                         "write the end as YYYY-MM-DD HH:MM, later than the start"))
    if not meta.get("online") and not meta.get("venue"):
        problems.append(("venue", "is missing, and the event is not marked online",
                         "add 'venue: <place, city>' or 'online: yes'"))
    return problems
