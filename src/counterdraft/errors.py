"""Every error counterdraft raises on purpose.

    CounterdraftError            one line, names the file and the problem
    +-- ConfigError              profile, clause library, template, plan (CLI exit 2)
    +-- UsageError               outputs that would overwrite an input or an existing file (CLI exit 2)
    +-- DocumentError            a DOCX that cannot be read or written safely (CLI exit 1)
"""
from __future__ import annotations


class CounterdraftError(Exception):
    exit_code = 1


class ConfigError(CounterdraftError):
    exit_code = 2


class DocumentError(CounterdraftError):
    exit_code = 1


class UsageError(CounterdraftError):
    exit_code = 2
