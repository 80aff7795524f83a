"""duk respond (SPEC §7): a step of a proposal's follow-up, named by its full id or its short key
(looked up in the index, whatever the year), judged as check would, written under
responses/YYYY/ (never over a file) and committed alone; every refusal writes nothing."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from dukcli.rules import proposals as P

from conftest import age, git

VISIT = ("person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\n"
         "work:\n  proposals: Đề nghị hướng dẫn thu, nộp đảng phí.\n"
         "meeting:\n  requests: Xin tài liệu học tập chuyên đề.\n")
FEES = "2019/05/2019-05-14-lan#work.proposals"
BOOKS = "2019/05/2019-05-14-lan#meeting.requests"
FEES_KEY = P.short_key(FEES)


@pytest.fixture
def root(repo):
    return repo({"visits/2019/05/2019-05-14-lan.yaml": VISIT})


def commits(root) -> list[str]:
    return git(root, "log", "--format=%s").splitlines()


def written(root) -> list[str]:
    folder = root / "responses"
    return sorted(p.relative_to(root).as_posix() for p in folder.rglob("*")) if folder.exists() else []


def test_by_short_key_writes_the_file_and_commits_it_alone(duk, root):
    before = commits(root)
    r = duk(["respond", FEES_KEY, "--status", "da-tra-loi", "--by", "Văn phòng Đảng ủy Khối",
             "--text", "Đã gửi Hướng dẫn số 20-HD/ĐUK.", "--date", "01/07/2019"], data=root, today="2019-07-20")
    assert r.exit_code == 0, r.stderr
    rel = f"responses/2019/2019-07-01-{FEES_KEY}.yaml"
    assert (root / rel).read_text(encoding="utf-8") == (
        f"item: {FEES}\ndate: 2019-07-01\nstatus: da-tra-loi\nby: Văn phòng Đảng ủy Khối\n"
        "text: Đã gửi Hướng dẫn số 20-HD/ĐUK.\n")
    message = f"Ghi bước xử lý đề xuất {FEES_KEY}: Đã trả lời ngày 01/07/2019"
    assert r.stdout == (f"Đã ghi bước xử lý đề xuất {FEES_KEY} (Đã trả lời, ngày 01/07/2019) vào {rel}.\n"
                        f"Đã lưu vào git: {message}\n")
    assert commits(root) == [message, *before]
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [rel]
    assert git(root, "status", "--porcelain") == ""


def test_by_full_id_without_by_dated_today(duk, root):
    r = duk(["respond", BOOKS, "-s", "da-chuyen", "-t", "Chuyển Ban Tuyên giáo."], data=root, today="2019-07-20")
    assert r.exit_code == 0, r.stderr
    key = P.short_key(BOOKS)
    assert (root / f"responses/2019/2019-07-20-{key}.yaml").read_text(encoding="utf-8") == (
        f"item: {BOOKS}\ndate: 2019-07-20\nstatus: da-chuyen\ntext: Chuyển Ban Tuyên giáo.\n")


def test_a_taken_name_gets_a_number_never_overwritten(duk, root):
    args = ["respond", FEES_KEY, "-s", "da-chuyen", "-t", "Bước {}.", "-d", "2019-07-02"]
    for n in (1, 2, 3):
        r = duk([a.format(n) for a in args], data=root, today="2019-07-20")
        assert r.exit_code == 0, r.stderr
    assert written(root) == ["responses/2019", f"responses/2019/2019-07-02-{FEES_KEY}-2.yaml",
                             f"responses/2019/2019-07-02-{FEES_KEY}-3.yaml",
                             f"responses/2019/2019-07-02-{FEES_KEY}.yaml"]
    assert "text: Bước 1." in (root / f"responses/2019/2019-07-02-{FEES_KEY}.yaml").read_text(encoding="utf-8")
    assert "text: Bước 3." in (root / f"responses/2019/2019-07-02-{FEES_KEY}-3.yaml").read_text(encoding="utf-8")


def test_check_is_clean_after_and_proposals_show_the_step(duk, root):
    r = duk(["respond", FEES_KEY, "-s", "da-giai-quyet", "--text", "Đã giải quyết\nxong hẳn.", "-d", "2019-07-10"],
            data=root, today="2019-07-20")
    assert r.exit_code == 0, r.stderr
    assert "text: |-\n  Đã giải quyết\n  xong hẳn.\n" in (
        root / f"responses/2019/2019-07-10-{FEES_KEY}.yaml").read_text(encoding="utf-8")
    check = duk(["check"], data=root, today="2019-07-20")
    assert check.exit_code == 0 and check.stderr == "Dữ liệu hợp lệ: không có lỗi, không có cảnh báo.\n"
    listed = json.loads(duk(["proposals", "-p", "2019Q2", "-f", "json"], data=root, today="2019-07-20").stdout)
    assert [(p["key"], p["status"]) for p in listed["proposals"]] == [(FEES_KEY, "da-giai-quyet"),
                                                                     (P.short_key(BOOKS), "moi")]


def test_a_key_of_an_earlier_year_is_found_in_the_index(duk, root):
    # the command loads only the month of the step (February 2020); the proposal is from May 2019
    r = duk(["respond", FEES_KEY.upper(), "-s", "da-tra-loi", "-t", "Đã trả lời.", "-d", "2020-02-03"], data=root,
            today="2020-02-05")
    assert r.exit_code == 0, r.stderr
    assert (root / f"responses/2020/2020-02-03-{FEES_KEY}.yaml").read_text(encoding="utf-8").startswith(
        f"item: {FEES}\n")


def assert_nothing_written(root, before):
    assert written(root) == []
    assert commits(root) == before
    assert git(root, "status", "--porcelain") == ""


def test_unknown_key_or_id(duk, root):
    before = commits(root)
    r = duk(["respond", "zzzzzz", "-s", "da-chuyen", "-t", "x"], data=root, today="2019-07-20")
    assert r.exit_code == 1
    assert r.stderr == "Lỗi: Không có đề xuất nào mang mã 'zzzzzz' (xem các mã bằng: duk proposals).\n"
    r = duk(["respond", "2019/05/2019-05-14-lan#meeting.proposals", "-s", "da-chuyen", "-t", "x"], data=root,
            today="2019-07-20")  # the field is empty in that visit
    assert r.exit_code == 1
    assert "Không có đề xuất nào mang mã '2019/05/2019-05-14-lan#meeting.proposals'" in r.stderr
    r = duk(["respond", "../../x#work.proposals", "-s", "da-chuyen", "-t", "x"], data=root, today="2019-07-20")
    assert r.exit_code == 1
    assert r.stderr == ("Lỗi: '../../x#work.proposals' không phải mã một đề xuất: cần mã ngắn 6 ký tự hoặc mã đầy đủ "
                        "NĂM/THÁNG/tên-tệp-chuyến-đi#trường.\n")
    assert_nothing_written(root, before)


def test_an_ambiguous_key_lists_the_full_ids(duk, repo):
    # two visit files whose proposals share a short key (found by search: 32^6 keys)
    first, second = "2019/05/2019-05-14703#work.proposals", "2019/05/2019-05-20330#work.proposals"
    assert P.short_key(first) == P.short_key(second) == "ragzde"
    body = "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-{}\nwork:\n  proposals: Đề nghị {}.\n"
    root = repo({"visits/2019/05/2019-05-14703.yaml": body.format(14, "một"),
                 "visits/2019/05/2019-05-20330.yaml": body.format(20, "hai")})
    before = commits(root)
    r = duk(["respond", "ragzde", "-s", "da-chuyen", "-t", "x"], data=root, today="2019-07-20")
    assert r.exit_code == 1
    assert r.stderr == f"Lỗi: Mã 'ragzde' ứng với 2 đề xuất; hãy dùng mã đầy đủ:\n  {first}\n  {second}\n"
    assert_nothing_written(root, before)
    r = duk(["respond", second, "-s", "da-chuyen", "-t", "x"], data=root, today="2019-07-20")
    assert r.exit_code == 0, r.stderr
    assert (root / "responses/2019/2019-07-20-ragzde.yaml").read_text(encoding="utf-8").startswith(
        f"item: {second}\n")


@pytest.mark.parametrize("args, option", [
    (["-s", "xong", "-t", "x"], "'--status' / '-s': 'xong' không thuộc các giá trị 'da-chuyen', 'da-tra-loi', "
                                "'da-giai-quyet'"),
    (["-s", "moi", "-t", "x"], "'--status' / '-s': 'moi' không thuộc"),
    (["-t", "x"], "Thiếu --status: da-chuyen, da-tra-loi hoặc da-giai-quyet."),
    (["-s", "da-chuyen"], "Thiếu --text: nội dung của bước xử lý."),
    (["-s", "da-chuyen", "-t", "  "], "Thiếu --text: nội dung của bước xử lý."),
    (["-s", "da-chuyen", "-t", "x", "-d", "31/02/2019"], "--date"),
])
def test_usage_errors_name_the_option(duk, root, args, option):
    before = commits(root)
    r = duk(["respond", FEES_KEY, *args], data=root, today="2019-07-20")
    assert r.exit_code == 2
    assert option in r.stderr
    assert_nothing_written(root, before)


@pytest.mark.parametrize("day, message", [
    ("2019-07-21", "Lỗi: ngày 21/07/2019 còn ở tương lai (hôm nay là 20/07/2019)\n"),
    ("13/05/2019", "Lỗi: ngày 13/05/2019 của bước xử lý trước ngày 14/05/2019 của chuyến đi nêu đề xuất\n"),
])
def test_a_date_ahead_or_before_the_proposal_is_refused(duk, root, day, message):
    before = commits(root)
    r = duk(["respond", FEES_KEY, "-s", "da-chuyen", "-t", "x", "-d", day], data=root, today="2019-07-20")
    assert r.exit_code == 1
    assert r.stderr == message
    assert_nothing_written(root, before)


def test_a_control_character_in_the_text_is_refused_as_check_would(duk, root):
    before = commits(root)
    r = duk(["respond", FEES_KEY, "-s", "da-chuyen", "-t", "x\x07y"], data=root, today="2019-07-20")
    assert r.exit_code == 1 and "text" in r.stderr
    assert_nothing_written(root, before)


def test_a_key_is_found_through_the_index_and_follows_an_edit(root, duk):
    """store/proposals finds a short key in the index's table of keys, kept with each visit's
    row: an edit that empties the field removes its key, a new proposal brings its own, a gone
    file's keys go with it."""
    import sqlite3

    from dukcli.store import loader
    from dukcli.store import proposals as kept

    def table() -> list[tuple[str, str]]:
        with sqlite3.connect(root / ".duk" / "index.sqlite") as db:
            return sorted((key, rel) for rel, *keys in db.execute("SELECT rel, key1, key2, key3 FROM visit")
                          for key in keys if key is not None)

    loader.check_all(root, dt.date(2019, 12, 31))
    found = kept.with_key(root, FEES_KEY)
    assert [P.short_key(p.id) for p in found] == [FEES_KEY]
    path = root / P.visit_file(found[0].id)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(found[0].text, ""), encoding="utf-8")
    age(path)
    loader.check_all(root, dt.date(2019, 12, 31))
    assert kept.with_key(root, FEES_KEY) == []
    assert table() == [(P.short_key(BOOKS), "visits/2019/05/2019-05-14-lan.yaml")]
    path.write_text(text, encoding="utf-8")
    age(path, 7200)
    loader.check_all(root, dt.date(2019, 12, 31))
    assert [p.id for p in kept.with_key(root, FEES_KEY)] == [found[0].id]
    assert table() == sorted([(FEES_KEY, "visits/2019/05/2019-05-14-lan.yaml"),
                              (P.short_key(BOOKS), "visits/2019/05/2019-05-14-lan.yaml")])
    shutil.rmtree(root / "visits" / found[0].id[:7])  # the month folder gone: its keys too
    loader.check_all(root, dt.date(2019, 12, 31))
    assert kept.with_key(root, FEES_KEY) == []
    assert table() == []
    other = root / "visits/2019/06/2019-06-03-lan.yaml"  # one file gone from a folder that stays
    other.parent.mkdir(parents=True)
    other.write_text(VISIT.replace("2019-05-14", "2019-06-03"), encoding="utf-8")
    (other.parent / "keep.yaml").write_text(VISIT.replace("2019-05-14", "2019-06-04"), encoding="utf-8")
    age(other), age(other.parent / "keep.yaml")
    loader.check_all(root, dt.date(2019, 12, 31))
    assert len(table()) == 4
    other.unlink()
    loader.check_all(root, dt.date(2019, 12, 31))
    assert [rel for _, rel in table()] == ["visits/2019/06/keep.yaml"] * 2
    assert kept.key_number("abcde") is None and kept.key_number("abcde0") is None
