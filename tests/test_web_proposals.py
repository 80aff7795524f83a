"""duk serve's proposals (SPEC §7, §8): the /proposals page loads and filters as `duk proposals`
does (its rows, its groups, its xlsx), the person and unit pages show their proposals, and the
respond form judges and writes through cli/entries exactly as `duk respond` (the same file, one
commit; every refusal beside its field with nothing written)."""

from __future__ import annotations

import html
import io
import json
import re
import shutil

import pytest

from conftest import git
from test_web import TODAY, client, field_block, sample, tree  # noqa: F401 - sample: the same fixture

SO_TAY = "Chi bộ kiến nghị cấp trên quan tâm hướng dẫn việc sử dụng Sổ tay đảng viên điện tử cho đảng viên"
KEY = "id94t4"  # 2019/10/2019-10-03-tran-minh-duc-cb-so-noi-vu#work.proposals, still new on 31/12/2019
ITEM = "2019/10/2019-10-03-tran-minh-duc-cb-so-noi-vu#work.proposals"


def listed(duk, root, *args) -> dict:
    res = duk(["proposals", *args, "--format", "json"], data=root, today=TODAY)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def keys_in(page: str) -> list[str]:
    return re.findall(r"<tr><td class=\"n\">\d+</td><td><code>([a-z0-9]{6})</code>", page)


def text_of(r) -> str:
    assert r.status_code == 200, r.get_data(as_text=True)[-800:]
    return r.get_data(as_text=True)


# --- the page -------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, args", [
    ("", []),
    ("?p=2019", ["-p", "2019"]),
    ("?p=2019&open=1", ["-p", "2019", "--open"]),
    ("?p=2019&older=60", ["-p", "2019", "--older-than", "60"]),
    ("?p=2019Q3&unit=db-so-y-te", ["-p", "2019Q3", "--unit", "db-so-y-te"]),
    ("?p=2019&person=nguyen-thi-lan&open=1&older=30", ["-p", "2019", "--person", "nguyen-thi-lan", "--open",
                                                       "--older-than", "30"]),
])
def test_the_page_lists_the_rows_of_duk_proposals(sample, duk, query, args):
    expected = [p["key"] for p in listed(duk, sample, *args)["proposals"]]
    page = text_of(client(sample).get("/proposals" + query))
    assert keys_in(page) == expected
    assert expected or "Không có đề xuất nào." in page


def test_a_row_has_the_commands_columns(sample):
    page = text_of(client(sample).get("/proposals?p=2019Q4"))
    assert "<h1>Đề xuất, kiến nghị của cơ sở – Quý IV năm 2019</h1>" in page
    for heading in ("Mã", "Ngày nêu", "Đơn vị", "Cán bộ ghi nhận", "Trạng thái", "Số ngày", "Bước xử lý gần nhất"):
        assert f"<th>{heading}</th>" in page or f'<th class="n">{heading}</th>' in page
    assert '<th>Nội dung <span class="hint">(Mục)</span></th>' in page
    row = page[page.index(f"<code>{KEY}</code>"):]
    row = row[:row.index("</tr>")]
    assert "<td class=\"name\">03/10/2019</td>" in row
    assert '<a href="/units/cb-so-noi-vu">Chi bộ Sở Nội vụ</a>' in row
    assert '<a href="/people/tran-minh-duc">Trần Minh Đức</a>' in row
    assert ("Đề nghị Đảng ủy Khối sớm có hướng dẫn về việc kiện toàn tổ chức đảng sau khi sắp xếp bộ máy.<br>"
            '<span class="hint">Đề xuất, kiến nghị (I.4)</span>') in row
    assert '<span class="status s-chua-dat">Mới</span>' in row and '<td class="n">89</td>' in row
    assert f'<a href="/proposals/{KEY}/respond">Ghi bước xử lý</a>' in row
    assert "Tổng số: 96 đề xuất, 81 chưa trả lời hoặc chưa giải quyết." in page


