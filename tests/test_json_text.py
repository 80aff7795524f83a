"""output.json_text writes exactly what json.dumps(ensure_ascii=False, indent=2) writes."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from dukcli.render.output import json_text

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(values)
def test_the_same_text_as_json_dumps(value):
    assert json_text(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_vietnamese_tuples_and_numeric_keys():
    value = {"người": ("Nguyễn Thị Lan", 1, None), 3: [{}, []], True: 1.5, "\u2028": "\ud800"}
    assert json_text(value) == json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=200, deadline=None)
@given(st.lists(values, max_size=6), st.integers(min_value=1, max_value=5))
def test_rows_written_a_few_at_a_time_are_the_same_text(rows, every):
    """print_json with an Each (rows made as they are written, flushed in pieces) writes what
    json.dumps of the whole list writes."""
    import dukcli.render.output as output

    written: list[str] = []
    saved = (output._write_utf8, output.FLUSH_EVERY)
    output._write_utf8, output.FLUSH_EVERY = written.append, every
    try:
        output.print_json({"period": "2019", "visits": output.Each(rows, lambda r: {"row": r})})
    finally:
        output._write_utf8, output.FLUSH_EVERY = saved
    whole = {"period": "2019", "visits": [{"row": r} for r in rows]}
    assert "".join(written) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert len(written) >= (2 if rows and every < 3 else 1)
