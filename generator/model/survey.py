"""The survey: its questions, the reward for answering, and the consent it asks."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

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


FOLLOW_UP_PLACEHOLDERS = ("{hours}", "{shop}")
REVIEW_KINDS = ("google_reviews", "yelp", "tripadvisor", "facebook")
"""Channels where a promoter can recommend the shop to others."""


def _placeholders(value: str) -> str:
    """Only ``{hours}`` and ``{shop}`` may stand in a follow-up text, in every language."""
    for text in (getattr(value, "translations", None) or {"": value}).values():
        for name in re.findall(r"\{[^{}]*\}", text):
            if name not in FOLLOW_UP_PLACEHOLDERS:
                raise fail(
                    "placeholder",
                    f"'{name}' is not a placeholder of this text",
                    "write {hours} for the promised response time, {shop} for the shop's name",
                )
    return value


FollowUpText = Annotated[Text, AfterValidator(_placeholders)]


class FollowUp(InputModel):
    """What the survey's thank-you page adds to the reward, by the customer's 0–10 score.

    Each text has a default in English, Spanish and Indonesian; ``{hours}`` is the promised
    response time (``complaints.response_hours``), ``{shop}`` the shop's name.
    """

    promoters: FollowUpText | None = None
    """To those who scored 9–10, above buttons to the review channels of ``channels``."""
    detractors_with_contact: FollowUpText | None = None
    """To those who scored 0–6 and left an e-mail: the shop will answer, and when."""
    detractors_without_contact: FollowUpText | None = None
    """To those who scored 0–6 without an e-mail: above a link to the complaint form."""


class Survey(InputModel):
    title: Text
    intro: Text | None = None
    questions: Annotated[list[Question], Field(min_length=1)]
    reward: Reward
    ask_contact: bool = False
    consent: Text
    follow_up: FollowUp = FollowUp()
    """The thank-you page's invitation to promoters and its answer to detractors."""

    @model_validator(mode="after")
    def _contact_asked(self) -> Survey:
        if self.follow_up.detractors_with_contact is not None and not self.ask_contact:
            raise fail(
                "follow_up",
                "the survey asks for no e-mail, so no detractor leaves one",
                "set ask_contact: true, or remove detractors_with_contact",
                field=("follow_up", "detractors_with_contact"),
            )
        return self

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
