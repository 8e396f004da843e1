"""What the survey and complaint forms may contain, checked against the campaign."""

from __future__ import annotations

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from generator.model.campaign import Campaign
from generator.receiver.errors import ApiError

LANGUAGES = ("en", "es", "id")
HONEYPOT = "website"
MAX_FIELD = 5000


@dataclass(frozen=True)
class SurveyAnswer:
    lang: str
    nps: int | None
    values: dict[str, str]
    email: str | None
    consent: bool


@dataclass(frozen=True)
class Complaint:
    lang: str
    fields: dict[str, str | None]


def _invalid(message: str) -> ApiError:
    return ApiError(422, "invalid", message)


def _common(campaign: Campaign, data: dict[str, str], allowed: set[str]) -> str:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ApiError(422, "unknown_field", f"'{unknown[0]}' is not a field of this form")
    for name, value in data.items():
        if len(value) > MAX_FIELD:
            raise ApiError(422, "too_long", f"'{name}' is longer than {MAX_FIELD} characters")
    if data.get("campaign", campaign.id) != campaign.id:
        raise ApiError(422, "wrong_campaign", "this form belongs to another campaign")
    lang = data.get("lang") or campaign.business.default_language
    if lang not in LANGUAGES:
        raise _invalid(f"'{lang}' is not a language of this site")
    return lang


def _email(value: str | None, required: bool) -> str | None:
    if not value:
        if required:
            raise ApiError(422, "missing", "your e-mail address is needed to answer you")
        return None
    try:
        return validate_email(value, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise _invalid(f"'{value}' is not an e-mail address") from None


def _consent(data: dict[str, str]) -> bool:
    return data.get("consent", "").lower() in ("yes", "on", "true", "1")


def survey_answer(campaign: Campaign, data: dict[str, str]) -> SurveyAnswer:
    """Check a survey form against the campaign's questions."""
    questions = {q.id: q for q in campaign.survey.questions}
    allowed = {*questions, "campaign", "lang", HONEYPOT}
    if campaign.survey.ask_contact:
        allowed |= {"email", "consent"}
    lang = _common(campaign, data, allowed)
    values: dict[str, str] = {}
    nps = None
    for qid, question in questions.items():
        value = data.get(qid, "").strip()
        if not value:
            if question.required:
                raise ApiError(422, "missing", f"please answer: {question.label}")
            continue
        if question.kind == "nps":
            if not value.isdigit() or not 0 <= int(value) <= 10:
                raise _invalid(f"'{value}' is not a score from 0 to 10")
            nps = int(value)
        elif question.kind == "single_choice" and value not in question.choices:
            raise _invalid(f"'{value}' is not one of the choices of '{qid}'")
        elif len(value) > question.max_length:
            raise ApiError(
                422, "too_long", f"'{qid}' is longer than {question.max_length} characters"
            )
        values[qid] = value
    email = _email(data.get("email"), required=False)
    consent = _consent(data)
    if email and not consent:
        raise ApiError(422, "consent", "please agree to be contacted, or leave the e-mail empty")
    return SurveyAnswer(lang, nps, values, email, consent)


def complaint(campaign: Campaign, data: dict[str, str]) -> Complaint:
    """Check a complaint form: name, e-mail and message, with consent."""
    allowed = {
        "campaign",
        "lang",
        "name",
        "email",
        "phone",
        "order",
        "message",
        "consent",
        HONEYPOT,
    }
    lang = _common(campaign, data, allowed)
    limits = {"name": 200, "phone": 40, "order": 60, "message": 4000}
    for name, limit in limits.items():
        if len(data.get(name, "")) > limit:
            raise ApiError(422, "too_long", f"'{name}' is longer than {limit} characters")
    name, message = data.get("name", "").strip(), data.get("message", "").strip()
    if not name or not message:
        raise ApiError(422, "missing", "please give your name and tell us what happened")
    email = _email(data.get("email", "").strip(), required=True)
    if not _consent(data):
        raise ApiError(422, "consent", "please agree that we store your message to answer you")
    fields = {
        "name": name,
        "email": email,
        "message": message,
        "phone": data.get("phone", "").strip() or None,
        "order_ref": data.get("order", "").strip() or None,
    }
    return Complaint(lang, fields)
