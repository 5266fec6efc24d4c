from enum import StrEnum


class ReimbursementProductInStrengthUnit(StrEnum):
    G = "g"
    IU = "iu"
    MCG = "mcg"
    MG = "mg"
    ML = "ml"

    def __str__(self) -> str:
        return str(self.value)
