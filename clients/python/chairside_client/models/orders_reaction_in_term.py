from enum import StrEnum


class OrdersReactionInTerm(StrEnum):
    ANAPHYLAXIS = "anaphylaxis"
    INFUSION_RELATED_REACTION = "infusion_related_reaction"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
