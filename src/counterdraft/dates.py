"""The one timestamp of a run: from --date, else SOURCE_DATE_EPOCH, else now, so outputs can be reproduced."""
from __future__ import annotations

import datetime as dt
import os

from .errors import UsageError


def run_datetime(option: str | None = None) -> dt.datetime:
    if option:
        try:
            value = dt.datetime.fromisoformat(option.replace("Z", "+00:00"))
        except ValueError:
            raise UsageError(f"--date: {option!r} is not an ISO 8601 date or date-time") from None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        except ValueError:
            raise UsageError(f"SOURCE_DATE_EPOCH: {epoch!r} is not a whole number of seconds") from None
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def revision_date(when: dt.datetime) -> str:
    """Word's form: 2026-11-26T09:30:00Z."""
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
