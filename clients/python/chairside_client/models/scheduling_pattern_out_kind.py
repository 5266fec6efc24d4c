from enum import StrEnum


class SchedulingPatternOutKind(StrEnum):
    CONSECUTIVE_DAYS = "consecutive_days"
    DAY_OFFSETS = "day_offsets"

    def __str__(self) -> str:
        return str(self.value)
