"""The survey: question ids and kinds, choices, one NPS question, follow-up placeholders."""

from __future__ import annotations

from typing import Any

import pytest

from generator.model.survey import RESERVED_FIELDS, FollowUp, Question, Survey
from generator.model.translated import Translatable
from tests.model.test_fields import hint_of, only_error

NPS = {"id": "recommend", "kind": "nps", "label": "Would you recommend us?"}
CHOICE = {"id": "best", "kind": "single_choice", "label": "Best?", "choices": ["Coffee", "Cake"]}
TWO_LANGUAGES = {"default_language": "en", "languages": ("en", "es")}


def survey(**changes: Any) -> dict[str, Any]:
    return {
        "title": "Tell us",
        "questions": [NPS, CHOICE],
        "reward": {"title": "5 % off"},
        "consent": "We keep your answers private.",
        **changes,
    }


def test_a_question_with_defaults() -> None:
    question = Question.model_validate({"id": "why", "kind": "text", "label": "Why?"})
    assert (question.required, question.choices, question.max_length) == (True, [], 1000)


@pytest.mark.parametrize("name", ["Why", "1st", "why-not", "_why"])
def test_a_question_id_is_a_lowercase_name(name: str) -> None:
    assert only_error(Question, {**NPS, "id": name})["type"] == "string_pattern_mismatch"


@pytest.mark.parametrize("name", RESERVED_FIELDS)
def test_a_question_cannot_take_a_name_the_form_uses(name: str) -> None:
    error = only_error(Question, {**NPS, "id": name})
    assert (error["msg"], hint_of(error)) == (
        f"'{name}' is a name the form uses itself",
        f"try '{name}_answer'",
    )


def test_only_a_single_choice_question_has_choices_and_at_least_two() -> None:
    error = only_error(Question, {**CHOICE, "choices": ["Coffee"]})
    assert error["msg"] == "a single_choice question needs at least 2 choices"
    error = only_error(Question, {**NPS, "choices": ["Yes", "No"]})
    assert (error["msg"], error["ctx"]["field"]) == ("a nps question has no choices", "choices")


def test_a_survey_needs_unique_questions_and_one_nps_at_most() -> None:
    assert len(Survey.model_validate(survey()).questions) == 2
    assert only_error(Survey, survey(questions=[]))["loc"] == ("questions",)
    twice = only_error(Survey, survey(questions=[CHOICE, {**CHOICE, "label": "Again?"}]))
    assert twice["msg"] == "question id 'best' is used twice"
    two_nps = only_error(Survey, survey(questions=[NPS, {**NPS, "id": "again"}]))
    assert two_nps["msg"] == "has more than one nps question"


def test_an_answer_to_detractors_with_contact_needs_the_contact_asked() -> None:
    follow_up = {"detractors_with_contact": "We will write within {hours} hours."}
    error = only_error(Survey, survey(follow_up=follow_up))
    assert error["msg"] == "the survey asks for no e-mail, so no detractor leaves one"
    assert error["ctx"]["field"] == ("follow_up", "detractors_with_contact")
    asked = Survey.model_validate(survey(follow_up=follow_up, ask_contact=True))
    assert asked.follow_up.detractors_with_contact == "We will write within {hours} hours."


def test_follow_up_texts_know_two_placeholders_in_every_language() -> None:
    text = "Thanks from {shop}! Review us?"
    assert FollowUp.model_validate({"promoters": text}).promoters == text
    error = only_error(FollowUp, {"promoters": "Hi {name}!"})
    assert (error["loc"], error["msg"]) == (
        ("promoters",),
        "'{name}' is not a placeholder of this text",
    )
    translated = {"promoters": {"en": "Thanks from {shop}", "es": "Gracias, {nombre}"}}
    error = only_error(FollowUp, translated, context=TWO_LANGUAGES)
    assert error["msg"] == "'{nombre}' is not a placeholder of this text"
    good = {"promoters": {"en": "Thanks from {shop}", "es": "Gracias de {shop}"}}
    promoters = FollowUp.model_validate(good, context=TWO_LANGUAGES).promoters
    assert isinstance(promoters, Translatable)
    assert promoters.in_language("es") == "Gracias de {shop}"
