"""The messages in an example's code, and its page's code in the page's language.

Sphinx never extracts code for translation, and it should not: a translator
must not be able to change a line of code. But a learner reading Spanish
should read the comments, the figure texts and the docstrings in Spanish. So
on example pages each Python code block gets a hidden companion node whose
messages are those texts of the block: its figure texts
(:mod:`docs_engine.translation.figure_texts`), its docstrings
(:mod:`docs_engine.translation.docstrings`) and its comments (consecutive
comment lines form one message, :mod:`docs_engine.translation.comment_texts`).
The gettext builder extracts them into the page's catalog, where translators
find them beside the prose they illustrate.

On a translated page the companions are removed once Sphinx has translated
the page, and each code block shows the same block of the example's
translated script (:func:`docs_engine.translation.downloads.translated_script`),
the one its ``.py`` and ``.ipynb`` downloads are and its figures are drawn
from: what the page shows is what the download runs, character for
character.
"""

from collections.abc import Callable

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from docs_engine import priorities
from docs_engine.adapters.sphinx_gallery import shown_code_blocks
from docs_engine.build_files import builder_name
from docs_engine.example import build_gallery
from docs_engine.translation.catalogs import is_translated
from docs_engine.translation.comment_texts import comment_messages
from docs_engine.translation.docstrings import docstring_messages
from docs_engine.translation.downloads import translated_script
from docs_engine.translation.figure_texts import figure_messages


class code_messages(nodes.Element, addnodes.translatable):
    """The texts of the code block before it, as translatable messages."""

    def preserve_original_messages(self) -> None:
        self["original"] = list(self["messages"])

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        pass  # the page shows the translated script's code instead (ShowTranslatedCode)

    def extract_original_messages(self) -> list[str]:
        return self.get("original", self["messages"])


def _is_example_code(node: nodes.Node) -> bool:
    return isinstance(node, nodes.literal_block) and node.get("language", "").lower() in {
        "python", "py", "default"}


def add_companions(document: nodes.document,
                   companion_of: Callable[[str], nodes.Element | None]) -> None:
    """Put after each Python code block the companion ``companion_of`` makes of its code."""
    for block in list(document.findall(_is_example_code)):
        companion = companion_of(block.astext())
        if companion is not None:
            companion.source, companion.line = block.source, block.line
            block.parent.insert(block.parent.index(block) + 1, companion)


def code_block_messages(code: str) -> list[str]:
    """The messages of one code block, each once: figure texts, docstrings, comments."""
    return list(dict.fromkeys([*figure_messages(code), *docstring_messages(code),
                               *comment_messages(code)]))


class ExtractCodeMessages(SphinxTransform):
    """Give each code block of an example page its texts as messages."""

    default_priority = priorities.EXTRACTS_CODE_MESSAGES

    def apply(self, **kwargs) -> None:
        if build_gallery(self.env).by_docname(self.env.docname) is not None:
            add_companions(self.document, self.companion)

    @staticmethod
    def companion(code: str) -> code_messages | None:
        messages = code_block_messages(code)
        return code_messages(messages=messages) if messages else None


def _as_shown(code: str) -> str:
    """A code block's text as a page's literal block holds it: no blank lines around."""
    return code.strip("\n").rstrip()


class ShowTranslatedCode(SphinxTransform):
    """Drop the companions; on a translated page, show the translated script's code."""

    default_priority = priorities.SHOWS_TRANSLATED_CODE

    def apply(self, **kwargs) -> None:
        if builder_name(self.env) == "gettext":
            return  # it extracts the companions' messages
        for companion in list(self.document.findall(code_messages)):
            companion.parent.remove(companion)
        example = build_gallery(self.env).by_docname(self.env.docname)
        if example is None or not is_translated(self.env) or not example.executed.exists():
            return
        gallery_conf = self.config.sphinx_gallery_conf
        translated = dict(zip(map(_as_shown, shown_code_blocks(example.executed, gallery_conf)),
                              map(_as_shown, shown_code_blocks(translated_script(self.env, example),
                                                               gallery_conf))))
        for block in self.document.findall(_is_example_code):
            code = translated.get(_as_shown(block.astext()))
            if code is not None and code != block.astext():
                block.children = []
                block += nodes.Text(code)
                block.rawsource = code
