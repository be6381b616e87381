"""The interface's translations, read from gettext catalogs: `locales/<lang>/LC_MESSAGES/lens.mo`,
compiled by Babel from the `.po` files a translator edits (Poedit, Weblate). Every message has a
context — the key the code names it by (`no_data`, `column:title`, `value:security`) — and its
English text as msgid, so a translator sees the English beside each entry; the English catalog
may reword the English without touching code. `python -m ui.catalog_tool` extracts, updates,
compiles and checks the catalogs."""
from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

from ui.language import current

LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "lens"


@lru_cache(maxsize=8)
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language; without one, the English of the code."""
    return gettext.translation(DOMAIN, LOCALES, languages=[language], fallback=True)


def translate(context: str, english: str, language: str | None = None) -> str:
    """One message in the language (its English when the catalog lacks it)."""
    language = language or current()
    return translations(language).pgettext(context, english)


def translate_plural(context: str, one: str, other: str, n: int, language: str | None = None) -> str:
    """A message for a count, in the form the language's plural rule picks for `n`."""
    language = language or current()
    return translations(language).npgettext(context, one, other, n)
