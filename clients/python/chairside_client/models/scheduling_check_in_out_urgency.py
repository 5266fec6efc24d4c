from enum import StrEnum


class SchedulingCheckInOutUrgency(StrEnum):
    PLANNED = "planned"
    SAME_DAY = "same_day"

    def __str__(self) -> str:
        return str(self.value)
