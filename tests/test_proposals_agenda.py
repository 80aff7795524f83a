"""agenda's section on proposals (SPEC §7): those open for more than 30 days as of its day,
oldest first, last year's included (with the steps filed last year), in its JSON and its table."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dukcli.rules import agenda as todo
from dukcli.rules import proposals as P

ASSIGNMENTS = """\
    - person: nguyen-thi-lan
      role: theo-doi
      units: [cb-so-tai-chinh, db-so-y-te]
      from: 2018-01-01
    - person: tran-van-binh
      role: phu-trach
      units: [cb-so-tai-chinh, db-so-y-te]
      from: 2018-01-01
    """


def visit(name, person, unit, day, section, field, said):
    return {f"visits/{day[:4]}/{day[5:7]}/{name}.yaml":
            f"person: {person}\nunit: {unit}\ndate: {day}\n{section}:\n  {field}: {said}\n"}


def step(name, item, day, status):
    return {f"responses/{day[:4]}/{name}.yaml": f"item: {item}\ndate: {day}\nstatus: {status}\ntext: Bước.\n"}


HALL = "2018/11/a#work.proposals"  # forwarded last year: still open
FUNDS = "2018/12/b#work.proposals"  # answered last year
STAFF = "2018/12/c#work.proposals"  # resolved this January
BOOKS = "2018/12/d#meeting.proposals"  # nothing yet: 31 days on 15/01/2019
PAPERS = "2018/12/e#meeting.requests"  # nothing yet: 30 days on 15/01/2019


@pytest.fixture
def folder(make_folder):
    return make_folder({
        "assignments.yaml": ASSIGNMENTS,
        **visit("a", "nguyen-thi-lan", "cb-so-tai-chinh", "2018-11-05", "work", "proposals", "Đề nghị sửa hội trường."),
        **visit("b", "nguyen-thi-lan", "db-so-y-te", "2018-12-10", "work", "proposals", "Xin kinh phí tập huấn."),
        **visit("c", "tran-van-binh", "cb-so-tai-chinh", "2018-12-01", "work", "proposals", "Bổ sung biên chế."),
        **visit("d", "tran-van-binh", "cb-phong-nghiep-vu-y", "2018-12-15", "meeting", "proposals",
                "Hướng dẫn ghi sổ đảng viên."),
        **visit("e", "nguyen-thi-lan", "cb-so-tai-chinh", "2018-12-16", "meeting", "requests", "Xin tài liệu."),
        **visit("f", "nguyen-thi-lan", "cb-so-tai-chinh", "2019-01-02", "work", "proposals", "Đề nghị mới."),
        # two years back: beyond what agenda looks through (rules/agenda.LOOK_BACK_YEARS)
        **visit("g", "nguyen-thi-lan", "cb-so-tai-chinh", "2017-12-29", "work", "proposals", "Đề nghị cũ."),
        **step("s1", HALL, "2018-11-20", "da-chuyen"),
        **step("s2", FUNDS, "2018-12-20", "da-tra-loi"),
        **step("s3", STAFF, "2019-01-05", "da-giai-quyet"),
    })


def open_rows(duk, folder, *args, today="2019-01-20"):
    r = duk(["agenda", "-f", "json", *args], data=folder, today=today)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)["proposals_open"]


def test_open_over_thirty_days_oldest_first_last_year_included(duk, folder):
    assert open_rows(duk, folder, "--as-of", "2019-01-15") == [
        {"id": HALL, "key": P.short_key(HALL), "date": "2018-11-05", "unit": "cb-so-tai-chinh",
         "unit_name": "Chi bộ Sở Tài chính", "person": "nguyen-thi-lan", "name": "Nguyễn Thị Lan",
         "field": "work.proposals", "text": "Đề nghị sửa hội trường.", "status": "da-chuyen", "age": 71},
        {"id": BOOKS, "key": P.short_key(BOOKS), "date": "2018-12-15", "unit": "cb-phong-nghiep-vu-y",
         "unit_name": "Chi bộ Phòng Nghiệp vụ Y", "person": "tran-van-binh", "name": "Trần Văn Bình",
         "field": "meeting.proposals", "text": "Hướng dẫn ghi sổ đảng viên.", "status": "moi", "age": 31}]


def test_it_looks_back_to_the_first_of_january_of_last_year(duk, folder):
    assert todo.proposals_window(dt.date(2019, 1, 15)) == (dt.date(2018, 1, 1), dt.date(2018, 12, 15))
    # as of 30/06/2018 the proposal of 29/12/2017 is looked at; as of 15/01/2019 it is not (first test)
    assert [r["id"] for r in open_rows(duk, folder, "--as-of", "2018-06-30")] == ["2017/12/g#work.proposals"]


def test_a_step_after_the_day_does_not_close_it_yet(duk, folder):
    assert [(r["id"], r["status"], r["age"]) for r in open_rows(duk, folder, "--as-of", "2019-01-03")] == [
        (HALL, "da-chuyen", 59), (STAFF, "moi", 33)]


def test_person_filter(duk, folder):
    assert [r["id"] for r in open_rows(duk, folder, "--as-of", "2019-01-15", "--person", "binh")] == [BOOKS]


def test_the_section_in_the_table(duk, folder):
    r = duk(["agenda", "--as-of", "2019-01-15"], data=folder, today="2019-01-20")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    section = out[out.index("4. Đề xuất, kiến nghị chưa trả lời, chưa giải quyết quá 30 ngày"):]
    lines = [" ".join(line.split()) for line in section.splitlines() if line.strip()]
    assert lines == ["4. Đề xuất, kiến nghị chưa trả lời, chưa giải quyết quá 30 ngày",
                     "TT Mã Ngày nêu Đơn vị Cán bộ ghi nhận Số ngày Nội dung",
                     lines[2],  # the rule under the header
                     f"1 {P.short_key(HALL)} 05/11/2018 Chi bộ Sở Tài chính Nguyễn Thị Lan 71 ngày Đề nghị sửa hội "
                     "trường.",
                     f"2 {P.short_key(BOOKS)} 15/12/2018 Chi bộ Phòng Nghiệp vụ Y Trần Văn Bình 31 ngày Hướng dẫn "
                     "ghi sổ đảng viên."]
    assert set(lines[2]) == {"━"}
    quiet = duk(["agenda", "--as-of", "2018-01-15"], data=folder, today="2019-01-20").stdout
    assert quiet.rstrip().endswith("4. Đề xuất, kiến nghị chưa trả lời, chưa giải quyết quá 30 ngày\nKhông có.")


def test_the_table_shows_the_oldest_twenty_the_json_all(duk, make_folder):
    many = {}
    for n in range(1, 23):
        many.update(visit(f"v{n}", "nguyen-thi-lan", "cb-so-tai-chinh", f"2019-03-{n:02d}", "work", "proposals",
                          f"Đề nghị số {n}."))
    root = make_folder(many)
    assert len(open_rows(duk, root, "--as-of", "2019-05-31", today="2019-06-01")) == 22
    r = duk(["agenda", "--as-of", "2019-05-31"], data=root, today="2019-06-01")
    flat = [" ".join(line.split()) for line in r.stdout.splitlines()]
    assert any(line.startswith("20 ") and line.endswith("Đề nghị số 20.") for line in flat)
    assert not any(line.endswith("Đề nghị số 21.") for line in flat)
    assert flat[-1] == ("… và 2 đề xuất khác (xem đầy đủ: duk agenda --format json, hoặc duk proposals --open "
                        "--older-than 30 cho từng kỳ).")


def _settled(root):
    """Every file and folder dated back: a kept answer rests on stat keys old enough to trust."""
    import os
    from pathlib import Path

    from conftest import age

    for where, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            if not name.startswith("."):
                age(Path(where, name), 600)


def test_the_agenda_as_json_is_kept_and_follows_last_years_records(duk, folder, monkeypatch):
    """The JSON is kept whole (common.kept_text) under the day asked and a fingerprint of last
    year's records as the index holds them (store/proposals.earlier_key): asked again, it reads
    no visit of the year; a response filed last year, or a visit of last year once the index
    has seen it, changes the answer, which then equals a fresh folder's."""
    import shutil

    from dukcli.store import proposals as store_proposals
    from dukcli.store import refresh

    calls: list[int] = []
    real_rows, real_raised = refresh.rows_for, store_proposals.raised
    monkeypatch.setattr(refresh, "rows_for", lambda *a: calls.append(1) or real_rows(*a))
    monkeypatch.setattr(store_proposals, "raised", lambda *a: calls.append(2) or real_raised(*a))
    _settled(folder)
    line = ["agenda", "-f", "json", "--as-of", "2019-01-15"]
    first = duk(line, data=folder, today="2019-01-20")
    assert first.exit_code == 0 and calls == [1, 2]
    again = duk(line, data=folder, today="2019-01-20")
    assert (again.exit_code, again.stdout) == (0, first.stdout) and calls == [1, 2]

    def fresh():
        copy = folder.with_name(folder.name + f"-fresh{len(calls)}")
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(".duk"))
        return duk(line, data=copy, today="2019-01-20").stdout

    (folder / "responses/2018/s4.yaml").write_text(
        f"item: {BOOKS}\ndate: 2018-12-20\nstatus: da-tra-loi\ntext: Bước.\n", encoding="utf-8")
    _settled(folder)
    after = duk(line, data=folder, today="2019-01-20")
    assert after.exit_code == 0 and [r["id"] for r in json.loads(after.stdout)["proposals_open"]] == [HALL]
    assert after.stdout == fresh()
    (folder / "visits/2018/10").mkdir()
    (folder / "visits/2018/10/h.yaml").write_text(
        "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2018-10-02\nwork:\n  proposals: Đề nghị thêm.\n",
        encoding="utf-8")
    _settled(folder)
    assert duk(["check"], data=folder, today="2019-01-20").exit_code == 0  # the index sees 2018 again
    later = duk(line, data=folder, today="2019-01-20")
    assert [r["id"] for r in json.loads(later.stdout)["proposals_open"]] == ["2018/10/h#work.proposals", HALL]
    assert later.stdout == fresh()


def test_the_agenda_workbook_lists_every_open_proposal(duk, folder, tmp_path):
    import openpyxl

    target = tmp_path / "viec.xlsx"
    r = duk(["agenda", "--as-of", "2019-01-15", "-f", "xlsx", "-o", str(target)], data=folder, today="2019-01-20")
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(target)["Đề xuất quá hạn"]
    assert [c.value for c in ws[3]] == ["TT", "Mã", "Ngày nêu", "Đơn vị", "Cán bộ ghi nhận", "Số ngày", "Nội dung"]
    assert [[c.value for c in ws[row]] for row in (4, 5)] == [
        [1, P.short_key(HALL), dt.datetime(2018, 11, 5), "Chi bộ Sở Tài chính", "Nguyễn Thị Lan", 71,
         "Đề nghị sửa hội trường."],
        [2, P.short_key(BOOKS), dt.datetime(2018, 12, 15), "Chi bộ Phòng Nghiệp vụ Y", "Trần Văn Bình", 31,
         "Hướng dẫn ghi sổ đảng viên."]]
