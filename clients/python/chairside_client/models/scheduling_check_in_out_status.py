from enum import StrEnum


class SchedulingCheckInOutStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    HELD = "held"
    IN_CHAIR = "in_chair"
    NO_SHOW = "no_show"
    QUEUED = "queued"

    def __str__(self) -> str:
        return str(self.value)
