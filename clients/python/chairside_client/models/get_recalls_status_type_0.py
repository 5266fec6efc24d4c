from enum import StrEnum


class GetRecallsStatusType0(StrEnum):
    BOOKED = "booked"
    CLOSED = "closed"
    DUE = "due"
    OFFERED = "offered"
    OVERDUE = "overdue"

    def __str__(self) -> str:
        return str(self.value)
