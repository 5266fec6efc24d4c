"""The DTR question as the case keeps it, and the shape of one criterion check."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

QuestionType = Literal["boolean", "integer", "choice", "string"]
AnswerValue = bool | int | str | list[str]

# (criterion key, met? (None: unknown), what it asks)
Check = tuple[str, bool | None, str]


class Question(BaseModel):
    model_config = ConfigDict(frozen=True)

    link_id: str
    hcpcs: str
    key: str
    text: str
    type: QuestionType
    required: bool = True
    repeats: bool = False
    options: tuple[str, ...] = ()
    min_value: int | None = None
    max_value: int | None = None
    prefill: AnswerValue | None = None


def question(hcpcs: str, key: str, text: str, type_: QuestionType, **kw: Any) -> Question:
    """Link ids are ``<HCPCS>.<key>`` so two drugs never collide."""
    return Question(link_id=f"{hcpcs}.{key}", hcpcs=hcpcs, key=key, text=text, type=type_, **kw)
