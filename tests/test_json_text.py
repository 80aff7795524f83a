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
