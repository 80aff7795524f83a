"""Adding a record to the data folder, shared by `log-visit` and `submit`.

Everything happens under the folder's lock: the file is written atomically (temp file,
fsync, link or rename), a new file never over another, then git commits exactly that file.
A failing git leaves the file where it is and comes back as a warning, never as a loss.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from dukcli.store import gitops, write
from dukcli.oserr import describe


class RecordError(Exception):
    """The record could not be written; the message is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Saved:
    path: Path
    rel: str  # relative to the data folder, with /
    committed: bool
    warning: str | None = None


@contextmanager
def locked(root: Path, timeout: float = 60):
    """The folder's write lock, with a Vietnamese message when another duk holds it too long."""
    from filelock import Timeout

    try:
        lock = gitops.lock(root, timeout=timeout)
        lock.acquire()
    except Timeout:
        raise RecordError("thư mục dữ liệu đang bị một lệnh duk khác giữ quá lâu (.duk/write.lock); "
                          "hãy thử lại sau") from None
    except OSError as e:  # a read-only folder, or a file named .duk: nothing can be written
        raise RecordError(f"không tạo được khóa ghi .duk/write.lock trong thư mục dữ liệu: {describe(e)}; "
                          "không có gì được ghi") from None
    try:
        yield
    finally:
        lock.release()


def _rel(root: Path, path: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


def _commit(root: Path, path: Path, message: str, commit: bool) -> tuple[bool, str | None]:
    """Commit path (the caller holds the lock): (committed, warning)."""
    if commit and gitops.unreachable(root):
        rel = _rel(root, path)
        return False, (f"đã ghi tệp {rel} nhưng chưa lưu được vào git: thư mục là kho git mà máy "
                       f"không tìm thấy chương trình git (PATH). Tệp vẫn còn nguyên; hãy tự lưu vào git sau")
    if not commit or not gitops.is_repo(root):
        return False, None
    try:
        gitops.commit(root, [path], message)
    except gitops.GitError as e:
        rel = _rel(root, path)
        return False, (f"đã ghi tệp {rel} nhưng chưa lưu được vào git ({e}). "
                       f"Tệp vẫn còn nguyên; hãy tự chạy: git add '{rel}' && git commit -m '{message}'")
    return True, None


def add_file(root: Path, folder_rel: str, stem: str, text: str, message: str, commit: bool = True) -> Saved:
    """A new file folder_rel/stem.yaml (or stem-2.yaml, …), created exclusively, then committed."""
    with locked(root):
        try:
            path = write.create_unique(root / folder_rel, stem, text)
        except OSError as e:
            raise RecordError(f"không ghi được tệp vào {folder_rel}: {describe(e)}") from None
        committed, warning = _commit(root, path, message, commit)
    return Saved(path, _rel(root, path), committed, warning)


def replace_file(root: Path, rel: str, change: Callable[[str | None], str], message: str,
                 commit: bool = True) -> Saved:
    """Read-modify-write of a shared file (submissions.yaml): change(current text or None) gives
    the new text; read, changed, replaced and committed under one lock so no entry is lost."""
    path = root / rel
    with locked(root):
        try:
            current = path.read_text(encoding="utf-8") if path.exists() else None
        except UnicodeDecodeError:
            raise RecordError(f"không đọc được {rel}: tệp không phải mã UTF-8") from None
        except OSError as e:
            raise RecordError(f"không đọc được {rel}: {describe(e)}") from None
        new = change(current)
        try:
            write.replace(path, new)
        except OSError as e:
            raise RecordError(f"không ghi được {rel}: {describe(e)}") from None
        committed, warning = _commit(root, path, message, commit)
    return Saved(path, _rel(root, path), committed, warning)
