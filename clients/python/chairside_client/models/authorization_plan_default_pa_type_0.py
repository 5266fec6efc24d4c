from enum import StrEnum


class AuthorizationPlanDefaultPaType0(StrEnum):
    AUTH_NEEDED = "auth-needed"
    CONDITIONAL = "conditional"
    NO_AUTH = "no-auth"

    def __str__(self) -> str:
        return str(self.value)
