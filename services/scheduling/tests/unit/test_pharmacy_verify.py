"""The verifier's pharmacy rule: preparations never exceed the staffed hoods."""

from scheduling.domain.daystate import Visit
from scheduling.domain.pharmacy import PharmacyDay, pharmacy_violations, prep_interval


def v(i: str, start: int, prep: int) -> Visit:
    return Visit(id=i, chair_id=f"c{i}", start=start, end=start + 60, prep_minutes=prep)


def test_prep_interval_ends_at_the_start() -> None:
    assert prep_interval(v("a", 30, 20)) == (10, 30)
    assert prep_interval(v("a", 30, 0)) is None


def test_two_preparations_on_one_hood_overlap_is_a_violation() -> None:
    one_hood = PharmacyDay(lead=60, capacity=[1] * 720)
    found = pharmacy_violations(one_hood, [v("a", 0, 30), v("b", 10, 30)])
    assert {x.minute for x in found} == set(range(-20, 0))
    assert all(x.kind == "pharmacy_capacity" and x.ids == ("a", "b") for x in found)


def test_before_the_pharmacy_opens_nothing_can_be_prepared() -> None:
    opens_at_clinic_opening = PharmacyDay(lead=0, capacity=[2] * 600)
    found = pharmacy_violations(opens_at_clinic_opening, [v("a", 15, 30)])
    assert [x.minute for x in found] == list(range(-15, 0))


def test_no_pharmacy_picture_means_unlimited() -> None:
    assert pharmacy_violations(None, [v("a", 0, 30), v("b", 0, 30)]) == []
    back_to_back = PharmacyDay(lead=60, capacity=[1] * 720)
    assert pharmacy_violations(back_to_back, [v("a", 30, 30), v("b", 60, 30)]) == []
