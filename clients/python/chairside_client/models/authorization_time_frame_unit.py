from enum import StrEnum


class AuthorizationTimeFrameUnit(StrEnum):
    BUSINESS_DAYS = "business_days"
    CALENDAR_DAYS = "calendar_days"
    HOURS = "hours"

    def __str__(self) -> str:
        return str(self.value)