def test_answered_rows_show_the_latest_step_and_no_respond_link(sample, duk):
    rows = listed(duk, sample, "-p", "2019")["proposals"]
    done = next(p for p in rows if p["status"] == "da-giai-quyet")
    page = text_of(client(sample).get("/proposals?p=2019"))
    row = page[page.index(f"<code>{done['key']}</code>"):]
    row = row[:row.index("</tr>")]
    last = done["last"]
    day = "/".join(reversed(last["date"].split("-")))
    assert f"Đã giải quyết ngày {day}" in row and "/respond" not in row


def test_the_filters_are_kept_in_the_form_and_a_bad_age_is_said_beside_it(sample):
    c = client(sample)
    page = text_of(c.get("/proposals?p=2019&open=1&older=30&unit=db-so-y-te"))
    assert 'name="open" value="1" checked' in page and 'value="30"' in page
    assert '<option value="db-so-y-te" selected>' in page
    page = text_of(c.get("/proposals?p=2019&older=ba-muoi"))
    assert '<p class="field-error" id="older-error">Đã nêu quá số ngày: cần một số nguyên không âm' in page
    assert len(keys_in(page)) == 306  # the filter left out, nothing else


@pytest.mark.parametrize("query", ["?person=nobody", "?unit=../x", "?person=Nguyen-Thi-Lan"])
def test_a_filter_naming_no_one_is_not_found(sample, query):
    assert client(sample).get("/proposals" + query).status_code == 404


def test_the_grouped_view_shows_each_group_once_with_its_units(sample, duk):
    groups = listed(duk, sample, "-p", "2019", "--group")["groups"]
    page = text_of(client(sample).get("/proposals?p=2019&group=1"))
    assert page.count(SO_TAY) == 1
    row = page[page.index(SO_TAY):]
    row = row[:row.index("</tr>")].replace("\n", "")
    assert ('<td class="n">3</td><td class="n">3</td><td><a href="/units/cb-so-cong-thuong">Chi bộ Sở Công Thương</a>; '
            '<a href="/units/cb-so-tai-nguyen-moi-truong">Chi bộ Sở Tài nguyên và Môi trường</a>; '
            '<a href="/units/cb-kho-bac-nha-nuoc">Chi bộ Kho bạc Nhà nước tỉnh</a></td>') in row
    assert "<code>pv4ajb</code>, <code>96bj2g</code>, <code>2cbni8</code>" in row
    wordings = re.findall(r'<tr><td class="n">\d+</td><td>([^<]+)</td>', page)
    assert [html.unescape(w) for w in wordings] == [g["wording"] for g in groups]
    assert "Tổng số: 306 đề xuất, 48 nội dung;" in page


def sheet_rows(data: bytes) -> list[tuple]:
    from openpyxl import load_workbook

    return [tuple(row) for row in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]


@pytest.mark.parametrize("query, args, name", [
    ("?p=2019Q3", ["-p", "2019Q3"], "de-xuat-2019-Q3.xlsx"),
    ("?p=2019&group=1&open=1", ["-p", "2019", "--group", "--open"], "de-xuat-gop-2019.xlsx"),
])
def test_the_xlsx_is_the_commands_sheet(sample, duk, tmp_path, query, args, name):
    r = client(sample).get("/proposals.xlsx" + query)
    assert r.status_code == 200 and r.data[:2] == b"PK"
    assert r.headers["Content-Disposition"] == f"attachment; filename={name}"
    out = tmp_path / name
    res = duk(["proposals", *args, "--format", "xlsx", "-o", str(out)], data=sample, today=TODAY)
    assert res.exit_code == 0, res.output
    assert sheet_rows(r.data) == sheet_rows(out.read_bytes())
    assert not list(sample.glob("*.xlsx"))


def test_the_navigation_links_the_page(sample):
    page = text_of(client(sample).get("/"))
    assert '<a href="/proposals">Đề xuất, kiến nghị</a>' in page


