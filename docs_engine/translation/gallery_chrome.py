"""Translate the text sphinx-gallery writes around the examples.

sphinx-gallery writes its chrome in English into every generated page: the
"Go to the end" note, the download links (each naming its file, so every page
would carry its own copy of the same sentence), the thumbnails' titles and
tooltips (raw HTML, invisible to Sphinx's translation), and figures whose alt
text sits in a node Sphinx does not extract.

This transform runs before Sphinx applies translations, in every language:

- the chrome sentences come from the catalog of our extensions' own text
  (:mod:`docs_engine.translation.catalogs`), once for all pages; the original sentences leave the
  pages' catalogs;
- figures become ordinary images, so their alt text is a message of the
  page's catalog like any other;
- thumbnails take the title and first paragraph of the translated example
  (the raw HTML nodes around each are written anew, in sphinx-gallery's
  form), and their image the translated title as its text alternative
  (:class:`ThumbnailAlt`; sphinx-gallery leaves it empty);
- the running time of each example, which changes at every run, is left
  out of the page (sphinx-gallery prints it in the build's log);
- the "Out:" label sphinx-gallery's stylesheet puts before each output
  comes from a small stylesheet written in the build's language.
"""

import json
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from docs_engine import priorities
from docs_engine.build_files import write_if_changed
from docs_engine.translation.catalogs import EXTENSIONS_CATALOG, is_translated, translations
from docs_engine.example import build_gallery
from docs_engine.translation.example_sources import example_title, intro_and_title
from docs_engine.adapters.sphinx_gallery import (CSS, GalleryImageNode, thumbnail_frame,
                                               thumbnail_frame_html, thumbnail_image,
                                               thumbnail_links)

# The sentences that replace sphinx-gallery's: its note, each download link (by
# the class of its container; "all-" on the gallery index), and the output label.
MESSAGES = {
    "note": "Go to the end to download the full example code.",
    "python": "Download the Python script: {filename}",
    "jupyter": "Download the Jupyter notebook: {filename}",
    "zip": "Download the script and the notebook as a zip file: {filename}",
    "all-python": "Download all examples as Python scripts: {filename}",
    "all-jupyter": "Download all examples as Jupyter notebooks: {filename}",
    "output": "Out:",
}
# sphinx-gallery's stylesheet labels each output block with CSS, in English;
# this stylesheet, loaded after it, relabels them in the build's language.
OUTPUT_LABEL_CSS = "gallery-chrome.css"


class GalleryChrome(SphinxTransform):
    """Give sphinx-gallery's generated text one catalog, and translate it."""

    default_priority = priorities.TRANSLATES_GALLERY_CHROME

    def apply(self, **kwargs) -> None:
        if not build_gallery(self.env).is_gallery_page(self.env.docname):
            return
        gettext = translations(self.env, EXTENSIONS_CATALOG).gettext
        for node in list(self.document.findall(GalleryImageNode)):
            node.replace_self(
                nodes.image(uri=node["uri"], alt=node["alt"], classes=node["class"] or [])
            )
        for timing in list(self.document.findall(nodes.paragraph)):
            if CSS["timing"] in timing["classes"]:
                timing.parent.remove(timing)  # run-dependent: the console has it
        for note in self.document.findall(nodes.note):
            if CSS["note"] in note["classes"]:
                self._relabel(note, gettext(MESSAGES["note"]))
        for container in self.document.findall(nodes.container):
            for key in ("python", "jupyter", "zip"):
                if CSS["download"].format(kind=key) in container["classes"]:
                    self._relabel_download(container, key, gettext)
        for link in thumbnail_links(self.document):
            link["translatable"] = False  # the title comes from the page
            if is_translated(self.env):
                self._translate_thumbnail(link)

    @staticmethod
    def _relabel(parent: nodes.Element, label: str) -> None:
        """Give the first link in ``parent`` a new label, and drop other text."""
        paragraph = next(parent.findall(nodes.paragraph))
        link = next(
            node
            for node in paragraph.children
            if isinstance(node, (addnodes.pending_xref, addnodes.download_reference))
        )
        label_node = link.children[0]
        label_node.clear()
        label_node += nodes.Text(label)
        paragraph.clear()
        paragraph += link
        paragraph["translatable"] = False

    def _relabel_download(self, container: nodes.container, key: str, gettext) -> None:
        link = next(container.findall(addnodes.download_reference))
        if CSS["gallery footer"] in container.parent["classes"]:
            key = f"all-{key}"
        filename = Path(link["reftarget"]).name
        self._relabel(container, gettext(MESSAGES[key]).format(filename=filename))

    def _translate_thumbnail(self, link: nodes.paragraph) -> None:
        """Give a thumbnail its example's intro and title in the build's language."""
        frame, thumbnail = thumbnail_frame(link), thumbnail_image(link)
        if frame is None or thumbnail is None:
            return
        script = Path(self.env.srcdir, thumbnail[1].lstrip("/") + ".py")
        for raw, html in zip(frame, thumbnail_frame_html(*intro_and_title(self.env, script))):
            raw.replace_self(nodes.raw("", html, format="html"))


class ThumbnailAlt(SphinxPostTransform):
    """Give each thumbnail's image its example's title, translated, as alt text.

    Only when writing HTML: an alt text set before would land in the gallery
    index's catalog, as a second copy of a title its example's catalog
    already translates.
    """

    default_priority = priorities.TRANSLATES_THUMBNAIL_ALT
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for link in thumbnail_links(self.document):
            if (thumbnail := thumbnail_image(link)) is not None:
                image, page = thumbnail
                script = Path(self.env.srcdir, page.lstrip("/") + ".py")
                image["alt"] = example_title(self.env, script)


def write_output_label(app: Sphinx) -> None:
    """The label of output blocks, in the build's language, as a stylesheet.

    Written when the builder starts, before any page: each page links the
    stylesheet with a checksum of its content, which Sphinx reads then.
    """
    if app.builder.format != "html":
        return
    label = translations(app, EXTENSIONS_CATALOG).gettext(MESSAGES["output"])
    css = f".{CSS['output']}::before {{ content: {json.dumps(label)}; }}\n"
    write_if_changed(Path(app.outdir) / "_static" / OUTPUT_LABEL_CSS, css.encode("utf-8"))
