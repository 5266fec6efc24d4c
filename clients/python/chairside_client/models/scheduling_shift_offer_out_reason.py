from enum import StrEnum


class SchedulingShiftOfferOutReason(StrEnum):
    VISIT_CANCELLED = "visit_cancelled"
    VISIT_MOVED = "visit_moved"

    def __str__(self) -> str:
        return str(self.value)
