"""The interface's words come from gettext catalogs (issue 24): every message the code holds has
a translation in each catalog (English and French), keeps its `{placeholders}`, and the compiled
`.mo` files are those of the `.po` files; a new message or a new language shows up as work to
do, not as an English word on a French page."""
from __future__ import annotations

import shutil

from ui import catalog, catalog_tool, labels
from ui.i18n import column_label, status_label, t, tn, value_label


def test_every_message_is_translated_in_every_catalog():
    assert catalog_tool.languages() == ["en", "fr"]
    assert catalog_tool.check() == []


def test_a_message_added_in_code_without_its_translation_is_reported(monkeypatch):
    monkeypatch.setitem(labels.LABELS, "brand_new", "A sentence nobody translated")
    problems = catalog_tool.check()
    assert "en: not in the catalog: brand_new — run `python -m ui.catalog_tool update`" in problems
    assert "fr: not in the catalog: brand_new — run `python -m ui.catalog_tool update`" in problems


def test_a_new_message_is_added_untranslated_to_every_catalog_but_english(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_tool, "LOCALES", _copy_of_locales(tmp_path))
    monkeypatch.setitem(labels.LABELS, "brand_new", "A sentence nobody translated")
    catalog_tool.update([])
    assert catalog_tool.read_catalog("en").get("A sentence nobody translated", context="brand_new").string == \
        "A sentence nobody translated"
    assert catalog_tool.read_catalog("fr").get("A sentence nobody translated", context="brand_new").string == ""
    assert catalog_tool.check() == ["fr: brand_new: no translation"]


def test_a_translation_that_drops_a_placeholder_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_tool, "LOCALES", _copy_of_locales(tmp_path))
    french = catalog_tool.read_catalog("fr")
    message = next(m for m in french if m.context == "why_flags")
    message.string = ("alerte", "alertes", "alertes")  # `{n}` lost
    catalog_tool._write(catalog_tool.po_path("fr"), french)
    problems = catalog_tool.check()
    assert "fr: why_flags: placeholders differ from the English" in problems
    assert "fr: lens.mo is not compiled from lens.po — run update" in problems


def test_a_new_language_starts_as_a_catalog_of_untranslated_messages(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_tool, "LOCALES", _copy_of_locales(tmp_path))
    catalog_tool.update(["es"])
    spanish = catalog_tool.read_catalog("es")
    assert len([m for m in spanish if m.id]) == len(catalog_tool.code_messages())
    assert any(p.startswith("es: no_data: no translation") for p in catalog_tool.check())
    assert not any(p.startswith(("en:", "fr:")) for p in catalog_tool.check())


def test_pages_read_their_words_through_the_catalogs():
    assert catalog.translations("fr").pgettext("overview", "Overview") == "Vue d'ensemble"
    assert t("overview", "fr") == "Vue d'ensemble" and t("overview", "en") == "Overview"
    assert column_label("title", "fr") == "Projet" and value_label("security", "fr") == "sécurité"
    assert status_label("on track", "fr") == "en bonne voie" and status_label("on track", "en") == "on track"


def test_plurals_follow_each_catalogs_rule():
    """English: one for 1 only; French: one for 0 and 1 (CLDR, the catalog's Plural-Forms)."""
    assert [tn("why_flags", n, "en") for n in (0, 1, 2)] == ["0 data-quality flags", "1 data-quality flag",
                                                             "2 data-quality flags"]
    assert [tn("why_flags", n, "fr") for n in (0, 1, 2)] == ["0 alerte qualité", "1 alerte qualité", "2 alertes qualité"]


def _copy_of_locales(tmp_path):
    copy = tmp_path / "locales"
    shutil.copytree(catalog.LOCALES, copy)
    return copy
