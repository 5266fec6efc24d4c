from enum import StrEnum


class SchedulingRecallOutStatus(StrEnum):
    BOOKED = "booked"
    CLOSED = "closed"
    DUE = "due"
    OFFERED = "offered"
    OVERDUE = "overdue"

    def __str__(self) -> str:
        return str(self.value)
