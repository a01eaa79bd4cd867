import pytest

from docs_engine.translation.po_checks import catalog_language, catalog_progress, formatted, markup_problems, read_catalog

SOURCE = "Use ``loss.backward()`` and :math:`\\sin(x)`, see `the docs <https://pytorch.org>`_."


def test_a_faithful_translation_has_no_problem():
    translation = "Use ``loss.backward()`` y :math:`\\sin(x)`; vea `la documentación <https://pytorch.org>`_."
    assert markup_problems(SOURCE, translation) == []


@pytest.mark.parametrize("translation,problem", [
    ("Use ``loss.backward() y :math:`\\sin(x)`.", "drops the inline code"),
    ("Use ``loss.backward()`` y :math:`\\cos(x)`, `docs <https://pytorch.org>`_.", "math"),
    (SOURCE + " <script>alert(1)</script>", "adds the HTML '<script>'"),
    (SOURCE + " <img src=x onerror=alert(1)>", "adds the HTML"),
    (SOURCE + "\n\n.. raw:: html\n\n   <b>x</b>", "adds the directive '.. raw::'"),
    (SOURCE + "\n\n.. include:: /etc/passwd", "adds the directive '.. include::'"),
    (SOURCE + "\n\n.. image:: https://evil.example/x.png", "adds the directive '.. image::'"),
    (SOURCE + " `here <https://evil.example>`_", "adds the link target 'https://evil.example'"),
    (SOURCE + " `clic <javascript:alert(1)>`_", "adds the link target 'javascript:alert(1)'"),
    (SOURCE + " [clic](javascript:alert(1))", "adds the link target"),
    (SOURCE + " https://evil.example", "adds the URL"),
    (SOURCE + "\n\n```{raw} html\n<b>x</b>\n```", "adds the directive"),
])
def test_each_kind_of_markup_change_is_reported(translation, problem):
    problems = markup_problems(SOURCE, translation)
    assert any(problem in p for p in problems), problems


def test_link_text_and_role_titles_are_translatable():
    assert markup_problems(":doc:`Intro <intro>` and [the page](page.md)",
                           ":doc:`Introducción <intro>` y [la página](page.md)") == []


def test_progress_counts_translated_fuzzy_and_untranslated(tmp_path):
    catalog = tmp_path / "page.po"
    catalog.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                       'msgid "a"\nmsgstr "A"\n\n#, fuzzy\nmsgid "b"\nmsgstr "B"\n\n'
                       'msgid "c"\nmsgstr ""\n')
    progress = catalog_progress(str(catalog))
    assert (progress.translated, progress.fuzzy, progress.untranslated) == (1, 1, 1)
    assert progress.percent == pytest.approx(100 / 3)


HEADERLESS_CATALOG = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Hello"\nmsgstr "Olá"\n'


@pytest.mark.parametrize("folder,language", [
    ("locales/pt_BR/LC_MESSAGES/examples/nn", "pt_BR"),  # not nn, the section's folder
    ("locales/es/LC_MESSAGES", "es"),
    ("locales/es", "es"),  # the translation memory, beside LC_MESSAGES
])
def test_a_catalogs_language_is_the_folder_under_locales(tmp_path, folder, language):
    path = tmp_path / folder / "page.po"
    path.parent.mkdir(parents=True)
    path.write_text(HEADERLESS_CATALOG, encoding="utf-8")
    assert catalog_language(path) == language
    assert f'"Language: {language}\\n"' in formatted(read_catalog(path)).decode("utf-8")


def test_a_catalog_outside_locales_has_no_language(tmp_path):
    assert catalog_language(tmp_path / "es" / "page.po") is None
