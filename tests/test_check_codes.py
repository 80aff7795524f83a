"""The error catalogue of `duk check`, after hledger's test/errors: for every check code of
SPEC §5 one small broken folder and the exact diagnostics it must give, in text and JSON.

Each case lists every diagnostic the folder produces (file, line, severity, code) and a few
Vietnamese words the message must contain; nothing else may be reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from dukcli import codes

VISIT = """\
    person: nguyen-thi-lan
    unit: cb-so-tai-chinh
    date: 2019-05-14
    work:
      situation: Chi bộ hoạt động ổn định.
"""


def visit(**changes: str) -> str:
    """The valid visit above with some lines replaced: visit(date="date: 31/02/2019")."""
    lines = VISIT.split("\n")
    keys = [line.strip().split(":")[0] for line in lines]
    for key, new in changes.items():
        old = lines[keys.index(key)]
        indent = old[: len(old) - len(old.lstrip(" "))]
        lines[keys.index(key)] = "\n".join(indent + part for part in new.split("\n")) if new else None
    return "\n".join(line for line in lines if line is not None)


@dataclass(frozen=True)
class Expect:
    file: str
    line: int
    code: str
    words: tuple[str, ...]
    severity: str = "error"


@dataclass(frozen=True)
class Case:
    name: str
    files: dict
    expected: tuple[Expect, ...]
    today: str = "2019-12-31"


V = "visits/2019/05/a.yaml"
R = "responses/2019/2019-06-20-a.yaml"
F = "feedback/2019/2019-12-10-a.yaml"
PROPOSING = "      proposals: Đề nghị hướng dẫn mẫu nghị quyết tháng.\n"
FEEDBACK = """\
unit: db-so-y-te
person: nguyen-thi-lan
date: 2019-12-10
kind: nhan-xet
rating: tot
text: Đồng chí thường xuyên dự sinh hoạt.
"""


def response(item: str, day: str = "2019-06-20", status: str = "da-tra-loi") -> str:
    return f"item: {item}\ndate: {day}\nstatus: {status}\ntext: Đã trả lời.\n"

CASES = [
    # --- yaml-syntax -------------------------------------------------------------------
    Case("yaml-syntax-colon", {V: visit(unit="unit: cb-so-tai-chinh: chi bộ")},
         (Expect(V, 2, "yaml-syntax", ("cú pháp YAML", "dấu hai chấm")),)),
    Case("yaml-syntax-unclosed-quote", {V: VISIT + "    meeting:\n      conduct: 'chưa đóng ngoặc\n"},
         (Expect(V, 7, "yaml-syntax", ("cú pháp YAML", "kết thúc giữa chừng")),)),
    Case("yaml-syntax-unclosed-bracket", {"people.yaml": """\
        - id: nguyen-thi-lan
          name: Nguyễn Thị Lan
        - id: tran-van-binh
          name: [Trần Văn Bình
        """}, (Expect("people.yaml", 4, "yaml-syntax", ("cú pháp YAML", "dấu đóng ngoặc")),)),
    Case("yaml-syntax-tab", {V: visit(situation="\tsituation: Có tab.")},
         (Expect(V, 5, "yaml-syntax", ("Tab", "dấu cách")),)),
    Case("yaml-syntax-two-documents", {V: VISIT + "    ---\n" + VISIT},
         (Expect(V, 6, "yaml-syntax", ("một tài liệu",)),)),
    Case("yaml-syntax-undefined-alias", {V: visit(unit="unit: *noi-khac")},
         (Expect(V, 2, "yaml-syntax", ("bí danh", "chưa được định nghĩa")),)),
    # --- schema ------------------------------------------------------------------------
    Case("schema-rating", {V: VISIT + "    meeting:\n      conduct: Tốt.\n      rating: xuat-sac\n"},
         (Expect(V, 8, "schema", ("rating", "xuat-sac", "tot, kha, trung-binh, kem")),)),
    Case("schema-unknown-key", {V: visit(date="date: 2019-05-14\nplace: Hòa Bình")},
         (Expect(V, 4, "schema", ("khóa lạ", "place")),)),
    Case("schema-unknown-key-in-section", {V: visit(situation="situaton: gõ sai tên khóa")},
         (Expect(V, 5, "schema", ("khóa lạ", "situaton")),)),
    Case("schema-missing-key", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
        - id: db-so-y-te
          type: dang-bo-co-so
        """, "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [cb-so-tai-chinh]\n"},
         (Expect("units.yaml", 4, "schema", ("thiếu khóa bắt buộc", "name")),)),
    Case("schema-missing-key-in-visit", {V: visit(person="")},
         (Expect(V, 1, "schema", ("thiếu khóa bắt buộc", "person")),)),
    Case("schema-bad-type", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
          type: dang-bo-co-so
        """, "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [db-so-y-te]\n"},
         (Expect("units.yaml", 3, "schema", ("type", "chi-bo", "chi-bo-co-so")),)),
    Case("schema-meeting-day", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
          meeting-day: 32
        """, "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [cb-so-tai-chinh]\n"},
         (Expect("units.yaml", 4, "schema", ("meeting-day", "số nguyên từ 1 đến 31")),)),
    Case("schema-not-a-list", {"people.yaml": "id: nguyen-thi-lan\nname: Nguyễn Thị Lan\n",
                               "assignments.yaml": "[]\n"},
         (Expect("people.yaml", 1, "schema", ("danh sách",)),)),
    Case("stray-file", {"visits/2019/05/a.yaml.txt": VISIT},
         (Expect("visits/2019/05/a.yaml.txt", 0, "stray-file", ("không đọc", ".yaml"), "warning"),)),
    Case("missing-file", {"units.yaml": None, V: visit()},
         (Expect("units.yaml", 0, "missing-file", ("thiếu tệp bắt buộc units.yaml",)),)),
    Case("missing-file-people", {"people.yaml": None, V: visit()},
         (Expect("people.yaml", 0, "missing-file", ("thiếu tệp bắt buộc people.yaml",)),)),
    Case("placeholder", {"duk.yaml": "organization:\n  parent: ĐẢNG BỘ TỈNH ...\n  name: ĐẢNG ỦY KHỐI\n"},
         (Expect("duk.yaml", 2, "placeholder", ("organization.parent", "'...'"), "warning"),)),
    Case("merge-conflict", {"people.yaml": "- id: nguyen-thi-lan\n<<<<<<< HEAD\n  name: Lan\n=======\n"
                                           "  name: Nguyễn Thị Lan\n>>>>>>> b\n"},
         (Expect("people.yaml", 2, "merge-conflict", ("dấu xung đột",)),)),
    Case("bad-date-submission", {"submissions/2019Q2/nguyen-thi-lan.yaml":
                                 "person: nguyen-thi-lan\nperiod: 2019Q2\ndate: 2019-03-20\n"},
         (Expect("submissions/2019Q2/nguyen-thi-lan.yaml", 3, "bad-date", ("20/03/2019", "Quý II năm 2019")),)),
    Case("schema-text-is-list", {V: visit(situation="situation: [một, hai]")},
         (Expect(V, 5, "schema", ("situation", "đoạn chữ")),)),
    Case("schema-section-is-text", {V: visit(work="work: chỉ là một câu", situation="")},
         (Expect(V, 4, "schema", ("work", "bảng khóa")),)),
    Case("schema-config-quota-is-number", {"duk.yaml": "organization:\n  name: ĐẢNG ỦY KHỐI\nquota: 5\n"},
         (Expect("duk.yaml", 3, "schema", ("quota", "bảng khóa")),)),
    Case("schema-list-item-is-text", {"people.yaml": "- id: nguyen-thi-lan\n  name: Nguyễn Thị Lan\n- tran-van-binh\n",
                                      "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [db-so-y-te]\n"},
         (Expect("people.yaml", 3, "schema", ("người", "bảng khóa")),)),
    Case("schema-required-key-empty", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
        - id: db-so-y-te
          name:
          type: dang-bo-co-so
        """}, (Expect("units.yaml", 5, "schema", ("name", "chưa có giá trị")),)),
    Case("schema-config-missing-name", {"duk.yaml": "organization:\n  short: ĐUK\n"},
         (Expect("duk.yaml", 2, "schema", ("thiếu khóa bắt buộc", "name")),)),
    Case("schema-config-unknown-key", {"duk.yaml": "organization:\n  name: ĐẢNG ỦY KHỐI\nquota:\n  theo-doi: {per-week: 1}\n"},
         (Expect("duk.yaml", 4, "schema", ("khóa lạ", "per-week")),)),
    Case("schema-submission-period", {"submissions.yaml": "- person: nguyen-thi-lan\n  period: 2019H1\n  date: 2019-06-27\n"},
         (Expect("submissions.yaml", 2, "schema", ("period", "quý", "2019H1")),)),
    Case("schema-python-tag", {V: visit(person="person: !!python/object/apply:os.system ['echo x']")},
         (Expect(V, 1, "schema", ("thẻ YAML không được phép",)),)),
    Case("schema-merge-key", {V: "    base: &b {person: nguyen-thi-lan}\n    <<: *b\n"},
         (Expect(V, 2, "schema", ("khóa gộp",)),)),
    Case("schema-duplicate-key", {V: VISIT + "    date: 2019-05-15\n"},
         (Expect(V, 6, "schema", ("khóa 'date' bị lặp lại",)),)),
    # --- bad-id ------------------------------------------------------------------------
    Case("bad-id", {"people.yaml": """\
        - id: nguyen-thi-lan
          name: Nguyễn Thị Lan
        - id: tran-van-binh
          name: Trần Văn Bình
        - id: Le_Van_Cuong
          name: Lê Văn Cường
        """}, (Expect("people.yaml", 5, "bad-id", ("Le_Van_Cuong", "không hợp lệ", "chữ thường")),)),
    Case("bad-id-unit-list", {"assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units:\n    - cb-so-tai-chinh\n    - Sở Y tế\n"},
         (Expect("assignments.yaml", 5, "bad-id", ("Sở Y tế", "không hợp lệ")),)),
    Case("bad-id-too-long", {V: visit(person="person: " + "a" * 65)},
         (Expect(V, 1, "bad-id", ("tối đa 64 ký tự",)),)),
    # --- duplicate-id --------------------------------------------------------------------
    Case("duplicate-id", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
          type: dang-bo-co-so
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính (nhập lại)
          type: chi-bo-co-so
        """}, (Expect("units.yaml", 7, "duplicate-id", ("cb-so-tai-chinh", "đã dùng ở units.yaml:1")),)),
    # --- unknown-person / unknown-unit ---------------------------------------------------
    Case("unknown-person-visit", {V: visit(person="person: le-van-cuong")},
         (Expect(V, 1, "unknown-person", ("không có người", "le-van-cuong", "people.yaml")),)),
    Case("unknown-person-assignment", {"assignments.yaml": "- person: le-van-cuong\n  role: theo-doi\n  units: [db-so-y-te]\n"},
         (Expect("assignments.yaml", 1, "unknown-person", ("không có người", "le-van-cuong")),)),
    Case("unknown-person-submission", {"submissions.yaml": "- person: le-van-cuong\n  period: 2019Q2\n  date: 2019-06-27\n"},
         (Expect("submissions.yaml", 1, "unknown-person", ("không có người", "le-van-cuong")),)),
    Case("unknown-unit-visit", {V: visit(unit="unit: cb-so-xay-dung")},
         (Expect(V, 2, "unknown-unit", ("không có đơn vị", "cb-so-xay-dung", "units.yaml")),)),
    Case("unknown-unit-assignment", {"assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  from: 2019-01-01\n  units: [cb-so-xay-dung]\n"},
         (Expect("assignments.yaml", 4, "unknown-unit", ("không có đơn vị", "cb-so-xay-dung")),)),
    Case("unknown-unit-in-block-list", {"assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units:
            - cb-so-tai-chinh
            - cb-so-xay-dung
        """}, (Expect("assignments.yaml", 5, "unknown-unit", ("cb-so-xay-dung",)),)),
    Case("unknown-unit-parent", {"units.yaml": """\
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
          type: dang-bo-co-so
        - id: cb-phong-nghiep-vu-y
          name: Chi bộ Phòng Nghiệp vụ Y
          type: chi-bo-truc-thuoc
          parent: db-so-yte
        """, "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [db-so-y-te]\n"},
         (Expect("units.yaml", 7, "unknown-unit", ("không có đơn vị", "db-so-yte")),)),
    # --- bad-date ----------------------------------------------------------------------
    Case("bad-date-31-02", {V: visit(date="date: 31/02/2019")},
         (Expect(V, 3, "bad-date", ("31/02/2019", "không có thật")),)),
    Case("bad-date-words", {V: visit(date="date: 14 tháng 5")},
         (Expect(V, 3, "bad-date", ("không phải là ngày", "DD/MM/YYYY")),)),
    Case("bad-date-assignment", {"assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [db-so-y-te]\n  from: 2019-13-01\n"},
         (Expect("assignments.yaml", 4, "bad-date", ("from", "2019-13-01")),)),
    # --- bad-range ---------------------------------------------------------------------
    Case("bad-range", {"assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]
          from: 2019-06-01
          to: 31/05/2019
        """}, (Expect("assignments.yaml", 4, "bad-range", ("01/06/2019", "sau ngày kết thúc", "31/05/2019")),)),
    # --- bad-parent --------------------------------------------------------------------
    Case("bad-parent-not-dang-bo", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
        - id: cb-phong-ngan-sach
          name: Chi bộ Phòng Ngân sách
          type: chi-bo-truc-thuoc
          parent: cb-so-tai-chinh
        """, "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [cb-so-tai-chinh]\n"},
         (Expect("units.yaml", 7, "bad-parent", ("không phải đảng bộ cơ sở",)),)),
    Case("bad-parent-missing", {"units.yaml": """\
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
          type: dang-bo-co-so
        - id: cb-phong-nghiep-vu-y
          name: Chi bộ Phòng Nghiệp vụ Y
          type: chi-bo-truc-thuoc
        """, "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [db-so-y-te]\n"},
         (Expect("units.yaml", 6, "bad-parent", ("cần khóa 'parent'",)),)),
    Case("bad-parent-on-co-so", {"units.yaml": """\
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
          type: dang-bo-co-so
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
          parent: db-so-y-te
        """}, (Expect("units.yaml", 7, "bad-parent", ("chỉ chi bộ trực thuộc", "chi bộ cơ sở")),)),
    # --- assignment-overlap --------------------------------------------------------------
    Case("assignment-overlap-two-roles", {"assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]
          from: 2019-01-01
        - person: nguyen-thi-lan
          role: phu-trach
          units: [db-so-y-te]
          from: 2019-06-01
        """}, (Expect("assignments.yaml", 6, "assignment-overlap", ("hai vai trò cùng lúc", "assignments.yaml:1")),)),
    Case("assignment-overlap-same-unit", {"assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh, db-so-y-te]
          from: 2019-01-01
          to: 2019-06-30
        - person: nguyen-thi-lan
          role: theo-doi
          units: [db-so-y-te]
          from: 2019-06-30
        """}, (Expect("assignments.yaml", 8, "assignment-overlap", ("db-so-y-te", "hai lần", "assignments.yaml:1")),)),
    # --- unit-inactive -----------------------------------------------------------------
    Case("unit-inactive-visit", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
          type: dang-bo-co-so
        - id: cb-phong-nghiep-vu-y
          name: Chi bộ Phòng Nghiệp vụ Y
          type: chi-bo-truc-thuoc
          parent: db-so-y-te
          to: 2019-03-31
        """, V: visit(unit="unit: cb-phong-nghiep-vu-y")},
         (Expect(V, 3, "unit-inactive", ("Chi bộ Phòng Nghiệp vụ Y", "không tồn tại", "14/05/2019")),)),
    Case("unit-inactive-assignment-starts-before", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
          from: 2019-03-01
        """, "assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]
          from: 2019-01-01
        """}, (Expect("assignments.yaml", 4, "unit-inactive", ("bắt đầu trước", "01/03/2019")),)),
    Case("unit-inactive-assignment-runs-on", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
          to: 2019-09-30
        """, "assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]
          from: 2019-01-01
          to: 2019-12-31
        """}, (Expect("assignments.yaml", 5, "unit-inactive", ("kéo dài sau", "30/09/2019")),)),
    Case("unit-inactive-assignment-open-ended", {"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
          to: 2019-09-30
        """, "assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]
          from: 2019-01-01
        """}, (Expect("assignments.yaml", 3, "unit-inactive", ("kéo dài sau", "to:")),)),
    # --- future-date -------------------------------------------------------------------
    Case("future-date", {"visits/2020/01/a.yaml": visit(date="date: 10/01/2020")},
         (Expect("visits/2020/01/a.yaml", 3, "future-date", ("10/01/2020", "tương lai", "31/12/2019")),)),
    Case("future-date-submission", {"submissions.yaml": "- person: nguyen-thi-lan\n  period: 2019Q4\n  date: 2020-01-05\n"},
         (Expect("submissions.yaml", 3, "future-date", ("05/01/2020", "tương lai")),)),
    # --- bad-text ----------------------------------------------------------------------
    Case("bad-text-escape", {V: visit(situation='situation: "Tình hình\\u0007 ổn định"')},
         (Expect(V, 5, "bad-text", ("situation", "ký tự điều khiển", "U+0007")),)),
    Case("bad-text-raw", {V: visit(situation="situation: Tình hình\x0bổn định")},
         (Expect(V, 5, "bad-text", ("ký tự điều khiển", "U+000B", "cột 23")),)),
    Case("bad-text-name", {"people.yaml": """\
        - id: nguyen-thi-lan
          name: "Nguyễn Thị\\x1bLan"
        - id: tran-van-binh
          name: Trần Văn Bình
        """}, (Expect("people.yaml", 2, "bad-text", ("name", "U+001B")),)),
    # --- empty-visit -------------------------------------------------------------------
    Case("empty-visit-no-section", {V: visit(work="", situation="")},
         (Expect(V, 1, "empty-visit", ("ít nhất một phần", "work", "meeting")),)),
    Case("empty-visit-empty-file", {V: ""},
         (Expect(V, 1, "empty-visit", ("tệp chuyến đi trống",)),)),
    # --- warnings ----------------------------------------------------------------------
    Case("not-assigned", {V: visit(person="person: tran-van-binh", unit="unit: cb-phong-nghiep-vu-y"),
                          "assignments.yaml": "- person: tran-van-binh\n  role: phu-trach\n  units: [cb-so-tai-chinh]\n"},
         (Expect(V, 2, "not-assigned", ("không được tính", "tran-van-binh", "db-so-y-te"), "warning"),)),
    Case("not-assigned-before-assignment", {V: visit(date="date: 2019-01-14"),
                                            "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [cb-so-tai-chinh]\n  from: 2019-02-25\n"},
         (Expect(V, 2, "not-assigned", ("không được phân công", "14/01/2019"), "warning"),)),
    Case("duplicate-visit", {V: VISIT, "visits/2019/05/b.yaml": visit(situation="situation: Nhập lại lần hai.")},
         # said once, on the later file: the first (a.yaml) is the visit that counts
         (Expect("visits/2019/05/b.yaml", 3, "duplicate-visit", ("đã có chuyến đi", "visits/2019/05/a.yaml",
                                                                  "chỉ tính là một chuyến"), "warning"),)),
    # --- the grassroots voice: feedback and responses (SPEC §7) --------------------------------
    Case("unknown-item-no-visit", {V: VISIT + PROPOSING, R: response("2019/05/khong-co#work.proposals")},
         (Expect(R, 1, "unknown-item", ("không chỉ tới đề xuất nào", "2019/05/khong-co#work.proposals")),)),
    Case("unknown-item-empty-field", {V: VISIT + PROPOSING, R: response("2019/05/a#meeting.proposals")},
         (Expect(R, 1, "unknown-item", ("2019/05/a#meeting.proposals", "trường này trống")),)),
    Case("unknown-item-bad-form", {V: VISIT + PROPOSING, R: response("visits/2019/05/a.yaml")},
         (Expect(R, 1, "unknown-item", ("không phải mã một đề xuất", "work.proposals, meeting.requests")),)),
    Case("response-before-the-visit", {V: VISIT + PROPOSING, R: response("2019/05/a#work.proposals", "2019-05-01")},
         (Expect(R, 2, "bad-date", ("01/05/2019", "trước ngày 14/05/2019")),)),
    Case("response-status", {V: VISIT + PROPOSING, R: response("2019/05/a#work.proposals", status="xong")},
         (Expect(R, 3, "schema", ("status", "xong", "da-chuyen, da-tra-loi, da-giai-quyet")),)),
    Case("feedback-unknown-unit", {F: FEEDBACK.replace("unit: db-so-y-te", "unit: db-khong-co")},
         (Expect(F, 1, "unknown-unit", ("db-khong-co",)),)),
    Case("feedback-unknown-person", {F: FEEDBACK.replace("person: nguyen-thi-lan", "person: ai-do")},
         (Expect(F, 2, "unknown-person", ("ai-do",)),)),
    Case("feedback-kind", {F: FEEDBACK.replace("kind: nhan-xet", "kind: khen")},
         (Expect(F, 4, "schema", ("kind", "khen", "nhan-xet, gop-y-phan-cong")),)),
    Case("feedback-about-nobody", {F: FEEDBACK.replace("person: nguyen-thi-lan", "person:")},
         (Expect(F, 2, "schema", ("'person' là bắt buộc", "nhan-xet")),)),
    Case("feedback-ahead", {F: FEEDBACK.replace("2019-12-10", "2020-01-10")},
         (Expect(F, 3, "future-date", ("10/01/2020",)),)),
]

