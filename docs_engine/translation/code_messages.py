"""Translate the comments in the examples' code, and only the comments.

Sphinx never extracts code for translation, and it should not: a translator
must not be able to change a line of code. But a learner reading Spanish
should read the comments in Spanish. So on example pages each Python code
block gets a hidden companion node whose messages are the block's comments
(consecutive comment lines form one message). Sphinx extracts and translates
those like any other message; once translated, the comments are put back
into the code, re-wrapped, and the companion node is removed.

Which lines are a message, and how a translation goes back into the code, is
:mod:`docs_engine.translation.comment_texts`' business, which the translated
downloads use too, so the page and the script a learner downloads read the same.
"""

from collections.abc import Callable

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from docs_engine import priorities
from docs_engine.example import build_gallery
from docs_engine.build_files import builder_name
from docs_engine.translation.comment_texts import comment_messages, translate_comments


class code_comments(nodes.Element, addnodes.translatable):
    """The comments of the code block before it, as translatable messages."""

    def preserve_original_messages(self) -> None:
        self["original"] = list(self["messages"])

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        self["translations"][original_message] = translated_message

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


def take_companions(transform: SphinxTransform, kind: type[nodes.Element]
                    ) -> list[tuple[nodes.Element, nodes.Element]]:
    """Once Sphinx has translated the page: each code block and its companion of
    ``kind``, the companion taken out of the page. None for the gettext builder,
    which extracts the companions' messages."""
    if builder_name(transform.env) == "gettext":
        return []
    taken = []
    for companion in list(transform.document.findall(kind)):
        parent = companion.parent
        taken.append((parent[parent.index(companion) - 1], companion))
        parent.remove(companion)
    return taken


class ExtractCodeComments(SphinxTransform):
    """Give each code block of an example page its comments as messages."""

    default_priority = priorities.EXTRACTS_CODE_COMMENTS

    def apply(self, **kwargs) -> None:
        if build_gallery(self.env).is_gallery_page(self.env.docname):
            add_companions(self.document, self.companion)

    @staticmethod
    def companion(code: str) -> code_comments | None:
        messages = comment_messages(code)
        return code_comments(messages=messages, translations={}) if messages else None


class ApplyCodeComments(SphinxTransform):
    """Put the translated comments into the code, and drop the companions."""

    default_priority = priorities.APPLIES_CODE_COMMENTS

    def apply(self, **kwargs) -> None:
        for block, companion in take_companions(self, code_comments):
            translations = companion["translations"]
            if translations:
                code = translate_comments(block.astext(), lambda m: translations.get(m, m))
                block.children = []
                block += nodes.Text(code)
                block.rawsource = code
