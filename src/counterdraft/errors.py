"""Every error counterdraft raises on purpose.

    CounterdraftError            one line, names the file and the problem
    +-- ConfigError              profile, clause library, template, plan (CLI exit 2)
    +-- UsageError               outputs that would overwrite an input or an existing file (CLI exit 2)
    +-- DocumentError            a DOCX that cannot be read, or an output that cannot be written (CLI exit 1)
"""
from __future__ import annotations

import re


class CounterdraftError(Exception):
    exit_code = 1

    def __init__(self, message: str):
        # Messages quote parsers and the OS, whose text may span lines; the CLI prints exactly one.
        super().__init__(re.sub(r"\s*[\r\n]+\s*", " ", str(message)).strip())


class ConfigError(CounterdraftError):
    exit_code = 2


class DocumentError(CounterdraftError):
    exit_code = 1


class UsageError(CounterdraftError):
    exit_code = 2