# The contract, written out once: the codes of SPEC §5, and which of them are warnings.
SPEC_LIST = {"yaml-syntax", "schema", "bad-id", "duplicate-id", "unknown-person", "unknown-unit", "bad-date",
             "bad-range", "bad-parent", "assignment-overlap", "unit-inactive", "future-date", "bad-text",
             "empty-visit", "not-assigned", "duplicate-visit", "missing-file", "merge-conflict", "not-regular",
             "stray-file", "placeholder", "unknown-item"}
SPEC_WARNINGS = {"not-assigned", "duplicate-visit", "stray-file", "placeholder"}
# What duk emits: the registry that check, --explain and the README read.
SPEC_CODES = set(codes.CODES)
# Codes whose fixture is not a text file (a link, a FIFO): their exact cases are in test_trust.py.
COVERED_ELSEWHERE = {"not-regular"}
WORDS = codes.SEVERITY_WORDS


def test_the_registry_is_the_spec_list():
    assert SPEC_CODES == SPEC_LIST
    assert {c.name for c in codes.ALL if c.severity == codes.WARNING} == SPEC_WARNINGS


def test_catalogue_covers_every_spec_code():
    assert {e.code for case in CASES for e in case.expected} | COVERED_ELSEWHERE == SPEC_CODES


def test_every_code_of_the_registry_has_a_fixture():
    """A code added to the registry needs a broken folder above (or its case elsewhere)."""
    missing = SPEC_CODES - {e.code for case in CASES for e in case.expected} - COVERED_ELSEWHERE
    assert missing == set()
    trust = (Path(__file__).parent / "test_trust.py").read_text(encoding="utf-8")
    assert all(f'"code": "{name}"' in trust for name in COVERED_ELSEWHERE)


