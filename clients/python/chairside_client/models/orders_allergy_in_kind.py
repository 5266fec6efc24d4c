from enum import StrEnum


class OrdersAllergyInKind(StrEnum):
    CLASS = "class"
    DRUG = "drug"

    def __str__(self) -> str:
        return str(self.value)
