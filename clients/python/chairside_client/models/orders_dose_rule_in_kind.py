from enum import StrEnum


class OrdersDoseRuleInKind(StrEnum):
    FIXED = "fixed"
    PER_KG = "per_kg"

    def __str__(self) -> str:
        return str(self.value)