def test_the_catalogue_agrees_with_the_registry_on_severity():
    wrong = [(case.name, e.code, e.severity) for case in CASES for e in case.expected
             if e.severity != codes.get(e.code).severity]
    assert wrong == []


def test_the_base_folder_is_clean(make_folder, duk):
    result = duk(["check"], data=make_folder({V: VISIT}))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "không có lỗi" in result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_text(case, make_folder, duk):
    result = duk(["check"], data=make_folder(case.files), today=case.today)
    lines = result.stdout.splitlines()
    assert len(lines) == len(case.expected), result.stdout
    for line, e in zip(lines, case.expected):
        prefix = f"{e.file}:{e.line}: {WORDS[e.severity]} [{e.code}]: "
        assert line.startswith(prefix), (line, prefix)
        for word in e.words:
            assert word in line
    errors = sum(e.severity == "error" for e in case.expected)
    assert result.exit_code == (1 if errors else 0)
    assert f"Có {errors} lỗi, {len(case.expected) - errors} cảnh báo." in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_json(case, make_folder, duk):
    result = duk(["check", "--format", "json"], data=make_folder(case.files), today=case.today)
    entries = json.loads(result.stdout)
    assert [(d["file"], d["line"], d["severity"], d["code"]) for d in entries] == \
        [(e.file, e.line, e.severity, e.code) for e in case.expected]
    for d, e in zip(entries, case.expected):
        assert set(d) == {"file", "line", "severity", "code", "message"}
        assert all(word in d["message"] for word in e.words)
    assert result.exit_code == (1 if any(e.severity == "error" for e in case.expected) else 0)
    assert "Traceback" not in result.stdout + result.stderr


