from enum import StrEnum


class OrdersObservationInKind(StrEnum):
    ANTI_JCV = "anti_jcv"
    APOE = "apoe"
    HBV_SCREEN = "hbv_screen"
    MRI_BRAIN = "mri_brain"
    TB_SCREEN = "tb_screen"
    TOUCH_CHECKLIST = "touch_checklist"

    def __str__(self) -> str:
        return str(self.value)
