from enum import StrEnum


class OrdersCoveragePatchRelationshipType0(StrEnum):
    CHILD = "child"
    OTHER = "other"
    SELF = "self"
    SPOUSE = "spouse"

    def __str__(self) -> str:
        return str(self.value)
