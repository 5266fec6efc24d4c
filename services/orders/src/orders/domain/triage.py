"""What a same-day order says about its urgency: the clinician's triage category and how long
the attack has lasted. Orders validates and sends them (``order.signed``); what they weigh in
the same-day queue is scheduling's rule (scheduling seed/triage.json)."""

from __future__ import annotations

from typing import Literal, get_args

from orders.domain.errors import FieldError

# status_migrainosus: a debilitating attack > 72 h (ICHD-3 1.4.1); refractory_to_home_rescue:
# the home rescue plan failed for this attack; prolonged_attack: a day or more, not yet 72 h
TriageCategory = Literal["status_migrainosus", "refractory_to_home_rescue", "prolonged_attack",
                         "routine"]
TRIAGE_CATEGORIES: tuple[str, ...] = get_args(TriageCategory)
MAX_HEADACHE_HOURS = 90 * 24  # longer is not an attack's length but a typing error


def triage_errors(urgency: str, category: str | None, headache_hours: int | None
                  ) -> list[FieldError]:
    """Triage belongs to same-day requests only; the values must be known ones."""
    errors: list[FieldError] = []
    if category is not None and category not in TRIAGE_CATEGORIES:
        errors.append(FieldError("triage_category", f"one of {', '.join(TRIAGE_CATEGORIES)}"))
    if headache_hours is not None and not 0 <= headache_hours <= MAX_HEADACHE_HOURS:
        errors.append(FieldError("headache_hours", f"whole hours, 0 to {MAX_HEADACHE_HOURS}"))
    if urgency != "same_day" and (category is not None or headache_hours is not None):
        errors.append(FieldError(
            "triage_category" if category is not None else "headache_hours",
            "triage is for same-day requests: set urgency to same_day or leave triage out"))
    return errors
