"""What a recorded reaction does to its order's visit: RX-7 raises the visit's acuity, the
order's history notes the reaction, and the order records ``ReactionRecorded`` (reaction.recorded,
plus reaction.severe at the hard-stop grade) for the outbox."""

from __future__ import annotations

from datetime import datetime

from orders.domain.catalog import Catalog
from orders.domain.errors import IllegalTransition
from orders.domain.events import ReactionRecorded
from orders.domain.lifecycle import Status
from orders.domain.order import Order
from orders.domain.reaction_rules import ReactionRules
from orders.domain.reactions import Reaction, visit_acuity
from orders.domain.values import Actor, HistoryEntry

# A reaction belongs to a visit: a draft was never given, a cancelled order never will be.
RECORDABLE = frozenset({Status.SIGNED, Status.SCHEDULED, Status.IN_PROGRESS,
                        Status.ADMINISTERED})


def holds_series(reaction: Reaction, rules: ReactionRules) -> bool:
    """RX-6: a series drug (DHE) with a manifestation that holds the series (chest pain, ECG
    change)."""
    return bool(set(reaction.manifestations) & rules.series_hold_codes
                and set(reaction.drug_codes) & set(rules.series_hold.drug_codes))


def apply_reaction(order: Order, reaction: Reaction, rules: ReactionRules, catalog: Catalog,
                   actor: Actor, at: datetime) -> bool:
    """Returns whether the order's acuity changed (the caller then saves the order)."""
    if order.status not in RECORDABLE:
        raise IllegalTransition(order.status, "record a reaction on")
    raised = False
    acuity = visit_acuity(reaction, rules)
    if acuity is not None and catalog.acuity_rank(acuity) > catalog.acuity_rank(
            order.acuity_class):
        order.acuity_class = acuity
        raised = True
    reaction.acuity_class = order.acuity_class if raised else None
    order.history.append(HistoryEntry(at, "reaction", actor.id, {
        "reaction_id": str(reaction.id), "grade": reaction.grade,
        "acuity_class": order.acuity_class}))
    order.updated_at = at
    order.events.append(ReactionRecorded(
        reaction_id=reaction.id, order_id=order.id, practice_id=order.practice_id,
        patient_id=order.patient_id, grade=reaction.grade, term=reaction.term,
        drug_codes=reaction.drug_codes, severe=reaction.grade >= rules.hard_stop.min_grade,
        acuity_class=reaction.acuity_class, recorded_at=at,
        holds_series=holds_series(reaction, rules)))
    return raised
