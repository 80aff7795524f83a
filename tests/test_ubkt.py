"""duk summary --by ubkt (Article 6.3): the Inspection Committee's report at 6 months, 9 months
and the year, read back with python-docx: who fell short of Article 4 and of the reporting
duty, named with their figures; proposals unanswered past 30 days; the base committees'
comments on the assignment; signed for the Inspection Committee as duk.yaml `bodies:` says."""

from __future__ import annotations

import pytest

from test_summary_voice import BODIES, FUNDS, SO_TAY, VOICE, rows_of, texts_of

FILES = {**VOICE, "submissions.yaml": "- {person: nguyen-thi-lan, period: 2019Q1, date: 2019-04-02}\n"
                                      "- {person: tran-van-binh, period: 2019Q2, date: 2019-06-28}\n"}
HEADINGS = ("I- VIỆC THỰC HIỆN ĐỊNH KỲ ĐI CƠ SỞ, DỰ SINH HOẠT CHI BỘ (ĐIỀU 4)",
            "II- VIỆC THỰC HIỆN CHẾ ĐỘ BÁO CÁO (ĐIỀU 6.1)",
            "III- KIẾN NGHỊ QUÁ 30 NGÀY CHƯA ĐƯỢC TRẢ LỜI",
            "IV- GÓP Ý CỦA CẤP ỦY CƠ SỞ VỀ VIỆC PHÂN CÔNG (ĐIỀU 5.2)", "V- ĐỀ XUẤT")


def write(duk, root, tmp_path, period="2019H1"):
    out = tmp_path / "ubkt.docx"
    r = duk(["summary", "--by", "ubkt", "-p", period, "--as-of", "2019-07-05", "--date", "2019-07-05",
             "-o", str(out)], data=root, today="2019-07-10")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("Đã ghi báo cáo của Ủy ban Kiểm tra")
    return out


@pytest.fixture
def written(duk, make_folder, tmp_path):
    return write(duk, make_folder(FILES), tmp_path)


def test_header_sections_and_signature(written):
    texts = texts_of(written)
    for line in ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ỦY BAN KIỂM TRA", "Số        -BC/UBKT", "ĐẢNG CỘNG SẢN VIỆT NAM",
                 "Hòa Bình, ngày 05 tháng 7 năm 2019", "BÁO CÁO",
                 "Kết quả kiểm tra, giám sát việc thực hiện quy định đi công tác cơ sở và dự sinh hoạt chi bộ "
                 "6 tháng đầu năm 2019", "T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM", "- Lưu Ủy ban Kiểm tra."):
        assert line in texts, line
    at = [texts.index(h) for h in HEADINGS]
    assert at == sorted(at) and at[-1] < texts.index("T/M ỦY BAN KIỂM TRA")
    assert "T/M BAN TỔ CHỨC" not in texts
    assert not any("{{" in t or "{%" in t for t in texts)


def test_who_fell_short_named_with_their_figures(written):
    texts = texts_of(written)
    assert ("Trong kỳ có 2 đồng chí được phân công phụ trách, theo dõi cơ sở; 2 đồng chí chưa thực hiện đủ định kỳ "
            "đi cơ sở, dự sinh hoạt chi bộ theo Điều 4; 2 đồng chí chưa thực hiện đúng chế độ báo cáo theo Điều "
            "6.1; 2 kiến nghị của cơ sở quá 30 ngày chưa được trả lời.") in texts
    i = texts.index(HEADINGS[0])
    assert texts[i + 2:texts.index(HEADINGS[1])] == [
        "Đồng chí Trần Văn Bình (Ủy viên Ban Thường vụ phụ trách): 1 lần từ đầu năm, cần 3 lần đến hết kỳ, "
        "chỉ tiêu năm 5 lần (chậm tiến độ).",
        "Đồng chí Nguyễn Thị Lan – Chi bộ Sở Tài chính: không đi cơ sở tháng 1/2019, 2/2019, 3/2019, 5/2019, 6/2019 "
        "(đạt 1/6 tháng).",
        "Đồng chí Nguyễn Thị Lan – Đảng bộ Sở Y tế: không đi cơ sở tháng 1/2019, 2/2019, 3/2019, 4/2019, 6/2019 "
        "(đạt 1/6 tháng)."]


def test_who_fell_short_of_the_reporting_duty(written):
    texts = texts_of(written)
    assert ("Quý I năm 2019 (hạn nộp 30/03/2019): 2 đồng chí phải báo cáo; đúng hạn 0, trễ hạn 1, chưa nộp 1."
            in texts)
    i = texts.index("Những đồng chí nộp báo cáo trễ hạn hoặc chưa nộp:")
    assert texts[i + 1:texts.index(HEADINGS[2])] == [
        "Đồng chí Trần Văn Bình: chưa nộp báo cáo quý I năm 2019 (hạn 30/03/2019, quá hạn 97 ngày).",
        "Đồng chí Nguyễn Thị Lan: báo cáo quý I năm 2019 nộp ngày 02/04/2019, trễ hạn 3 ngày.",
        "Đồng chí Nguyễn Thị Lan: chưa nộp báo cáo quý II năm 2019 (hạn 30/06/2019, quá hạn 5 ngày)."]


