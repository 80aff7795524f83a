"""The month folders of a large window listed by a child process while this one reads the index.

A warm one-year command spends most of its time on two waits of different kinds: the kernel
stat-ing the year's 100,000 files (listing) and SQLite handing over the year's 100,000 rows
(reading). On two cores they can overlap: a forked child lists, the parent reads, and the
child's listing comes back through a pipe (marshal: tuples of str and int only). Threads cannot
do it — every stat returns into the interpreter lock the reader holds.

Only where fork is plain and safe: Linux, one thread in the process (never inside the web
server), a window whose folders held at least PRELIST_FROM files. Whatever goes wrong — no
fork, a child that fails or is killed, a pipe that breaks — the parent lists for itself, as
it does below the threshold: the answer never depends on this.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading

PRELIST_FROM = 20_000  # files last seen in the window's folders; below this a fork costs more than it saves


def possible() -> bool:
    return sys.platform.startswith("linux") and threading.active_count() == 1 and hasattr(os, "fork")


class Prelisted:
    """A child listing `folders` (rel paths under root) with list_folder(root, rel) -> entries;
    result() is {rel: entries}, or None when the parent must list for itself."""

    def __init__(self, root, folders: list[str], list_folder):
        self.pid = None
        self.fd = None
        self._result = None
        self._done = False
        try:
            read_end, write_end = os.pipe()
        except OSError:
            self._done = True
            return
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            self._done = True
            return
        if pid == 0:  # the child: list, write, and leave without running anything of the parent's
            code = 1
            try:
                os.close(read_end)
                data = marshal.dumps({rel: list_folder(root, rel) for rel in folders})
                with os.fdopen(write_end, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self.pid, self.fd = pid, read_end

    def result(self) -> dict | None:
        if not self._done:
            self._done = True
            self._result = self._collect()
        return self._result

    def _collect(self) -> dict | None:
        try:
            with os.fdopen(self.fd, "rb") as pipe:
                data = pipe.read()
        except OSError:
            data = None
        try:
            _, status = os.waitpid(self.pid, 0)
        except OSError:
            return None
        if data is None or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return None
        try:
            found = marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            return None
        return found if isinstance(found, dict) else None


class Together:
    """Several children's listings as one result (None when any of them failed)."""

    def __init__(self, children: list[Prelisted]):
        self.children = children

    def result(self) -> dict | None:
        out: dict | None = {}
        for child in self.children:
            found = child.result()  # every child reaped, even after a failure
            out = None if out is None or found is None else {**out, **found}
        return out
