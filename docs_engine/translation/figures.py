"""Show each example figure in the page's language, drawn again, never run again.

The gallery step executes every example once and keeps each figure it draws
(:mod:`docs_engine.execution.figure_record`). On a page in another language this
transform looks up the figure's texts (titles, axis labels, legend entries,
annotations: :mod:`docs_engine.translation.figure_texts`) in the page's compiled catalog
and, if any is translated, draws the recorded figure again with the
translations, at the size and resolution of the English image, and shows
that image instead; the thumbnails on the gallery indexes are scaled from
the translated figures, as sphinx-gallery scales the English ones. The
English build draws nothing again, and nothing here is specific to one
language.

A drawn image is named after what it shows (the English image and the
translations it uses), in ``<doctree folder>/figures/``, and drawn only if
that file does not exist yet: after a message is edited, only the figures
that use it are drawn again. The PNG's text chunk ``Figure texts`` lists,
as JSON, the figure texts it shows.

A translation matplotlib cannot draw (math it cannot parse, a ``$`` more or
less than the English, a character its fonts lack) is reported as a warning
naming the catalog, line and message, which fails a strict build, and the
figure shows the English text in its place.

:func:`figure_in_language` is the image of a figure in the build's language,
for any code that needs it.
"""

import hashlib
import json
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import polib
from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from docs_engine import priorities
from docs_engine.adapters import gallery_files
from docs_engine.adapters import sphinx_gallery as sg
from docs_engine.translation.catalogs import Build, is_translated, note_catalog, translation_source, translations
from docs_engine.execution.figure_record import figure_record_path, read_figure_record
from docs_engine.translation.figure_texts import figure_messages, mathtext_problems
from docs_engine.example import build_gallery

logger = logging.getLogger(__name__)

FIGURES_FOLDER = "figures"  # in the doctree folder of the build
# PNG text chunks of a drawn image: the figure texts it shows, and the
# translations it shows in English instead, with the reason (JSON lists).
TEXTS_KEY = "Figure texts"
PROBLEMS_KEY = "Figure text problems"
# Part of every drawn image's name: change it when drawing changes.
DRAWING_VERSION = "1"


@dataclass
class Drawing:
    """An image of a figure in the build's language."""

    path: Path
    # (English message, why its translation is not shown), for each such message.
    problems: list[tuple[str, str]] = field(default_factory=list)


def example_figure_messages(script: Path) -> frozenset[str]:
    """The figure texts of an example script that are messages of its catalog."""
    return frozenset(figure_messages(script.read_text(encoding="utf-8")))