def test_unanswered_proposals_and_comments_on_the_assignment(written):
    rows = rows_of(written)
    i = rows.index(["TT", "Ngày", "Đơn vị", "Đồng chí ghi nhận", "Nội dung kiến nghị", "Số ngày"])
    assert rows[i + 1:i + 3] == [["1", "05/04/2019", "Chi bộ Sở Tài chính", "Nguyễn Thị Lan", SO_TAY[0], "86"],
                            ["2", "10/05/2019", "Đảng bộ Sở Y tế", "Nguyễn Thị Lan", SO_TAY[1], "51"]]
    texts = texts_of(written)
    assert FUNDS not in "\n".join(texts)  # answered: not the Inspection Committee's concern
    i = texts.index(HEADINGS[3])
    assert texts[i + 1:i + 3] == ["Đảng bộ Sở Y tế, Bí thư Đảng ủy Sở Y tế, ngày 26/06/2019:",
                                  "Đề nghị phân công thêm cán bộ theo dõi các chi bộ trực thuộc."]
    assert "Đồng chí dự sinh hoạt đều đặn." not in texts  # an assessment of a cadre is the summary's
    assert texts[texts.index(HEADINGS[4]) + 1].startswith("Đề nghị Ban Thường vụ Đảng ủy Khối nhắc nhở")


def test_signed_for_the_inspection_committee_of_bodies(duk, make_folder, tmp_path):
    out = write(duk, make_folder({**FILES, "duk.yaml": BODIES}), tmp_path, period="2019")
    texts = texts_of(out)
    assert "ỦY BAN KIỂM TRA ĐẢNG ỦY KHỐI" in texts and "Số        -BC/UBKTĐUK" in texts
    assert "T/M ỦY BAN KIỂM TRA" in texts and "CHỦ NHIỆM" in texts
    assert "Kết quả kiểm tra, giám sát việc thực hiện quy định đi công tác cơ sở và dự sinh hoạt chi bộ " \
           "năm 2019" in texts


@pytest.mark.parametrize("period,label", [("2019Q2", "Quý II năm 2019"), ("2019-05", "Tháng 5 năm 2019")])
def test_a_quarter_or_a_month_is_refused(duk, make_folder, tmp_path, monkeypatch, period, label):
    monkeypatch.chdir(tmp_path)
    r = duk(["summary", "--by", "ubkt", "-p", period], data=make_folder(FILES), today="2019-07-10")
    assert r.exit_code == 2
    assert r.stderr.strip().endswith(
        f"--by ubkt: báo cáo của Ủy ban Kiểm tra làm theo kỳ 6 tháng, 9 tháng hoặc cả năm (Điều 6.3), "
        f"không làm cho {label}; dùng ví dụ -p 2019H1, -p 2019-9M hoặc -p 2019.")
    assert list(tmp_path.glob("*.docx")) == []


def test_default_name_and_nine_months(duk, make_folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = duk(["summary", "--by", "ubkt", "-p", "2019-9M"], data=make_folder(FILES), today="2019-10-10")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "ubkt-2019-9M.docx").is_file()
    texts = texts_of(tmp_path / "ubkt-2019-9M.docx")
    assert any(t.startswith("Quý III năm 2019 (hạn nộp 30/09/2019)") for t in texts)


def test_an_unknown_by_is_a_usage_error(duk, make_folder):
    r = duk(["summary", "--by", "ubnd", "-p", "2019"], data=make_folder(FILES))
    assert r.exit_code == 2 and "--by" in r.stderr and "btc" in r.stderr and "ubkt" in r.stderr


def test_the_shipped_template_and_its_sample(duk):
    from dukcli.render import word
    from dukcli.resources import template
    from dukcli.rules import ubkt

    assert word.check_template(template("summary_ubkt.docx"), ubkt.sample_context()) == []
    r = duk(["template", "check", str(template("summary_ubkt.docx"))], data=None)
    assert r.exit_code == 0, r.stderr


def test_a_long_list_of_open_proposals_names_the_oldest_and_counts_the_rest(duk, make_folder, tmp_path, monkeypatch):
    """A document names at most OPEN_LISTED open proposals (oldest first) and then one line with
    the number left; the overview still counts all of them."""
    from dukcli.rules import summary

    monkeypatch.setattr(summary, "OPEN_LISTED", 1)
    texts = texts_of(write(duk, make_folder(FILES), tmp_path))
    assert ("Trong kỳ có 2 đồng chí được phân công phụ trách, theo dõi cơ sở; 2 đồng chí chưa thực hiện đủ định kỳ "
            "đi cơ sở, dự sinh hoạt chi bộ theo Điều 4; 2 đồng chí chưa thực hiện đúng chế độ báo cáo theo Điều "
            "6.1; 2 kiến nghị của cơ sở quá 30 ngày chưa được trả lời.") in texts
    rows = [r for r in rows_of(tmp_path / "ubkt.docx") if r and r[0] in ("1", "2", "")]
    assert [r[0] for r in rows if r[0]] == ["1"]
    assert ("… và 1 kiến nghị khác quá 30 ngày chưa được trả lời (danh sách đầy đủ: "
            "duk proposals --open --older-than 30)") in texts
