"""The survey: its questions, the reward for answering, and the consent it asks."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from generator.model.fields import InputModel, between, fail, require_unique
from generator.model.translated import Text

# form fields the pages add themselves; a question cannot use these names
RESERVED_FIELDS = (
    "campaign",
    "lang",
    "website",
    "email",
    "name",
    "phone",
    "consent",
    "message",
    "order",
)


class Question(InputModel):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    kind: Literal["nps", "single_choice", "text"]
    label: Text
    required: bool = True
    choices: list[Text] = []
    max_length: Annotated[int, between(1, 5000, "characters a customer may type")] = 1000

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in RESERVED_FIELDS:
            raise fail(
                "reserved", f"'{value}' is a name the form uses itself", f"try '{value}_answer'"
            )
        return value

    @model_validator(mode="after")
    def _choices(self) -> Question:
        if self.kind == "single_choice" and len(self.choices) < 2:
            raise fail(
                "choices",
                "a single_choice question needs at least 2 choices",
                "add another choice",
                field="choices",
            )
        if self.kind != "single_choice" and self.choices:
            raise fail(
                "choices",
                f"a {self.kind} question has no choices",
                "remove 'choices'",
                field="choices",
            )
        return self


class Reward(InputModel):
    """What every customer who answers the survey gets."""

    title: Text
    description: Text | None = None


class Survey(InputModel):
    title: Text
    intro: Text | None = None
    questions: Annotated[list[Question], Field(min_length=1)]
    reward: Reward
    ask_contact: bool = False
    consent: Text

    @field_validator("questions")
    @classmethod
    def _questions(cls, questions: list[Question]) -> list[Question]:
        require_unique(
            [q.id for q in questions], "question id", "id", "give each question its own id"
        )
        if sum(q.kind == "nps" for q in questions) > 1:
            raise fail(
                "nps", "has more than one nps question", "keep one 0–10 recommendation question"
            )
        return questions
