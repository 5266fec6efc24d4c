from enum import StrEnum


class AuthorizationProductPreferenceMode(StrEnum):
    NOT_COVERED = "not-covered"
    STEP = "step"

    def __str__(self) -> str:
        return str(self.value)
