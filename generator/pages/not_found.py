"""What the 404 page says in each language; the default language's page links the others'."""

from __future__ import annotations

from generator.pages.bundle import NotFoundTexts, OtherLanguage

ERROR_PAGE = "404.html"


def not_found_texts(languages: list[str], language: str) -> NotFoundTexts:
    """What ``404.html`` says in ``language``; the default language's page links the others'."""
    from babel import Locale

    from generator.i18n import gettext_in

    default = languages[0]
    home = "" if language == default else f"{language}/"
    others = []
    if language == default:
        for other in languages[1:]:
            name = Locale.parse(other).get_display_name(other) or other
            label = f"{name[:1].upper()}{name[1:]}: {gettext_in(other, 'Page not found')}"
            others.append(OtherLanguage(other, f"{other}/{ERROR_PAGE}", label))
    return NotFoundTexts(
        title=gettext_in(language, "Page not found"),
        text=gettext_in(
            language,
            "There is no page at this address: it may have moved, or the link may be mistyped.",
        ),
        home=home,
        home_label=gettext_in(language, "Go to the home page"),
        others=tuple(others),
    )
