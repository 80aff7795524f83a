"""Ctrl-C and the truth: a write and its commit happen whole, and a cancelled run says what
it had already written.

A clerk who presses Ctrl-C while duk writes must not be told "nothing was written" when a
visit was written and committed. So the write-and-commit step holds Ctrl-C back until it is
done, records what it did in DONE, and only then lets the interruption through; the cancel
message reads DONE.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

DONE: list[str] = []  # what this run wrote, in the user's words, for the cancel message


def record(what: str) -> None:
    DONE.append(what)


@contextmanager
def shielded():
    """Hold SIGINT back until the block ends, then raise KeyboardInterrupt if one came."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
