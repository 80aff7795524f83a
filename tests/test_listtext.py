"""A one-record change to a list file changes only that record's lines (SPEC §5): comments,
order, blank lines and CRLF line endings elsewhere stay byte for byte."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest

from dukcli import listtext as lt
from dukcli import yamltext

UNITS = """\
# units.yaml: các tổ chức cơ sở đảng.
# type: chi-bo-co-so | dang-bo-co-so | chi-bo-truc-thuoc

- id: cb-so-tai-chinh
  name: Chi bộ Sở Tài chính
  type: chi-bo-co-so
  meeting-day: 5

- id: db-so-y-te
  name: "Đảng bộ Sở Y tế # số 1"
  type: dang-bo-co-so
  meeting-day: 10              # hội nghị Đảng ủy thường kỳ
  # ghi chú trong bản ghi

# Các chi bộ trực thuộc Đảng bộ Sở Y tế.
- id: cb-van-phong-so-y-te
  name: Chi bộ Văn phòng Sở Y tế
  type: chi-bo-truc-thuoc
  parent: db-so-y-te
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(True), after.splitlines(True))
            if line[:2] in ("- ", "+ ")]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_setting_a_value_rewrites_that_line_only(newline):
    text = UNITS.replace("\n", newline)
    after = lt.set_values(text, 1, {"meeting-day": 12})
    assert changed_lines(text, after) == [
        f"-   meeting-day: 10              # hội nghị Đảng ủy thường kỳ{newline}",
        f"+   meeting-day: 12              # hội nghị Đảng ủy thường kỳ{newline}"]
    assert yamltext.load(after.replace("\r\n", "\n"))[1]["meeting-day"] == 12


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_new_key_goes_after_the_record_and_nowhere_else(newline):
    text = UNITS.replace("\n", newline)
    after = lt.set_values(text, 1, {"to": dt.date(2025, 6, 30)})
    assert changed_lines(text, after) == [f"+   to: 2025-06-30{newline}"]
    lines = after.splitlines()
    assert lines.index("  to: 2025-06-30") == lines.index("  # ghi chú trong bản ghi") + 1
    assert all(line.endswith(newline) for line in after.splitlines(True))


def test_a_quoted_value_with_a_hash_is_replaced_whole():
    after = lt.set_values(UNITS, 1, {"name": "Đảng bộ Sở Y tế"})
    assert changed_lines(UNITS, after) == ['-   name: "Đảng bộ Sở Y tế # số 1"\n', "+   name: Đảng bộ Sở Y tế\n"]


def test_removing_a_key_and_a_block_list_becoming_one_line():
    text = "- person: lan\n  role: theo-doi\n  units:\n    - a\n    - b\n  from: 2019-01-01\n"
    after = lt.set_values(text, 0, {"units": ["a"], "from": None})
    assert after == "- person: lan\n  role: theo-doi\n  units: [a]\n"


def test_appending_keeps_the_file_and_adds_one_record():
    after = lt.append(UNITS, {"id": "cb-moi", "name": 'Chi bộ "Mới": Sở X', "type": "chi-bo-co-so",
                              "meeting-day": 3, "parent": None})
    assert after.startswith(UNITS)
    assert changed_lines(UNITS, after)[1:] == ["+ - id: cb-moi\n", "+   name: 'Chi bộ \"Mới\": Sở X'\n",
                                               "+   type: chi-bo-co-so\n", "+   meeting-day: 3\n"]
    assert yamltext.load(after)[-1]["name"] == 'Chi bộ "Mới": Sở X'
    assert lt.append("[]\n", {"id": "x", "name": "X"}) == "- id: x\n  name: X\n"
    assert lt.append("", {"id": "x"}) == "- id: x\n"


def test_spans_leave_comments_between_records_to_the_next_one():
    assert lt.spans(UNITS) == [(3, 6), (8, 12), (15, 18)]


def test_a_list_in_flow_style_is_refused_not_rewritten():
    with pytest.raises(lt.ListShapeError):
        lt.spans("[{id: a, name: A}]\n")
    with pytest.raises(lt.ListShapeError):
        lt.spans("id: a\n")
