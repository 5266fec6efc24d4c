from enum import StrEnum


class AuthorizationRequirementType(StrEnum):
    BOOLEAN = "boolean"
    CHOICE = "choice"
    INTEGER = "integer"

    def __str__(self) -> str:
        return str(self.value)