def test_the_person_and_unit_pages_show_their_proposals(sample, duk):
    c = client(sample)
    mine = [p for p in listed(duk, sample, "-p", "2019", "--person", "nguyen-thi-lan")["proposals"]]
    page = text_of(c.get("/people/nguyen-thi-lan?p=2019"))
    assert "<h2>Đề xuất, kiến nghị trong kỳ</h2>" in page
    section = page[page.index("<h2>Đề xuất, kiến nghị trong kỳ</h2>"):]
    assert mine and re.findall(r"<tr><td><code>([a-z0-9]{6})</code>", section) == [p["key"] for p in mine]
    theirs = listed(duk, sample, "-p", "2019", "--unit", "cb-so-noi-vu")["proposals"]
    page = text_of(c.get("/units/cb-so-noi-vu?p=2019"))
    section = page[page.index("<h2>Đề xuất, kiến nghị trong kỳ</h2>"):]
    assert re.findall(r"<tr><td><code>([a-z0-9]{6})</code>", section) == [p["key"] for p in theirs]
    assert f"<code>{KEY}</code>" in section and '<span class="status s-chua-dat">Mới</span>' in section


# --- the respond form -----------------------------------------------------------------------------

def csrf(c) -> str:
    page = c.get(f"/proposals/{KEY}/respond").get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def respond_form(c, **fields) -> dict:
    form = {"csrf": csrf(c), "status": "da-tra-loi", "by": "Ban Tổ chức Đảng ủy Khối",
            "text": "Đã gửi Hướng dẫn số 20-HD/ĐUK.", "date": "20/12/2019"}
    form.update(fields)
    return {k: v for k, v in form.items() if v is not None}


def test_the_form_shows_the_proposal_and_defaults_to_today(sample):
    page = text_of(client(sample).get(f"/proposals/{KEY}/respond"))
    assert f"<h1>Ghi bước xử lý đề xuất <code>{KEY}</code></h1>" in page
    assert f"<code>{ITEM}</code>" in page and "Chưa có bước xử lý nào." in page
    assert 'id="date" name="date" value="31/12/2019"' in page
    assert '<option value="da-chuyen">Đã chuyển</option>' in page
    assert 'name="csrf"' in page


def test_a_step_is_the_file_duk_respond_writes_and_one_commit(sample, duk, tmp_path):
    twin = tmp_path / "twin"
    shutil.copytree(sample, twin)
    c = client(sample)
    before = git(sample, "rev-parse", "HEAD").strip()
    r = c.post(f"/proposals/{KEY}/respond", data=respond_form(c))
    assert r.status_code == 303, r.get_data(as_text=True)[-800:]
    assert r.headers["Location"] == "/proposals?p=2019"
    rel = f"responses/2019/2019-12-20-{KEY}.yaml"
    res = duk(["respond", KEY, "--status", "da-tra-loi", "--by", "Ban Tổ chức Đảng ủy Khối", "--text",
               "Đã gửi Hướng dẫn số 20-HD/ĐUK.", "--date", "20/12/2019"], data=twin, today=TODAY)
    assert res.exit_code == 0, res.output
    assert (sample / rel).read_bytes() == (twin / rel).read_bytes()
    assert (sample / rel).read_text(encoding="utf-8") == (
        f"item: {ITEM}\ndate: 2019-12-20\nstatus: da-tra-loi\nby: Ban Tổ chức Đảng ủy Khối\n"
        "text: Đã gửi Hướng dẫn số 20-HD/ĐUK.\n")
    assert git(sample, "rev-list", f"{before}..HEAD").split() == [git(sample, "rev-parse", "HEAD").strip()]
    assert git(sample, "log", "-1", "--format=%s") == git(twin, "log", "-1", "--format=%s")
    assert git(sample, "log", "-1", "--format=%s") == f"Ghi bước xử lý đề xuất {KEY}: Đã trả lời ngày 20/12/2019\n"
    assert git(sample, "show", "--name-only", "--format=", "HEAD").split() == [rel]
    assert git(sample, "status", "--porcelain") == ""
    page = text_of(c.get(r.headers["Location"]))
    assert f"Đã ghi bước xử lý đề xuất {KEY}: Đã trả lời ngày 20/12/2019." in page
    assert f"<code>{rel}</code>" in page
    assert git(sample, "rev-parse", "--short=10", "HEAD").strip() in page
    row = page[page.index(f"<code>{KEY}</code>"):]
    row = row[:row.index("</tr>")]
    assert "Đã trả lời ngày 20/12/2019 (Ban Tổ chức Đảng ủy Khối)" in row and "/respond" not in row


