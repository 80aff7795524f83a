"""Make the example sheets of `duk import` in templates/examples/: nguoi.xlsx (people),
don-vi.xlsx (units) and phan-cong.xlsx (assignments, shaped like the annex of a Thông báo
phân công). Imported in that order into an empty `duk init` folder, `duk check` passes.

    python scripts/make_import_examples.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent.parent / "templates" / "examples"

PEOPLE = (["TT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], [
    [1, "Bùi Văn Thắng", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Đảng ủy Khối", "Ban Tổ chức Đảng ủy Khối"],
    [2, "Đinh Thị Hạnh", "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Khối",
     "Ủy ban Kiểm tra Đảng ủy Khối"],
    [3, "Nguyễn Thị Lan", "Chuyên viên Ban Tổ chức", "Ban Tổ chức Đảng ủy Khối"],
    [4, "Trần Minh Đức", "Phó Chủ nhiệm Ủy ban Kiểm tra", "Ủy ban Kiểm tra Đảng ủy Khối"],
])

UNITS = (["TT", "Tên", "Loại", "Trực thuộc", "Ngày sinh hoạt", "Từ ngày"], [
    [1, "Chi bộ Sở Tài chính", "Chi bộ cơ sở", None, 5, None],
    [2, "Đảng bộ Sở Y tế", "Đảng bộ cơ sở", None, 10, None],
    [3, "Chi bộ Văn phòng Sở Y tế", "Chi bộ trực thuộc", "Đảng bộ Sở Y tế", 6, None],
    [4, "Chi bộ Sở Tư pháp", "Chi bộ cơ sở", None, 7, None],
    [5, "Chi bộ Trung tâm Phục vụ hành chính công", "Chi bộ cơ sở", None, 15, dt.date(2019, 7, 1)],
])

BASIS_NQ = "Nghị quyết số 13-NQ/ĐUK ngày 25/02/2019"
BASIS_TB = "Thông báo số 80-TB/ĐUK ngày 25/02/2019"
ASSIGNMENTS = (["TT", "Họ và tên", "Vai trò", "Đơn vị", "Từ ngày", "Căn cứ"], [
    [1, "Bùi Văn Thắng", "Ủy viên Ban Thường vụ phụ trách", "Chi bộ Sở Tài chính; Đảng bộ Sở Y tế",
     dt.date(2019, 2, 25), BASIS_NQ],
    [2, "Đinh Thị Hạnh", "Ủy viên Ban Thường vụ phụ trách", "Chi bộ Sở Tư pháp", dt.date(2019, 2, 25), BASIS_NQ],
    [3, "Bùi Văn Thắng", "Ủy viên Ban Thường vụ phụ trách", "Chi bộ Trung tâm Phục vụ hành chính công",
     dt.date(2019, 7, 1), "Nghị quyết số 21-NQ/ĐUK ngày 28/6/2019"],
    [4, "Nguyễn Thị Lan", "Cán bộ, chuyên viên theo dõi", "Chi bộ Sở Tài chính; Đảng bộ Sở Y tế",
     dt.date(2019, 2, 25), BASIS_TB],
    [5, "Trần Minh Đức", "Cán bộ, chuyên viên theo dõi", "Chi bộ Sở Tư pháp", dt.date(2019, 2, 25), BASIS_TB],
    [6, "Trần Minh Đức", "Cán bộ, chuyên viên theo dõi", "Chi bộ Trung tâm Phục vụ hành chính công",
     dt.date(2019, 7, 1), BASIS_TB],
])


def write(name: str, title: str, header: list, rows: list) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for column, heading in zip("ABCDEFG", header):
        width = max(len(str(r[header.index(heading)] or "")) for r in rows + [header])
        ws.column_dimensions[column].width = min(max(width + 2, 6), 60)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    book.properties.creator = "duk"
    book.properties.created = book.properties.modified = dt.datetime(2019, 2, 25)
    book.save(OUT / name)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write("nguoi.xlsx", "Người", *PEOPLE)
    write("don-vi.xlsx", "Đơn vị", *UNITS)
    write("phan-cong.xlsx", "Phân công", *ASSIGNMENTS)


if __name__ == "__main__":
    main()
