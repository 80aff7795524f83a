"""The data folder's write lock: one writer (and one git call) at a time.

The lock is taken on the data folder itself (flock on a descriptor of the folder), not on a
file in .duk/: a lock file can be deleted while it is held (a clerk clearing .duk/, a sync
tool), and the next duk would then create a new file, lock it, and write beside the first —
which lost acknowledged submissions. A folder cannot be swapped under a running command
the same way. Where flock on a folder is not available (Windows, some network shares), the
lock falls back to filelock's file in .duk/.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from dukcli.words import folder as W


class LockTimeout(Exception):
    """Another duk held the lock longer than the timeout."""


class FolderLock:
    def __init__(self, root: Path, timeout: float = 60, poll: float = 0.02):
        self.root = Path(root)
        self.timeout = timeout
        self.poll = poll
        self._fd: int | None = None
        self._fallback = None

    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # Windows
            return self._acquire_file_lock()
        fd = os.open(self.root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._fd = fd
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout() from None
                time.sleep(self.poll)
            except OSError:  # no flock on this file system: the file lock instead
                os.close(fd)
                return self._acquire_file_lock()

    def _acquire_file_lock(self) -> None:
        from filelock import FileLock, Timeout

        from dukcli.store.cache import private_dir

        folder = private_dir(self.root)
        if folder is None:
            raise OSError(W.NO_PRIVATE_DIR)
        lock = FileLock(str(folder / "write.lock"), timeout=self.timeout)
        try:
            lock.acquire()
        except Timeout:
            raise LockTimeout() from None
        self._fallback = lock

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None
        if self._fallback is not None:
            self._fallback.release()
            self._fallback = None

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()