def test_an_empty_date_is_today_and_an_empty_by_is_left_out(sample):
    c = client(sample)
    r = c.post(f"/proposals/{KEY}/respond", data=respond_form(c, status="da-chuyen", by="  ", date=""))
    assert r.status_code == 303
    assert (sample / f"responses/2019/2019-12-31-{KEY}.yaml").read_text(encoding="utf-8") == (
        f"item: {ITEM}\ndate: 2019-12-31\nstatus: da-chuyen\ntext: Đã gửi Hướng dẫn số 20-HD/ĐUK.\n")


def refused(sample, c, form, field) -> str:
    before = tree(sample)
    head = git(sample, "rev-parse", "HEAD")
    r = c.post(f"/proposals/{KEY}/respond", data=form)
    assert r.status_code == 422
    page = r.get_data(as_text=True)
    assert "Chưa ghi: hãy sửa chỗ được đánh dấu bên dưới. Không có gì được ghi" in page
    assert tree(sample) == before and git(sample, "rev-parse", "HEAD") == head
    assert git(sample, "status", "--porcelain") == ""
    return field_block(page, field)


def test_a_step_dated_before_the_proposal_is_refused_beside_the_date(sample):
    c = client(sample)
    block = refused(sample, c, respond_form(c, date="02/10/2019"), "date")
    assert ("Ngày 02/10/2019 của bước xử lý trước ngày 03/10/2019 của chuyến đi nêu đề xuất "
            "(mã kiểm tra: bad-date)") in block
    assert 'value="02/10/2019"' in block


def test_a_step_in_the_future_or_a_date_that_is_none_is_refused_beside_the_date(sample):
    c = client(sample)
    assert "(mã kiểm tra: future-date)" in refused(sample, c, respond_form(c, date="02/01/2020"), "date")
    assert "field-error" in refused(sample, c, respond_form(c, date="31/02/2019"), "date")


def test_a_missing_text_is_refused_beside_it_with_the_rest_kept(sample):
    c = client(sample)
    page_block = refused(sample, c, respond_form(c, text="   "), "text")
    assert "Cần điền" in page_block
    # the other mistakes are named at the same time
    assert "(mã kiểm tra: bad-date)" in refused(sample, c, respond_form(c, text="", date="02/10/2019"), "date")
    page = c.post(f"/proposals/{KEY}/respond", data=respond_form(c, text="")).get_data(as_text=True)
    assert 'value="Ban Tổ chức Đảng ủy Khối"' in page and '<option value="da-tra-loi" selected>' in page


def test_a_bad_or_missing_status_is_refused_beside_it(sample):
    c = client(sample)
    block = refused(sample, c, respond_form(c, status="xong"), "status")
    assert "xong" in block and "(mã kiểm tra: schema)" in block
    assert "Cần điền" in refused(sample, c, respond_form(c, status=""), "status")
    block = refused(sample, c, respond_form(c, by="Ban\nTổ chức"), "by")
    assert "(mã kiểm tra: schema)" in block


@pytest.mark.parametrize("csrf_value", [None, "", "sai"])
def test_a_step_without_the_csrf_token_is_refused(sample, csrf_value):
    c = client(sample)
    before = tree(sample)
    r = c.post(f"/proposals/{KEY}/respond", data=respond_form(c, csrf=csrf_value))
    assert r.status_code == 403 and "thiếu hoặc sai mã bảo vệ CSRF" in r.get_data(as_text=True)
    assert tree(sample) == before


def test_read_only_has_no_respond_link_nor_form_and_refuses_the_post(sample):
    c = client(sample, read_only=True)
    page = text_of(c.get("/proposals?p=2019"))
    assert "/respond" not in page and "Ghi bước xử lý" not in page and len(keys_in(page)) == 306
    assert c.get(f"/proposals/{KEY}/respond").status_code == 405
    before = tree(sample)
    r = c.post(f"/proposals/{KEY}/respond", data={"status": "da-chuyen", "text": "x"})
    assert r.status_code == 405 and "chế độ chỉ xem" in r.get_data(as_text=True)
    assert tree(sample) == before


@pytest.mark.parametrize("key", ["id94t5", "ID94T4", "id94t", "id94t4x", "id94t0", "..%2Fx", "zzzzzz"])
def test_a_key_that_names_no_proposal_is_not_found(sample, key):
    assert client(sample).get(f"/proposals/{key}/respond").status_code == 404
