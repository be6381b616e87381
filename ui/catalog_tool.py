"""Keeps the gettext catalogs in step with the code, with Babel's catalog tools:

    python -m ui.catalog_tool update   # locales/lens.pot from the code's messages; each .po updated, .mo compiled
    python -m ui.catalog_tool check    # what a translator still has to do (exit 1 if anything)

The messages are the English texts the code holds (`ui/labels.py` LABELS, the column, value,
status and missing-field names of `ui/i18n.py`, the definitions of `ui/definitions.py`), each
under its key as context; a `.one` key is the singular of the key's plural message. Adding a
language: `mkdir -p locales/es/LC_MESSAGES`, `python -m ui.catalog_tool update es`, translate
`locales/es/LC_MESSAGES/lens.po`, run `update` again to compile, and add "es" to `ui.i18n.LANGUAGES`."""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from ui.catalog import DOMAIN, LOCALES

PROJECT = "PBF Portfolio Lens"
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def code_messages() -> list[tuple[str, str | tuple[str, str]]]:
    """(context, English) for every message the code holds; a plural's English is (one, other)."""
    from ui.definitions import DEFINITIONS
    from ui.i18n import COLUMN_LABELS, MISSING_FIELDS, STATUS_LABELS, VALUE_LABELS
    from ui.labels import LABELS

    messages: list[tuple[str, str | tuple[str, str]]] = []
    for key, english in LABELS.items():
        if key.endswith(".one"):
            continue
        one = LABELS.get(f"{key}.one")
        messages.append((key, (one, english) if one else english))
    messages += [(f"column:{name}", english) for name, english in COLUMN_LABELS.items()]
    messages += [(f"value:{value}", english) for value, english in VALUE_LABELS.items()]
    messages += [(f"status:{status}", status) for status in STATUS_LABELS]
    messages += [(f"missing:{name}", english) for name, english in MISSING_FIELDS.items()]
    messages += [(f"definition:{key}", english) for key, english in DEFINITIONS.items()]
    return messages


def template() -> Catalog:
    """The catalog template (.pot): every code message, untranslated."""
    catalog = Catalog(project=PROJECT, domain=DOMAIN, fuzzy=False, copyright_holder=f"{PROJECT} contributors")
    for context, english in code_messages():
        flags = ("python-format",) if _PLACEHOLDER.search(english if isinstance(english, str) else english[1]) else ()
        catalog.add(english, context=context, flags=flags)
    return catalog


def po_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(path.name for path in LOCALES.iterdir() if (path / "LC_MESSAGES").is_dir())


def read_catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def update(new_languages: list[str]) -> None:
    """The template written; each catalog updated from it (new messages added untranslated,
    changed ones marked fuzzy by Babel, gone ones dropped); English filled in as itself; all compiled."""
    pot = template()
    LOCALES.mkdir(exist_ok=True)
    _write(LOCALES / f"{DOMAIN}.pot", pot)
    for language in sorted(set(languages()) | set(new_languages)):
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = read_catalog(language) if path.exists() else Catalog(locale=language, domain=DOMAIN, project=PROJECT)
        catalog.update(template(), no_fuzzy_matching=True)  # a fresh template: Babel shares its messages
        catalog.obsolete.clear()
        if language == "en":
            for message in catalog:
                if message.id and not _translated(message):
                    message.string = message.id
        _write(path, catalog)
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        path.with_suffix(".mo").write_bytes(compiled.getvalue())


def check() -> list[str]:
    """What is not done: a message without a translation (or fuzzy), a translation whose
    `{placeholders}` differ from the English, a catalog out of step with the code, a stale .mo."""
    problems = []
    wanted = {(context, english if isinstance(english, str) else english[0]) for context, english in code_messages()}
    for language in languages():
        catalog = read_catalog(language)
        have = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}
        problems += [f"{language}: not in the catalog: {c} — run `python -m ui.catalog_tool update`" for c, _ in wanted - have]
        problems += [f"{language}: no longer in the code: {c}" for c, _ in have - wanted]
        for message in catalog:
            if not message.id:
                continue
            if not _translated(message) or message.fuzzy:
                problems.append(f"{language}: {message.context}: no translation" + (" (fuzzy)" if message.fuzzy else ""))
                continue
            english = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if {p for s in strings for p in _PLACEHOLDER.findall(s)} != {p for e in english for p in _PLACEHOLDER.findall(e)}:
                problems.append(f"{language}: {message.context}: placeholders differ from the English")
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        mo = po_path(language).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled.getvalue():
            problems.append(f"{language}: {mo.name} is not compiled from {po_path(language).name} — run update")
    return problems


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def _write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False)
    path.write_bytes(buffer.getvalue())


def main(argv: list[str]) -> int:
    command, *rest = argv or ["check"]
    if command == "update":
        update(rest)
    problems = check()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
