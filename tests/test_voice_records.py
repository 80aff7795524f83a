"""The records of SPEC §7 as the store reads them: feedback and responses by year, proposals from
the index with their ids and short keys, a proposal's status after its steps."""

from __future__ import annotations

import datetime as dt

import pytest

from dukcli import model as m
from dukcli.rules import proposals as P
from dukcli.store import loader
from dukcli.store.refresh import Window

from conftest import age

VISIT = """\
    person: nguyen-thi-lan
    unit: cb-so-tai-chinh
    date: 2019-05-14
    work:
      situation: Chi bộ hoạt động ổn định.
      proposals: Đề nghị hướng dẫn mẫu nghị quyết tháng.
    meeting:
      conduct: Đúng quy trình.
      requests: Xin tài liệu học tập chuyên đề.
"""
ITEM = "2019/05/2019-05-14-lan#work.proposals"


def steps(*rows):
    return {f"responses/{d[:4]}/{d}-{i}.yaml": f"item: {item}\ndate: {d}\nstatus: {st}\ntext: Bước {i}.\n"
            for i, (item, d, st) in enumerate(rows)}


def test_item_id_and_visit_file_are_inverse():
    assert P.item_id("visits/2019/05/2019-05-14-lan.yaml", "work.proposals") == ITEM
    assert P.visit_file(ITEM) == "visits/2019/05/2019-05-14-lan.yaml"


def test_short_key_is_six_unambiguous_characters_and_stable():
    key = P.short_key(ITEM)
    assert len(key) == 6 and not set(key) & set("01lo")
    assert key == P.short_key(ITEM)
    assert P.short_key(ITEM) != P.short_key(ITEM.replace("work.proposals", "meeting.requests"))


def test_proposals_come_from_the_index_with_lines_and_texts(make_folder):
    root = make_folder({"visits/2019/05/2019-05-14-lan.yaml": VISIT})
    for cold in (True, False):  # the first run parses, the second reads the index
        ds, diags = loader.load(root, Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31)), dt.date(2019, 12, 31),
                                with_proposals=True)
        assert diags == []
        assert [(p.id, p.field, p.text, p.line, p.person, p.unit, p.date) for p in ds.proposals] == [
            (ITEM, "work.proposals", "Đề nghị hướng dẫn mẫu nghị quyết tháng.", 6, "nguyen-thi-lan",
             "cb-so-tai-chinh", dt.date(2019, 5, 14)),
            ("2019/05/2019-05-14-lan#meeting.requests", "meeting.requests", "Xin tài liệu học tập chuyên đề.", 9,
             "nguyen-thi-lan", "cb-so-tai-chinh", dt.date(2019, 5, 14))]
    other, _ = loader.load(root, Window.of(dt.date(2020, 1, 1), dt.date(2020, 12, 31)), dt.date(2020, 12, 31),
                           with_proposals=True)
    assert other.proposals == []
    plain, _ = loader.load(root, Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31)), dt.date(2019, 12, 31))
    assert plain.proposals == []  # only for the commands that ask


def test_an_edited_proposal_is_read_again(make_folder):
    root = make_folder({"visits/2019/05/2019-05-14-lan.yaml": VISIT})
    window = Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    loader.load(root, window, dt.date(2019, 12, 31), with_proposals=True)
    path = root / "visits/2019/05/2019-05-14-lan.yaml"
    path.write_text(VISIT.replace("mẫu nghị quyết tháng", "mẫu nghị quyết quý"), encoding="utf-8")
    age(path)
    ds, _ = loader.load(root, window, dt.date(2019, 12, 31), with_proposals=True)
    assert ds.proposals[0].text == "Đề nghị hướng dẫn mẫu nghị quyết quý."


def test_status_is_new_until_a_step_then_the_latest(make_folder):
    files = {"visits/2019/05/2019-05-14-lan.yaml": VISIT,
             **steps((ITEM, "2019-06-20", "da-chuyen"), (ITEM, "2020-01-05", "da-giai-quyet"))}
    root = make_folder(files)
    ds, diags = loader.checked(root, dt.date(2019, 12, 31), Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
                               with_proposals=True)
    assert [d.code for d in diags] == ["future-date"]  # the 2020 step, judged on 31/12/2019
    followed = P.follow(ds.proposals, ds.responses)
    assert [(f.proposal.field, f.status, len(f.steps)) for f in followed] == [
        ("work.proposals", "da-giai-quyet", 2), ("meeting.requests", "moi", 0)]
    first = followed[0]
    assert first.open_on(dt.date(2019, 12, 31)) and not first.open_on(dt.date(2020, 1, 5))
    assert not first.open() and followed[1].open()
    assert first.age(dt.date(2019, 6, 13)) == 30


