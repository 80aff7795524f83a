"""Vietnamese for what the operating system says when a file cannot be read or written.

OSError.strerror is English ("No such file or directory"); a clerk reads this instead."""

from __future__ import annotations

import errno

_WORDS = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục",
    errno.EISDIR: "đây là thư mục chứ không phải tệp",
    errno.EEXIST: "đã có tệp hoặc thư mục cùng tên",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ELOOP: "liên kết tượng trưng (symlink) vòng quanh",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.EBUSY: "tệp hoặc thư mục đang bận",
    errno.EMFILE: "đang mở quá nhiều tệp",
    errno.ENFILE: "đang mở quá nhiều tệp",
    errno.EINVAL: "tên hoặc giá trị không hợp lệ",
    errno.ENOEXEC: "không phải chương trình chạy được",
}
for _name, _word in (("EDQUOT", "vượt hạn mức dung lượng"), ("ETXTBSY", "tệp đang được dùng"),
                     ("EFBIG", "tệp vượt quá kích thước cho phép")):
    if hasattr(errno, _name):
        _WORDS[getattr(errno, _name)] = _word


def describe(e: BaseException) -> str:
    """What went wrong, in Vietnamese (the errno's symbol when there is no word for it)."""
    code = getattr(e, "errno", None)
    if code in _WORDS:
        return _WORDS[code]
    if code is not None:
        return f"lỗi của hệ điều hành ({errno.errorcode.get(code, code)})"
    return "lỗi của hệ điều hành"
