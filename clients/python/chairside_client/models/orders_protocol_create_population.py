from enum import StrEnum


class OrdersProtocolCreatePopulation(StrEnum):
    ADULT = "adult"
    ANY = "any"
    PEDIATRIC = "pediatric"

    def __str__(self) -> str:
        return str(self.value)
