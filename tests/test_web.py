"""duk serve (SPEC §8) through Flask's test client: every page on the sample data, the forms
judged and written like log-visit and submit, and the guards (CSRF, read-only, slugs,
escaping, the host rule, the password)."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import git

SAMPLE = Path(__file__).resolve().parent.parent / "data"
TODAY = "2019-12-31"


@pytest.fixture
def sample(tmp_path, monkeypatch):
    """The sample data/ copied into a fresh git repository, DUK_TODAY at the end of 2019."""
    from dukcli.store import gitops

    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    assert gitops.init(root, ["."], "Khởi tạo")
    monkeypatch.setenv("DUK_TODAY", TODAY)
    return root


def client(root: Path, **options):
    from dukcli.web.app import create_app

    return create_app(root, **options).test_client()


def token(c) -> str:
    page = c.get("/log-visit").get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def tree(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and ".git" not in p.parts and ".duk" not in p.parts}


def field_block(page: str, name: str) -> str:
    """The form row of a field: from its label to the next row."""
    start = page.index(f'<label for="{name}">')
    end = page.find('<div class="row', start)
    return page[start:end if end != -1 else len(page)]


PAGES = ["/", "/?p=2019Q2", "/?p=2019H2", "/?p=2019-9M", "/?p=2019-05", "/people/nguyen-thi-lan",
         "/people/bui-van-thang?p=2019Q3", "/units/cb-so-tai-chinh", "/units/db-so-y-te?p=2019Q1", "/visits",
         "/visits?p=2019&person=nguyen-thi-lan&unit=cb-so-tai-chinh", "/agenda", "/check", "/downloads",
         "/downloads?p=2019", "/log-visit", "/submit", "/static/style.css"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers_on_the_sample(sample, url):
    r = client(sample).get(url)
    assert r.status_code == 200
    assert r.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert r.headers["X-Frame-Options"] == "DENY"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "same-origin"
    if url != "/static/style.css":
        page = r.get_data(as_text=True)
        assert "<script" not in page and " style=" not in page  # the CSP allows neither


def test_the_board_shows_the_grid_the_legend_and_the_charts(sample):
    page = client(sample).get("/?p=2019Q2").get_data(as_text=True)
    assert "Bảng thực hiện Điều 4 – Quý II năm 2019" in page
    assert "<th class=\"m\">T4</th><th class=\"m\">T5</th><th class=\"m\">T6</th>" in page
    assert 'class="m m-met" title="Đạt">✓ 1</td>' in page
    assert "Chú thích" in page and "Chưa hết tháng" in page
    assert page.count("<svg ") == 2
    assert "Số chuyến đi mỗi tháng" in page and "Tỉ lệ dòng Điều 4 đạt mỗi tháng" in page
    assert '<a href="/people/nguyen-thi-lan">Nguyễn Thị Lan</a>' in page


def test_a_warm_board_reads_no_visit_and_shows_the_same_page(sample, monkeypatch):
    """The board's table and chart are kept in the index (Site.kept): a new server on the same
    files shows the same page without reading the year's visits; a visit added on disk is on
    the next page."""
    from dukcli.store import refresh

    reads: list[int] = []
    real = refresh.rows_for
    monkeypatch.setattr(refresh, "rows_for", lambda index, window: reads.append(1) or real(index, window))
    first = client(sample).get("/?p=2019Q2").get_data(as_text=True)
    assert reads == [1]
    again = client(sample).get("/?p=2019Q2").get_data(as_text=True)
    assert again == first and reads == [1]
    path = sample / "visits/2019/05/2019-05-28-nguyen-thi-lan-db-so-y-te.yaml"
    path.write_text("person: nguyen-thi-lan\nunit: db-so-y-te\ndate: 2019-05-28\nwork: {}\n", encoding="utf-8")
    changed = client(sample).get("/?p=2019Q2").get_data(as_text=True)
    assert reads == [1] and changed != first  # brought up to date for her (store/partial)
    copy = sample.with_name("copy")
    shutil.copytree(sample, copy, ignore=shutil.ignore_patterns(".duk"))
    assert changed == client(copy).get("/?p=2019Q2").get_data(as_text=True).replace(str(copy), str(sample))


def test_a_bad_period_is_said_beside_the_picker(sample):
    r = client(sample).get("/?p=2019Q7")
    assert r.status_code == 200
    assert '<p class="field-error">' in r.get_data(as_text=True)


def document(c, url: str) -> bytes:
    r = c.get(url)
    assert r.status_code == 200 and r.data[:2] == b"PK", r.get_data(as_text=True)[-600:]
    return r


def test_downloads_are_the_commands_documents(sample):
    c = client(sample)
    r = document(c, "/downloads/dieu-4.xlsx?p=2019Q2")
    assert r.headers["Content-Disposition"] == "attachment; filename=dieu-4-2019-Q2.xlsx"
    document(c, "/downloads/chuyen-di.xlsx?p=2019")
    document(c, "/downloads/viec-can-lam.xlsx")
    r = document(c, "/downloads/report/nguyen-thi-lan.docx?p=2019Q3")
    assert "bao-cao-2019-Q3-nguyen-thi-lan.docx" in r.headers["Content-Disposition"]
    document(c, "/downloads/summary.docx?p=2019Q3")
    assert c.get("/downloads/report/nguyen-thi-lan.docx?p=2019").status_code == 422  # a quarter only
    assert c.get("/downloads/other.xlsx").status_code == 404
    assert not list(sample.glob("*.docx")) and not list(sample.glob("*.xlsx"))


@pytest.mark.parametrize("url", ["/people/Nguyen-Thi-Lan", "/people/nguyen_thi_lan", "/people/nobody-here",
                                 "/units/..%2Fpeople", "/units/cb-so-tai-chinh.yaml", "/people/%00",
                                 "/visits?person=../x", "/visits?unit=nobody", "/downloads/report/nobody.docx?p=2019Q3"])
def test_an_id_that_is_not_an_existing_slug_is_not_found(sample, url):
    r = client(sample).get(url)
    assert r.status_code == 404
    assert "Không tìm thấy" in r.get_data(as_text=True)


# --- the visit form -------------------------------------------------------------------------------

def visit_form(c, **fields) -> dict:
    form = {"csrf": token(c), "person": "nguyen-thi-lan", "unit": "cb-so-tai-chinh", "date": "30/12/2019",
            "part_work": "1", "work_situation": "Chi bộ sinh hoạt đều."}
    form.update(fields)
    return {k: v for k, v in form.items() if v is not None}


def test_a_visit_in_the_future_is_refused_beside_the_date_with_the_text_kept(sample):
    c = client(sample)
    before = tree(sample)
    head = git(sample, "rev-parse", "HEAD")
    r = c.post("/log-visit", data=visit_form(c, date="05/01/2020"))
    assert r.status_code == 422
    page = r.get_data(as_text=True)
    assert "Chưa ghi: hãy sửa chỗ được đánh dấu bên dưới. Không có gì được ghi" in page
    assert "Ngày 05/01/2020 còn ở tương lai (hôm nay là 31/12/2019) (mã kiểm tra: future-date)" in field_block(page, "date")
    assert 'value="05/01/2020"' in page and "Chi bộ sinh hoạt đều.</textarea>" in page
    assert '<option value="nguyen-thi-lan" selected>' in page
    assert tree(sample) == before and git(sample, "rev-parse", "HEAD") == head
    assert git(sample, "status", "--porcelain") == ""


def test_missing_fields_and_an_unknown_unit_are_named_beside_them(sample):
    c = client(sample)
    before = tree(sample)
    page = c.post("/log-visit", data=visit_form(c, person="", unit="khong-co", date="", part_work=None,
                                                work_situation=None)).get_data(as_text=True)
    assert "Cần điền" in field_block(page, "person")
    assert "Cần điền" in field_block(page, "date")
    assert "Không tìm thấy đơn vị &#39;khong-co&#39;." in field_block(page, "unit")
    assert "Hãy chọn ít nhất một nội dung" in page
    assert tree(sample) == before


def test_a_second_visit_of_the_same_day_is_refused_like_log_visit(sample):
    c = client(sample)
    before = tree(sample)
    r = c.post("/log-visit", data=visit_form(c, date="05/12/2019"))  # the sample has this one
    assert r.status_code == 422
    assert "(mã kiểm tra: duplicate-visit)" in field_block(r.get_data(as_text=True), "date")
    assert tree(sample) == before


def test_a_bad_rating_is_refused_beside_the_rating(sample):
    c = client(sample)
    page = c.post("/log-visit", data=visit_form(c, part_meeting="1", meeting_rating="xuat-sac")).get_data(as_text=True)
    assert "(mã kiểm tra: schema)" in field_block(page, "meeting_rating")


def test_a_visit_is_written_committed_and_shown_on_the_persons_page(sample):
    c = client(sample)
    r = c.post("/log-visit", data=visit_form(c, part_meeting="1", meeting_conduct="Đúng nguyên tắc.",
                                             meeting_rating="tot"))
    assert r.status_code == 303
    assert r.headers["Location"] == "/people/nguyen-thi-lan?p=2019"
    rel = "visits/2019/12/2019-12-30-nguyen-thi-lan-cb-so-tai-chinh.yaml"
    assert (sample / rel).read_text(encoding="utf-8") == (
        "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-12-30\nwork:\n  situation: Chi bộ sinh hoạt đều.\n"
        "meeting:\n  conduct: Đúng nguyên tắc.\n  rating: tot\n")
    assert git(sample, "log", "-1", "--format=%s") == "Ghi nhận: Nguyễn Thị Lan – Chi bộ Sở Tài chính – 30/12/2019\n"
    assert git(sample, "show", "--name-only", "--format=", "HEAD").split() == [rel]
    page = c.get(r.headers["Location"]).get_data(as_text=True)
    assert "Đã ghi chuyến đi của Nguyễn Thị Lan đến Chi bộ Sở Tài chính ngày 30/12/2019." in page
    assert f"<code>{rel}</code>" in page
    assert git(sample, "rev-parse", "--short=10", "HEAD").strip() in page
    assert "<td class=\"name\">30/12/2019</td>" in page


def test_the_same_entry_through_the_command_is_the_same_file(sample, duk):
    """The form and `duk log-visit` write byte for byte the same file."""
    c = client(sample)
    c.post("/log-visit", data=visit_form(c))
    rel = "visits/2019/12/2019-12-30-nguyen-thi-lan-cb-so-tai-chinh.yaml"
    by_web = (sample / rel).read_bytes()
    git(sample, "rm", "-q", rel)
    git(sample, "commit", "-qm", "bỏ")
    res = duk(["log-visit", "--person", "nguyen-thi-lan", "--unit", "cb-so-tai-chinh", "--date", "30/12/2019",
               "--situation", "Chi bộ sinh hoạt đều."], data=sample, today=TODAY)
    assert res.exit_code == 0, res.output
    assert (sample / rel).read_bytes() == by_web


def test_pages_show_files_changed_on_disk_at_the_next_request(sample):
    c = client(sample)
    assert "2019-12-27-nguyen-thi-lan" not in c.get("/visits?p=2019Q4").get_data(as_text=True)
    path = sample / "visits/2019/12/2019-12-27-nguyen-thi-lan-db-so-y-te.yaml"
    path.write_text("person: nguyen-thi-lan\nunit: db-so-y-te\ndate: 2019-12-27\nwork: {}\n", encoding="utf-8")
    assert "2019-12-27-nguyen-thi-lan-db-so-y-te.yaml" in c.get("/visits?p=2019Q4").get_data(as_text=True)


# --- the submission form --------------------------------------------------------------------------

def test_a_submission_is_written_committed_and_shown(sample):
    c = client(sample)
    before = git(sample, "rev-parse", "HEAD")
    r = c.post("/submit", data={"csrf": token(c), "person": "hoang-van-cuong", "quarter": "2019Q4",
                                "date": "31/12/2019"})
    assert r.status_code == 303 and r.headers["Location"] == "/people/hoang-van-cuong?p=2019"
    rel = "submissions/2019Q4/hoang-van-cuong.yaml"
    assert (sample / rel).read_text(encoding="utf-8") == "person: hoang-van-cuong\nperiod: 2019Q4\ndate: 2019-12-31\n"
    assert git(sample, "rev-parse", "HEAD") != before
    assert git(sample, "status", "--porcelain") == ""
    page = c.get(r.headers["Location"]).get_data(as_text=True)
    assert "Đã ghi nhận báo cáo Quý IV năm 2019 của Hoàng Văn Cường, nhận ngày 31/12/2019." in page
    assert "<td>2019Q4</td><td>31/12/2019</td><td><code>submissions/2019Q4/hoang-van-cuong.yaml</code></td>" in page


@pytest.mark.parametrize("person", ["bui-van-thang", "hoang-van-cuong"])
def test_a_second_submission_of_a_quarter_is_refused_like_duk_submit(sample, person):
    c = client(sample)
    form = {"csrf": token(c), "person": person, "quarter": "2019Q4", "date": "31/12/2019"}
    if person == "hoang-van-cuong":
        assert c.post("/submit", data=form).status_code == 303
    before = tree(sample)
    head = git(sample, "rev-parse", "HEAD")
    r = c.post("/submit", data=form)
    assert r.status_code == 422
    page = r.get_data(as_text=True)
    assert f"Đã nhận báo cáo Quý IV năm 2019 của &#39;{person}&#39; ngày" in page
    assert "không ghi lần thứ hai" in page
    assert tree(sample) == before and git(sample, "rev-parse", "HEAD") == head


def test_a_quarter_that_is_not_one_is_refused_beside_it(sample):
    c = client(sample)
    before = tree(sample)
    for quarter in ("2019Q9", "2019", "2019-05"):
        r = c.post("/submit", data={"csrf": token(c), "person": "hoang-van-cuong", "quarter": quarter, "date": ""})
        assert r.status_code == 422 and "field-error" in field_block(r.get_data(as_text=True), "quarter")
    assert tree(sample) == before


def test_an_old_quarter_without_a_date_needs_the_date(sample):
    c = client(sample)
    before = tree(sample)
    page = c.post("/submit", data={"csrf": token(c), "person": "bui-van-thang", "quarter": "2019Q1",
                                   "date": ""}).get_data(as_text=True)
    assert "field-error" in field_block(page, "date")
    assert tree(sample) == before


# --- the guards -----------------------------------------------------------------------------------

@pytest.mark.parametrize("csrf", [None, "", "sai"])
def test_a_form_without_the_right_csrf_token_is_refused(sample, csrf):
    c = client(sample)
    form = visit_form(c, csrf=csrf)
    before = tree(sample)
    r = c.post("/log-visit", data=form)
    assert r.status_code == 403
    assert "thiếu hoặc sai mã bảo vệ CSRF" in r.get_data(as_text=True)
    assert tree(sample) == before


def test_a_token_of_another_run_is_refused(sample):
    first, second = client(sample), client(sample)
    form = visit_form(first)
    second.get("/log-visit")
    assert second.post("/log-visit", data=form).status_code == 403


def test_read_only_shows_no_form_and_refuses_every_post(sample):
    c = client(sample, read_only=True)
    page = c.get("/").get_data(as_text=True)
    assert "/log-visit" not in page and "/submit" not in page and "<textarea" not in page
    assert "Chế độ chỉ xem" in page
    assert "Ghi chuyến đi của người này" not in c.get("/people/nguyen-thi-lan").get_data(as_text=True)
    assert c.get("/log-visit").status_code == 405
    before = tree(sample)
    for url in ("/log-visit", "/submit", "/"):
        r = c.post(url, data={"person": "nguyen-thi-lan"})
        assert r.status_code == 405
        assert "chế độ chỉ xem" in r.get_data(as_text=True)
    assert tree(sample) == before


def test_text_from_the_data_is_escaped(make_folder, monkeypatch):
    from dukcli.store import gitops

    root = make_folder({"people.yaml": """\
        - id: nguyen-thi-lan
          name: <script>alert(1)</script> Lan
          position: "<b>x</b>"
        - id: tran-van-binh
          name: Trần Văn Bình
        """})
    gitops.init(root, ["."], "Khởi tạo")
    monkeypatch.setenv("DUK_TODAY", "2019-07-05")
    c = client(root)
    for url in ("/", "/people/nguyen-thi-lan", "/log-visit", "/visits"):
        page = c.get(url).get_data(as_text=True)
        assert "<script>" not in page and "<b>x</b>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Lan" in page


def test_a_password_file_asks_for_the_password(sample):
    from dukcli.web.security import hash_password, parse_password_line

    line = hash_password("mật khẩu 1")
    c = client(sample, password=parse_password_line(line + "\n"))
    r = c.get("/")
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"].startswith("Basic realm=")

    def auth(pw):
        return {"Authorization": "Basic " + base64.b64encode(f"x:{pw}".encode()).decode()}

    assert c.get("/", headers=auth("sai")).status_code == 401
    assert c.get("/", headers=auth("mật khẩu 1")).status_code == 200
    assert c.get("/check", headers=auth("mật khẩu 1")).status_code == 200


@pytest.mark.parametrize("text", ["", "scrypt$abc", "md5$YWJj$YWJj", "scrypt$!!$YWJj", "a\nb"])
def test_a_bad_password_line_is_refused(text):
    from dukcli.web.security import BadPasswordLine, parse_password_line

    with pytest.raises(BadPasswordLine):
        parse_password_line(text)


@pytest.mark.parametrize("args", [["--host", "0.0.0.0"], ["--host", "192.168.1.5", "--port", "8080"]])
def test_another_host_needs_read_only_or_a_password(sample, duk, args):
    res = duk(["serve", *args], data=sample, today=TODAY)
    assert res.exit_code == 2
    assert "hãy thêm --read-only (chỉ xem) hoặc --password-file TỆP" in res.output


def test_a_password_file_that_is_not_one_line_of_scrypt_is_a_usage_error(sample, duk, tmp_path):
    bad = tmp_path / "pw"
    bad.write_text("secret\n", encoding="utf-8")
    res = duk(["serve", "--host", "0.0.0.0", "--password-file", str(bad)], data=sample, today=TODAY)
    assert res.exit_code == 2
    assert "tệp phải có đúng một dòng dạng scrypt$MUỐI$BĂM" in res.output
    res = duk(["serve", "--password-file", str(tmp_path / "none")], data=sample, today=TODAY)
    assert res.exit_code == 2 and "--password-file" in res.output


def test_duk_starts_without_the_web_libraries():
    code = ("import sys; import dukcli.cli.main; "
            "print(sorted(m for m in ('flask', 'waitress', 'werkzeug') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_warm_page_is_fast(sample):
    c = client(sample)
    c.get("/")
    start = time.perf_counter()
    for _ in range(20):
        assert c.get("/").status_code == 200
    assert (time.perf_counter() - start) / 20 < 0.3


def test_hash_password_prints_a_line_the_server_accepts(duk, monkeypatch):
    from dukcli.web.security import parse_password_line, password_matches

    answers = iter(["bí mật", "bí mật"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    res = duk(["serve", "--hash-password"])
    assert res.exit_code == 0, res.output
    line = res.stdout.strip()
    assert line.startswith("scrypt$") and "bí mật" not in line
    assert password_matches("bí mật", *parse_password_line(line))
    assert not password_matches("bi mat", *parse_password_line(line))


def test_hash_password_refuses_two_different_answers(duk, monkeypatch):
    answers = iter(["một", "hai"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    res = duk(["serve", "--hash-password"])
    assert res.exit_code == 1
    assert "hai lần nhập mật khẩu không giống nhau" in res.output


def test_a_port_out_of_range_is_a_usage_error(sample, duk):
    res = duk(["serve", "--port", "70000"], data=sample, today=TODAY)
    assert res.exit_code == 2
    assert "--port 70000: cổng phải từ 1 đến 65535" in res.output


def test_a_form_too_large_is_refused_in_vietnamese_and_writes_nothing(sample):
    c = client(sample)
    before = tree(sample)
    r = c.post("/log-visit", data=visit_form(c, work_situation="x" * 300_000))
    assert r.status_code == 400
    assert "Yêu cầu không hợp lệ" in r.get_data(as_text=True)
    assert tree(sample) == before


def test_the_board_follows_a_file_added_or_edited_in_place(sample):
    c = client(sample)

    def cell() -> str:
        page = c.get("/?p=2019Q2").get_data(as_text=True)
        row = page[page.index('<a href="/units/cb-kho-bac-nha-nuoc">'):]
        return re.findall(r'<td class="m m-[a-z-]+" title="[^"]+">([^<]+)</td>', row)[1]  # May

    assert cell() == "✗ 0"
    path = sample / "visits/2019/05/2019-05-20-nguyen-thi-lan-cb-kho-bac-nha-nuoc.yaml"
    path.write_text("person: nguyen-thi-lan\nunit: cb-kho-bac-nha-nuoc\ndate: 2019-05-20\nwork: {}\n",
                    encoding="utf-8")
    assert cell() == "✓ 1"
    time.sleep(0.01)
    with open(path, "r+", encoding="utf-8") as f:  # in place: the folder itself does not change
        f.write("person: nguyen-thi-lan\nunit: cb-kho-bac-nha-nuoc\ndate: 2019-06-20\n")
    assert cell() == "✗ 0"


def test_the_summary_download_holds_part_v_as_duk_summary_writes_it(sample, duk, tmp_path):
    """The web's summary is the command's: the same paragraphs, part V's analysis included."""
    import io

    from docx import Document

    def paragraphs(data: bytes) -> list[str]:
        doc = Document(io.BytesIO(data))
        cells = [p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
        return [p.text for p in doc.paragraphs] + cells

    web = paragraphs(document(client(sample), "/downloads/summary.docx?p=2019").data)
    out = tmp_path / "tong-hop.docx"
    assert duk(["summary", "-p", "2019", "-o", str(out)], data=sample).exit_code == 0
    assert web == paragraphs(out.read_bytes())
    assert any("Sổ tay đảng viên điện tử" in p for p in web)


def test_the_agenda_page_lists_the_proposals_open_over_30_days_as_duk_agenda(sample, duk):
    import json

    from dukcli.words import proposals as PW

    listed = json.loads(duk(["agenda", "--format", "json"], data=sample).stdout)["proposals_open"]
    page = client(sample).get("/agenda").get_data(as_text=True)
    assert listed and PW.open_title(30) in page
    assert all(f"<code>{p['key']}</code>" in page for p in listed)
