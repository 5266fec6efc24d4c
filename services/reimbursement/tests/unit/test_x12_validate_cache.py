"""validate_x12 parses pyx12's maps once per process: its findings must be exactly pyx12's own
with maps parsed afresh, for valid and broken documents alike and in any order (the cached
maps must carry nothing from one document to the next)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyx12.map_if
import pyx12.params
import pyx12.x12n_document
from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.adapters.x12.validate import _collect, validate_x12

SAMPLE = (Path(__file__).parents[4] / "tools" / "clearinghouse_sandbox" / "tests" / "data"
          / "batch_837.x12").read_text()
TERMINATOR, SEPARATOR = SAMPLE[105], SAMPLE[3]
SEGMENTS = [s for s in SAMPLE.split(TERMINATOR) if s.strip()]


def fresh_findings(text: str) -> list[str]:
    """pyx12 as shipped: every map parsed again for this document."""
    errors = io.StringIO()
    ok = pyx12.x12n_document.x12n_document(
        param=pyx12.params.params(), src_file=io.StringIO(text), fd_997=io.StringIO(),
        fd_html=None, fd_json=errors)
    found = _collect(json.loads(errors.getvalue() or "{}"))
    return found if ok or found else ["pyx12 rejected the document"]


def document(segments: list[str]) -> str:
    return TERMINATOR.join(segments) + TERMINATOR


# A broken document: a body segment dropped, duplicated, or one element emptied or garbled.
edits = st.tuples(st.sampled_from(["drop", "repeat", "empty", "garble"]),
                  st.integers(3, len(SEGMENTS) - 4), st.integers(1, 6))


def edited(edit: tuple[str, int, int]) -> str:
    kind, at, element = edit
    segs = list(SEGMENTS)
    if kind == "drop":
        del segs[at]
    elif kind == "repeat":
        segs.insert(at, segs[at])
    else:
        parts = segs[at].split(SEPARATOR)
        if element < len(parts):
            parts[element] = "" if kind == "empty" else "ZZ#9"
        segs[at] = SEPARATOR.join(parts)
    return document(segs)


def test_the_sample_is_valid_and_the_loader_is_pyx12s_again_after_a_call():
    loader = pyx12.map_if.load_map_file
    assert validate_x12(SAMPLE) == [] == fresh_findings(SAMPLE)
    assert pyx12.map_if.load_map_file is loader


@settings(max_examples=15, deadline=None)
@given(st.lists(edits, min_size=1, max_size=3))
def test_cached_maps_find_what_fresh_maps_find(batch):
    texts = [edited(e) for e in batch] + [SAMPLE]
    assert [validate_x12(t) for t in texts] == [fresh_findings(t) for t in texts]
    assert validate_x12(SAMPLE) == []


def test_a_broken_document_is_still_refused_after_many_valid_ones():
    broken = edited(("drop", 4, 1))
    assert fresh_findings(broken)  # the edit is one pyx12 reports
    for _ in range(3):
        assert validate_x12(SAMPLE) == []
    assert validate_x12(broken) == fresh_findings(broken)
