"""What the survey and complaint forms may contain, checked against the campaign."""

from __future__ import annotations

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from generator.i18n import N_
from generator.model.campaign import Campaign
from generator.model.translated import in_language
from generator.receiver.bodies import is_ascii_number, refuse_line_breaks
from generator.receiver.errors import ApiError

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


def _invalid(message: str, **values: object) -> ApiError:
    return ApiError(422, "invalid", message, None, **values)


def _common(
    campaign: Campaign, data: dict[str, str], allowed: set[str], multiline: set[str]
) -> str:
    """The form's language, once each field is known, short enough, and on one line if it must."""
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ApiError(
            422, "unknown_field", N_("'%(field)s' is not a field of this form"), field=unknown[0]
        )
    for name, value in data.items():
        if len(value) > MAX_FIELD:
            raise _too_long(name, MAX_FIELD)
        if name not in multiline:
            refuse_line_breaks(name, value)
    if data.get("campaign", campaign.id) != campaign.id:
        raise ApiError(422, "wrong_campaign", N_("this form belongs to another campaign"))
    lang = data.get("lang") or campaign.business.default_language
    if lang not in campaign.business.site_languages:
        raise _invalid(N_("'%(lang)s' is not a language of this site"), lang=lang)
    return lang


def _too_long(name: str, limit: int) -> ApiError:
    return ApiError(
        422,
        "too_long",
        N_("'%(field)s' is longer than %(limit)d characters"),
        field=name,
        limit=limit,
    )


def _email(value: str | None, required: bool) -> str | None:
    if not value:
        if required:
            raise ApiError(422, "missing", N_("your e-mail address is needed to answer you"))
        return None
    try:
        return validate_email(value, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise _invalid(N_("'%(value)s' is not an e-mail address"), value=value) from None


def _consent(data: dict[str, str]) -> bool:
    return data.get("consent", "").lower() in ("yes", "on", "true", "1")


def survey_answer(campaign: Campaign, data: dict[str, str]) -> SurveyAnswer:
    """Check a survey form against the campaign's questions."""
    questions = {q.id: q for q in campaign.survey.questions}
    allowed = {*questions, "campaign", "lang", HONEYPOT}
    if campaign.survey.ask_contact:
        allowed |= {"email", "consent"}
    texts = {q.id for q in campaign.survey.questions if q.kind == "text"}
    lang = _common(campaign, data, allowed, texts)
    values: dict[str, str] = {}
    nps = None
    for qid, question in questions.items():
        label = in_language(question.label, lang)
        value = data.get(qid, "").strip()
        if not value:
            if question.required:
                raise ApiError(422, "missing", N_("please answer: %(question)s"), question=label)
            continue
        if question.kind == "nps":
            if not is_ascii_number(value, 2) or not 0 <= int(value) <= 10:
                raise _invalid(N_("'%(value)s' is not a score from 0 to 10"), value=value)
            nps = int(value)
        elif question.kind == "single_choice" and value not in question.choices:
            raise _invalid(
                N_("'%(value)s' is not one of the answers to: %(question)s"),
                value=value,
                question=label,
            )
        elif len(value) > question.max_length:
            raise _too_long(qid, question.max_length)
        values[qid] = value
    email = _email(data.get("email"), required=False)
    consent = _consent(data)
    if email and not consent:
        raise ApiError(
            422, "consent", N_("please agree to be contacted, or leave the e-mail empty")
        )
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
    lang = _common(campaign, data, allowed, {"message"})
    limits = {"name": 200, "phone": 40, "order": 60, "message": 4000}
    for name, limit in limits.items():
        if len(data.get(name, "")) > limit:
            raise _too_long(name, limit)
    name, message = data.get("name", "").strip(), data.get("message", "").strip()
    if not name or not message:
        raise ApiError(422, "missing", N_("please give your name and tell us what happened"))
    email = _email(data.get("email", "").strip(), required=True)
    if not _consent(data):
        raise ApiError(422, "consent", N_("please agree that we store your message to answer you"))
    fields = {
        "name": name,
        "email": email,
        "message": message,
        "phone": data.get("phone", "").strip() or None,
        "order_ref": data.get("order", "").strip() or None,
    }
    return Complaint(lang, fields)
