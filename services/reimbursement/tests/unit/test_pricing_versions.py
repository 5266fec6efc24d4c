"""Effective-dated pricing versions: where a new version fits (domain/pricing.admit) and which
version prices a date of service. Tables of cases and a property over random version chains."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimbursement.domain.pricing import (
    Admission,
    RateTable,
    Version,
    VersionOverlap,
    admit,
    effective,
)

NOW = datetime(2026, 3, 2, tzinfo=UTC)
D = date.fromisoformat


def v(number: int, start: str, end: str | None = None) -> Version[RateTable]:
    return Version("fee_schedule", "acme", "", number, D(start), D(end) if end else None,
                   RateTable("x", {}), "test", "admin", NOW)


CHAIN = [v(1, "2025-01-01", "2025-12-31"), v(2, "2026-01-01")]


@pytest.mark.parametrize(("existing", "start", "end", "admitted"), [
    ([], "2026-01-01", None, Admission(1)),
    (CHAIN, "2026-04-01", None, Admission(3, 2, D("2026-03-31"))),  # closes the open one
    (CHAIN, "2026-04-01", "2026-06-30", Admission(3, 2, D("2026-03-31"))),
    ([v(1, "2026-01-01", "2026-03-31")], "2026-04-01", None, Admission(2)),  # adjacent
    ([v(1, "2026-04-01")], "2025-01-01", "2026-03-31", Admission(2)),  # before, back-dated
])
def test_a_version_that_fits_is_admitted(existing, start, end, admitted):
    assert admit(existing, D(start), D(end) if end else None) == admitted


@pytest.mark.parametrize(("existing", "start", "end", "message"), [
    (CHAIN, "2026-01-01", None,
     "effective 2026-01-01 to open-ended overlaps version 2 (2026-01-01 to open-ended)"),
    (CHAIN, "2025-06-01", "2025-06-30",
     "effective 2025-06-01 to 2025-06-30 overlaps version 1 (2025-01-01 to 2025-12-31)"),
    (CHAIN, "2024-06-01", None,  # open-ended from before an existing version
     "effective 2024-06-01 to open-ended overlaps version 1 (2025-01-01 to 2025-12-31)"),
    ([v(1, "2026-04-01")], "2025-01-01", "2026-04-01",
     "effective 2025-01-01 to 2026-04-01 overlaps version 1 (2026-04-01 to open-ended)"),
])
def test_an_overlapping_version_is_refused_naming_the_version(existing, start, end, message):
    with pytest.raises(VersionOverlap) as refused:
        admit(existing, D(start), D(end) if end else None)
    assert refused.value.status == 409 and refused.value.detail == message
    assert [e.field for e in refused.value.errors or []] == ["effective_from"]


@pytest.mark.parametrize(("day", "number"), [
    ("2024-12-31", None), ("2025-01-01", 1), ("2025-12-31", 1), ("2026-01-01", 2),
    ("2031-05-05", 2)])
def test_the_version_effective_on_the_date_of_service(day, number):
    found = effective(CHAIN, D(day))
    assert (found.number if found else None) == number


starts = st.lists(st.tuples(st.integers(0, 2000), st.one_of(st.none(), st.integers(0, 400))),
                  min_size=1, max_size=12)


@given(requests=starts)
def test_admitted_versions_never_overlap_and_each_day_has_at_most_one(requests):
    """Whatever is asked for, in whatever order: what is admitted (with the open ends it
    closes) never overlaps, so every date of service has at most one version."""
    base = date(2024, 1, 1)
    versions: list[Version[RateTable]] = []
    for offset, length in requests:
        start = base + timedelta(days=offset)
        end = None if length is None else start + timedelta(days=length)
        try:
            admission = admit(versions, start, end)
        except VersionOverlap:
            continue
        if admission.closes is not None:
            versions = [Version(x.kind, x.owner, x.plan, x.number, x.effective_from,
                                admission.closed_to, x.body, x.source, x.created_by,
                                x.created_at) if x.number == admission.closes else x
                        for x in versions]
        versions.append(Version("fee_schedule", "acme", "", admission.number, start, end,
                                RateTable("x", {}), "t", "t", NOW))
    assert [x.number for x in versions] == list(range(1, len(versions) + 1))
    for day in range(0, 2500, 7):
        when = base + timedelta(days=day)
        assert sum(1 for x in versions if x.covers(when)) <= 1
    for x in versions:
        assert x.effective_to is None or x.effective_to >= x.effective_from
