"""Course rules (clinical-loop.md §5.1; domain/courses.py): for a drug whose regimen steps are
courses, the step applies by course number, the minimum interval runs from the previous
course's last day to this course's first day (the days of one course are consecutive and never
"too soon"), N must be within the step's range, each day's dose is the course total / N, and
the days of one course never add up above its total."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from orders.domain.checks.context import CheckContext, ResolvedLine
from orders.domain.courses import CourseDose, CoursePlace, day_dose
from orders.domain.errors import FieldError
from orders.domain.findings import Finding
from orders.domain.lines import LineSpec
from orders.domain.regimen import RegimenStep
from orders.domain.units import fmt

INTERVAL, DAYS = "regimen.interval", "course.days"
DOSE, TOTAL, UNSTATED = "course.dose", "course.total", "course.unstated"


def _course_lines(ctx: CheckContext) -> Iterator[tuple[ResolvedLine, CoursePlace,
                                                       RegimenStep, CourseDose]]:
    for line in ctx.lines:
        place = ctx.course_places.get(line.seq)
        if place is None or line.drug.regimen is None:
            continue
        step = line.drug.regimen.step_for(place.number)
        assert step.course is not None  # a course regimen's steps are all courses
        yield line, place, step, step.course


def expected_day_dose(ctx: CheckContext, line: ResolvedLine,
                      course: CourseDose) -> Decimal | None:
    """The stated day's dose (total x weight / N in whole dose steps), when it can be known."""
    if line.spec.course is None or ctx.patient.weight_kg is None:
        return None
    return day_dose(course.total(ctx.patient.weight_kg), line.spec.course, line.drug.dose_step)


def course_findings(ctx: CheckContext) -> Iterator[Finding]:
    for line, place, step, course in _course_lines(ctx):
        code, n, stated = line.drug.code, place.number, line.spec.course
        what = f"{code} course {n} ({fmt(course.per_kg_total)} {line.drug.dose_unit}/kg over " \
               f"{course.min_days}-{course.max_days} days)"
        if stated is None:
            yield Finding(UNSTATED, "warn", f"{what}: the order states no course (days, day); "
                          f"checked as day {place.day}", line.seq)
        elif not course.min_days <= stated.days <= course.max_days:
            yield Finding(DAYS, "block", f"{what}: ordered over {stated.days} days", line.seq)
        need, since = step.min_days_after_previous, place.days_since_previous
        if need is not None and since is not None and since < need:
            # every day of the course starts it on the same day, so all carry this finding
            yield Finding(INTERVAL, "block",
                          f"{what} starts on {place.start.isoformat()} (this is day {place.day}), "
                          f"{since} days after the previous course; the regimen needs at least "
                          f"{need} days between courses", line.seq)
        yield from _dose_findings(ctx, line, place, course, what)


def _dose_findings(ctx: CheckContext, line: ResolvedLine, place: CoursePlace,
                   course: CourseDose, what: str) -> Iterator[Finding]:
    weight, unit = ctx.patient.weight_kg, line.drug.dose_unit
    if weight is None:
        yield Finding(DOSE, "block", f"{what}: a per-kg course needs the patient's weight",
                      line.seq)
        return
    total = course.total(weight)
    expected = expected_day_dose(ctx, line, course)
    if expected is not None and abs(line.dose - expected) > line.drug.dose_step:
        yield Finding(DOSE, "block", f"{what}: day {place.day} is {fmt(expected)} {unit}; "
                      f"ordered {fmt(line.dose)} {unit}", line.seq)
    days = set(place.given_days)
    given = sum((d.dose for d in ctx.molecule_history(line.drug)
                 if ctx.local_date(d.given_at) in days), Decimal(0))
    if given + line.dose > total:
        # above a maintenance total is most often the loading course ordered again
        again = " (the loading course again?)" if place.number > 1 else ""
        yield Finding(TOTAL, "block", f"{what}: the course's days add up to "
                      f"{fmt(given + line.dose)} {unit}, above its total {fmt(total)} {unit}"
                      f"{again}", line.seq)


def course_field_errors(ctx: CheckContext, lines: Sequence[LineSpec],
                        prefix: str = "lines") -> list[FieldError]:
    """What the order must fix before it is stored (422): a stated course day whose dose is
    not the course total / N, or a per-kg course without a weight."""
    errors: list[FieldError] = []
    index = {id(spec): i for i, spec in enumerate(lines)}
    for line, place, _, course in _course_lines(ctx):
        at = f"{prefix}.{index.get(id(line.spec), line.seq - 1)}"
        if line.spec.course is None:
            continue
        if ctx.patient.weight_kg is None:
            errors.append(FieldError("patient.weight_kg", f"{line.drug.code} is dosed per kg "
                                     "over a course: record a weight before ordering"))
            continue
        expected = expected_day_dose(ctx, line, course)
        if expected is not None and abs(line.dose - expected) > line.drug.dose_step:
            unit = line.drug.dose_unit
            errors.append(FieldError(f"{at}.dose", (
                f"course {place.number} of {line.drug.code} is {fmt(course.per_kg_total)} "
                f"{unit}/kg over {line.spec.course.days} days: day {line.spec.course.day} is "
                f"{fmt(expected)} {unit}, not {fmt(line.dose)} {unit}")))
    return errors