def test_responses_are_read_from_the_first_year_on_and_feedback_by_year(make_folder):
    files = {"visits/2019/05/2019-05-14-lan.yaml": VISIT,
             **steps((ITEM, "2018-12-01", "da-chuyen"), (ITEM, "2021-01-05", "da-tra-loi")),
             "feedback/2019/a.yaml": "unit: db-so-y-te\nperson: nguyen-thi-lan\ndate: 2019-12-10\nkind: nhan-xet\n"
                                     "rating: kha\ntext: Tốt.\n",
             "feedback/2020/b.yaml": "unit: db-so-y-te\nperson: null\ndate: 2020-01-10\nkind: gop-y-phan-cong\n"
                                     "text: Đề nghị giữ nguyên phân công.\n"}
    root = make_folder(files)
    ds, _ = loader.load(root, Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31)), dt.date(2021, 12, 31))
    assert [r.date.year for r in ds.responses] == [2021]
    assert [(f.unit, f.person, f.kind, f.rating) for f in ds.feedback] == [
        ("db-so-y-te", "nguyen-thi-lan", "nhan-xet", "kha")]
    assert ds.named[ITEM].text == "Đề nghị hướng dẫn mẫu nghị quyết tháng."
    everything, _ = loader.load(root, None, dt.date(2021, 12, 31))
    assert len(everything.responses) == 2 and len(everything.feedback) == 2
    assert everything.feedback[1].person is None


def test_unknown_item_is_judged_only_where_its_month_was_loaded(make_folder):
    files = {"visits/2019/05/2019-05-14-lan.yaml": VISIT,
             **steps(("2018/05/gone#work.proposals", "2019-06-20", "da-chuyen"),
                     ("2019/05/gone#work.proposals", "2019-06-21", "da-chuyen"))}
    root = make_folder(files)
    _, diags = loader.checked(root, dt.date(2019, 12, 31), Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
    assert [(d.code, d.file) for d in diags] == [("unknown-item", "responses/2019/2019-06-21-1.yaml")]
    everything = loader.check_all(root, dt.date(2019, 12, 31))
    assert [(d.code, d.file) for d in everything] == [("unknown-item", "responses/2019/2019-06-20-0.yaml"),
                                                      ("unknown-item", "responses/2019/2019-06-21-1.yaml")]


def test_a_response_follows_its_visit_edited_outside_the_window(make_folder):
    """The answer kept for a window rests on the visit files its responses name, even outside it."""
    files = {"visits/2018/05/2018-05-14-lan.yaml": VISIT.replace("2019-05-14", "2018-05-14"),
             **steps(("2018/05/2018-05-14-lan#work.proposals", "2019-06-20", "da-tra-loi"))}
    root = make_folder(files)
    window = Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    loader.check_all(root, dt.date(2019, 12, 31))  # the 2018 visit is in the index
    _, diags = loader.checked(root, dt.date(2019, 12, 31), window)
    assert diags == []
    path = root / "visits/2018/05/2018-05-14-lan.yaml"
    path.write_text(VISIT.replace("2019-05-14", "2019-07-01"), encoding="utf-8")  # now dated after the step
    age(path)
    loader.check_all(root, dt.date(2019, 12, 31))
    _, diags = loader.checked(root, dt.date(2019, 12, 31), window)
    assert [d.code for d in diags] == ["bad-date"]


@pytest.mark.parametrize("token", [ITEM, P.short_key(ITEM), P.short_key(ITEM).upper()])
def test_resolve_by_id_or_short_key(token):
    p = m.Proposal(ITEM, "work.proposals", "x", "a", "b", dt.date(2019, 5, 14), "visits/x.yaml", 6)
    assert P.resolve(token, [p]) is p


def test_resolve_refuses_unknown_and_ambiguous():
    a = m.Proposal(ITEM, "work.proposals", "x", "a", "b", dt.date(2019, 5, 14), "visits/x.yaml", 6)
    with pytest.raises(P.NotFound):
        P.resolve("zzzzzz", [a])
    with pytest.raises(P.Ambiguous) as e:
        P.resolve(P.short_key(ITEM), [a, a])
    assert e.value.ids == [ITEM, ITEM]