def test_json_of_a_clean_folder_is_an_empty_list(make_folder, duk):
    result = duk(["check", "-f", "json"], data=make_folder({V: VISIT}))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_a_broken_file_does_not_stop_the_others(make_folder, duk):
    """Two files that cannot be parsed are each reported at their line; the valid visit and
    the third, parseable-but-wrong file are still checked."""
    folder = make_folder({
        "visits/2019/05/a.yaml": "person: nguyen-thi-lan\nunit: [cb-so-tai-chinh\n",
        "visits/2019/06/b.yaml": "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\n  date: 2019-06-03\n",
        "visits/2019/07/c.yaml": visit(person="person: le-van-cuong"),
        "visits/2019/08/d.yaml": visit(date="date: 2019-08-20"),
    })
    result = duk(["check", "--format", "json"], data=folder)
    assert result.exit_code == 1
    got = [(d["file"], d["line"], d["code"]) for d in json.loads(result.stdout)]
    assert got == [
        ("visits/2019/05/a.yaml", 2, "yaml-syntax"),
        ("visits/2019/06/b.yaml", 3, "yaml-syntax"),
        ("visits/2019/07/c.yaml", 1, "unknown-person"),
    ]


def test_diagnostics_are_sorted_lists_first_then_visits(make_folder, duk):
    folder = make_folder({
        "visits/2019/05/a.yaml": visit(unit="unit: cb-so-xay-dung"),
        "people.yaml": "- id: nguyen-thi-lan\n  name: Nguyễn Thị Lan\n- id: tran-van-binh\n  name: Trần Văn Bình\n  rank: 3\n",
        "duk.yaml": "organization:\n  name: ĐẢNG ỦY KHỐI\nbogus: 1\n",
    })
    result = duk(["check"], data=folder)
    files = [line.split(":")[0] for line in result.stdout.splitlines()]
    assert files == ["duk.yaml", "people.yaml", "visits/2019/05/a.yaml"]


