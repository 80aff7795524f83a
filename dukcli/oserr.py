"""Vietnamese for what the operating system says when a file cannot be read or written.

OSError.strerror is English ("No such file or directory"); a clerk reads this instead."""

from __future__ import annotations

import errno

from dukcli.words import records as W

_WORDS = W.OS_ERRORS


def describe(e: BaseException) -> str:
    """What went wrong, in Vietnamese (the errno's symbol when there is no word for it)."""
    code = getattr(e, "errno", None)
    if code in _WORDS:
        return _WORDS[code]
    if code is not None:
        return W.os_error(errno.errorcode.get(code, code))
    return W.OS_ERROR