def drawing_key(english_image: bytes, translations: dict[str, str]) -> str:
    """What a drawn figure shows: its English image and the translations drawn into it."""
    digest = hashlib.sha256(DRAWING_VERSION.encode())
    digest.update(hashlib.sha256(english_image).digest())
    digest.update(json.dumps(sorted(translations.items()), ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]


def _layout_problem(text, renderer) -> str | None:
    """Why matplotlib cannot lay out this Text artist, if it cannot."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            text.get_window_extent(renderer)
        except Exception as error:  # mathtext and font errors have many types
            return f"matplotlib cannot draw it ({str(error).strip().splitlines()[-1]})"
    for warning in caught:
        if "missing from font" in str(warning.message):
            return f"matplotlib cannot draw it ({warning.message})"
    return None


def draw_figure(record, messages: frozenset[str], translated: dict[str, str],
                target: Path) -> list[tuple[str, str]]:
    """Draw a recorded figure with its texts translated, into ``target`` (PNG).

    Returns the translations it left in English, with the reason.
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    problems, drawn = [], []
    with matplotlib.rc_context(record.rc_params):
        figure = record.figure()
        renderer = FigureCanvasAgg(figure).get_renderer()
        for text in figure.findobj(Text):
            english = text.get_text()
            if english not in messages:
                continue
            if english in translated:
                text.set_text(translated[english])
                problem = _layout_problem(text, renderer)
                if problem:
                    text.set_text(english)
                    problems.append((english, problem))
            drawn.append(text.get_text())
        metadata = {TEXTS_KEY: json.dumps(drawn, ensure_ascii=False),
                    PROBLEMS_KEY: json.dumps(problems, ensure_ascii=False)}
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{os.getpid()}-{target.name}")
        figure.savefig(partial, format="png", metadata=metadata, **record.savefig)
    os.replace(partial, target)  # whole, even with pages read side by side
    return problems


def _drawn_texts(image: Path) -> dict[str, str]:
    """The text chunks of a drawn image (``TEXTS_KEY``, ``PROBLEMS_KEY``)."""
    from PIL import Image

    with Image.open(image) as png:
        # Read as the file opens: the chunks we write come before the pixels,
        # which ``png.text`` would decode first (six times slower).
        texts = {key: png.info[key] for key in (TEXTS_KEY, PROBLEMS_KEY) if key in png.info}
        return texts if len(texts) == 2 else {key: png.text.get(key, "[]")
                                               for key in (TEXTS_KEY, PROBLEMS_KEY)}


def _drawn_problems(image: Path) -> list[tuple[str, str]]:
    return [tuple(problem) for problem in json.loads(_drawn_texts(image)[PROBLEMS_KEY])]


def drawing_in_language(build: Build, docname: str, english_image: Path) -> Drawing:
    """The figure ``english_image`` of the example page ``docname``, in the build's language."""
    english_image = Path(build.srcdir, english_image)  # as given, if absolute
    record = read_figure_record(english_image) if is_translated(build) else None
    if record is None:
        return Drawing(english_image)
    messages = example_figure_messages(Path(build.srcdir, docname + ".py"))
    gettext = translations(build, docname).gettext
    translated, problems = {}, []
    for english in dict.fromkeys(record.texts):
        translation = gettext(english) if english in messages else english
        if translation == english:
            continue
        reasons = mathtext_problems(english, translation)
        problems += [(english, reason) for reason in reasons]
        if not reasons:
            translated[english] = translation
    if not translated:
        return Drawing(english_image, problems)
    key = drawing_key(english_image.read_bytes(), translated)
    target = Path(build.doctreedir) / FIGURES_FOLDER / f"{english_image.stem}-{key}.png"
    if target.exists():
        problems += _drawn_problems(target)
    else:
        problems += draw_figure(record, messages, translated, target)
    return Drawing(target, problems)


def figure_in_language(build: Build, docname: str, english_image_path: Path) -> Path:
    """The image file of an example's figure in the build's language.

    ``docname`` is the example's page, ``english_image_path`` the image
    sphinx-gallery saved (``.../images/sphx_glr_<name>_NNN.png``), absolute
    or relative to the source folder, as ``examples/...``. In English,
    or when none of its texts is translated, that is the image itself;
    otherwise the figure drawn again with the translations. Problems with
    the translations are reported by the example's page, not here.
    """
    return drawing_in_language(build, docname, english_image_path).path


def thumbnail_in_language(build: Build, english_thumbnail: Path) -> Path:
    """A gallery thumbnail in the build's language, scaled from the translated figure."""
    english_thumbnail = Path(build.srcdir, english_thumbnail)  # as given, if absolute
    script, _ = gallery_files.example_of_image(english_thumbnail)
    number = sg.thumbnail_figure(script, len(gallery_files.example_figures(script.parent, script.stem)))
    if number is None:
        return english_thumbnail  # an image file the example names, not a figure
    english_figure = gallery_files.figure_path(script.parent, script.stem, number)
    figure = figure_in_language(build, build_gallery(build).by_executed(script).docname, english_figure)
    if figure == english_figure:
        return english_thumbnail
    key = figure.stem.rsplit("-", 1)[1]  # what the figure shows: so does its thumbnail
    target = figure.with_name(f"{english_thumbnail.stem}-{key}.png")
    if not target.exists():
        _scale(figure, target, sg.thumbnail_size(build.config.sphinx_gallery_conf))
    return target


def _scale(figure: Path, target: Path, size: tuple[int, int]) -> None:
    """Scale a drawn figure as sphinx-gallery scales thumbnails, keeping its texts."""
    from PIL import Image, PngImagePlugin

    partial = target.with_name(f".{os.getpid()}-{target.name}")
    sg.scale_image(figure, partial, *size)
    info = PngImagePlugin.PngInfo()
    for key, text in _drawn_texts(figure).items():
        info.add_text(key, text)
    with Image.open(partial) as scaled:
        scaled.load()
        scaled.save(partial, format="png", pnginfo=info)
    os.replace(partial, target)


def _catalog_line(path: Path, message: str) -> int:
    entry = polib.pofile(str(path)).find(message)
    return entry.linenum if entry else 0


class TranslatedFigures(SphinxTransform):
    """Point a translated gallery page's figures and thumbnails at translated images."""

    default_priority = priorities.TRANSLATES_FIGURES  # after Sphinx translated the alt text

    def apply(self, **kwargs) -> None:
        docname = self.env.docname
        if not is_translated(self.env) or not build_gallery(self.env).is_gallery_page(docname):
            return
        doc_dir = Path(self.env.doc2path(docname)).parent
        reported = set()
        for node in list(self.document.findall(nodes.image)):
            english = self._image_file(node["uri"], doc_dir)
            found = gallery_files.example_of_image(english)
            if found is None:
                continue
            script, number = found
            example_docname = build_gallery(self.env).by_executed(script).docname
            note_catalog(self.env, example_docname)
            if number is None:
                image = thumbnail_in_language(self.env, english)
                # Written again with the figure it shows, when the example runs again.
                self.env.note_dependency(str(english))
            else:
                drawing = drawing_in_language(self.env, example_docname, english)
                image = drawing.path
                self.env.note_dependency(str(figure_record_path(english)))
                for problem in drawing.problems:
                    if problem not in reported:
                        reported.add(problem)
                        self._report(example_docname, *problem)
                self._keep_alt_with_image(node, drawing, example_docname)
            if image != english:
                node["uri"] = os.path.relpath(image, doc_dir)

    def _image_file(self, uri: str, doc_dir: Path) -> Path:
        """An image's file as the page names it: its folder may be a link into _build."""
        if uri.startswith("/"):
            return Path(self.env.srcdir, uri[1:])
        return doc_dir / uri

    def _report(self, docname: str, message: str, problem: str) -> None:
        catalog = translation_source(self.env, docname)
        shown = Path(os.path.relpath(catalog, Path(self.env.srcdir).resolve().parent)).as_posix()
        logger.warning(
            "figure text %s; the figure shows the English (message %r)", problem, message,
            location=f"{shown}:{_catalog_line(catalog, message)}",
            type="i18n", subtype="figure-text",
        )

    def _keep_alt_with_image(self, node: nodes.image, drawing: Drawing, docname: str) -> None:
        """The alt text is the figure's title: English where the image shows it in English."""
        gettext = translations(self.env, docname).gettext
        for message, _ in drawing.problems:
            if node.get("alt") == gettext(message):
                node["alt"] = message
