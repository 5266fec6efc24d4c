from enum import StrEnum


class OrdersCoverageOutRelationship(StrEnum):
    CHILD = "child"
    OTHER = "other"
    SELF = "self"
    SPOUSE = "spouse"

    def __str__(self) -> str:
        return str(self.value)
