from enum import StrEnum


class OrdersOrderUpdateTriageCategoryType0(StrEnum):
    PROLONGED_ATTACK = "prolonged_attack"
    REFRACTORY_TO_HOME_RESCUE = "refractory_to_home_rescue"
    ROUTINE = "routine"
    STATUS_MIGRAINOSUS = "status_migrainosus"

    def __str__(self) -> str:
        return str(self.value)