def test_errors_and_warnings_together_exit_1(make_folder, duk):
    folder = make_folder({V: VISIT, "visits/2019/05/b.yaml": VISIT,
                          "visits/2019/06/c.yaml": visit(date="date: 2019-06-31")})
    result = duk(["check"], data=folder)
    assert result.exit_code == 1
    assert "Có 1 lỗi, 1 cảnh báo." in result.stderr  # the twin is said once, on b.yaml


def test_a_record_with_a_bad_optional_field_is_still_known(make_folder, duk):
    """A person whose position is malformed still exists: no flood of unknown-person."""
    folder = make_folder({"people.yaml": """\
        - id: nguyen-thi-lan
          name: Nguyễn Thị Lan
          position: [Chuyên viên]
        - id: tran-van-binh
          name: Trần Văn Bình
        """, V: VISIT})
    result = duk(["check", "-f", "json"], data=folder)
    assert [(d["file"], d["line"], d["code"]) for d in json.loads(result.stdout)] == [("people.yaml", 3, "schema")]


def test_a_broken_units_file_is_not_echoed_by_every_reference(make_folder, duk):
    folder = make_folder({"units.yaml": "- id: cb-so-tai-chinh\n  name: 'Chi bộ Sở Tài chính\n",
                          V: VISIT, "visits/2019/06/b.yaml": visit(date="date: 2019-06-04")})
    result = duk(["check", "-f", "json"], data=folder)
    assert result.exit_code == 1
    assert [(d["file"], d["line"], d["code"]) for d in json.loads(result.stdout)] == [("units.yaml", 2, "yaml-syntax")]


def test_a_wrong_unit_type_keeps_the_unit_known(make_folder, duk):
    folder = make_folder({"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
        - id: cb-phong-nghiep-vu-y
          name: Chi bộ Phòng Nghiệp vụ Y
          type: chi-bo-truc-thuoc
          parent: db-so-y-te
        """, V: visit(unit="unit: cb-phong-nghiep-vu-y")})
    result = duk(["check", "-f", "json"], data=folder)
    assert [(d["file"], d["line"], d["code"]) for d in json.loads(result.stdout)] == [("units.yaml", 4, "schema")]
