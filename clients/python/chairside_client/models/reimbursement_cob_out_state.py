from enum import StrEnum


class ReimbursementCobOutState(StrEnum):
    AWAITING_CROSSOVER = "awaiting_crossover"
    CROSSOVER_RECEIVED = "crossover_received"
    LAST_PAYER = "last_payer"
    RELEASED = "released"
    SECONDARY_BUILT = "secondary_built"
    SECONDARY_REFUSED = "secondary_refused"

    def __str__(self) -> str:
        return str(self.value)
