"""Depth-bounded JSON parsing (chairside_shared.inputs.parse_json, used by every service's
InputGuard and by the gateway): the nesting depth is measured on the text without recursion,
brackets in strings do not count, and a document past the limit never reaches json.loads."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chairside_shared import inputs

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab\u00e9\u20ac'),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.text(alphabet='[]{}"\\xy', max_size=3), inner, max_size=3),
    max_leaves=25,
)


def nesting(value) -> int:
    if isinstance(value, list):
        return 1 + max((nesting(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((nesting(v) for v in value.values()), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(value=JSON_VALUES, ascii_only=st.booleans())
def test_depth_is_the_documents_nesting_whatever_its_strings_hold(value, ascii_only):
    assert inputs.json_text_depth(json.dumps(value, ensure_ascii=ascii_only)) == nesting(value)


@pytest.mark.parametrize("text,expected", [
    ('{"a": "[[[[", "b": [1, {"c": "}}}"}]}', 3),
    ('["\\"[[[", "\\\\", [[]]]', 3),
    ('"[[[', 0),  # an unterminated string hides nothing after it from a parser either
    ("]]][[[[", 1),  # a parser stops at the stray closer: never less than it reaches
    ("[]][[", 1),
    ("", 0),
])
def test_depth_of_tricky_texts(text, expected):
    assert inputs.json_text_depth(text) == expected


@pytest.mark.parametrize("body", [
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 50_000 + "1" + "}" * 50_000,
    '{"mrn": "x", "allergies": ' + "[" * 3000 + "]" * 3000 + "}",
    "[" * 100_000,  # not even closed
])
def test_bodies_that_crash_json_loads_are_refused_before_it(body):
    with pytest.raises(RecursionError):
        json.loads(body)  # what parsing first used to meet
    with pytest.raises(inputs.TooDeep) as exc:
        inputs.parse_json(body.encode())
    assert isinstance(exc.value, ValueError) and "32 levels" in str(exc.value)


def test_the_limit_itself_is_allowed_and_one_more_is_not():
    at_limit = "[" * 32 + "]" * 32
    assert inputs.parse_json(at_limit, max_depth=32) is not None
    with pytest.raises(inputs.TooDeep):
        inputs.parse_json("[" + at_limit + "]", max_depth=32)


def test_bytes_are_decoded_as_json_loads_would_and_bad_text_is_a_value_error():
    doc = {"name": "Zo\u00eb", "n": [1, 2]}
    for encoding in ("utf-8", "utf-16", "utf-32"):
        assert inputs.parse_json(json.dumps(doc).encode(encoding), max_depth=4) == doc
    for bad in (b"\xff\xfe\xfd{", b"{nope", b"[1,"):
        with pytest.raises(ValueError):
            inputs.parse_json(bad, max_depth=4)
