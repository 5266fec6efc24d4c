from enum import StrEnum


class AuthorizationEligibilityCheckOutStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    ERROR = "error"
    INACTIVE = "inactive"
    PENDING = "pending"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
