"""Show each example figure in the page's language, drawn again, never run again.

The gallery step executes every example once and keeps each figure it draws
(:mod:`docs_engine.execution.figure_record`). On a page in another language this
transform looks up the figure's texts (titles, axis labels, legend entries,
annotations: :mod:`docs_engine.translation.figure_texts`) in the page's compiled catalog
and, if any is translated, draws the recorded figure again with the
translations, at the size and resolution of the English image, and shows
that image instead; the thumbnails on the gallery indexes are scaled from
the translated figures, as sphinx-gallery scales the English ones. A longer
translation gets another layout rather than running off the figure
(:mod:`docs_engine.translation.figure_fit`); one that still does not fit is
reported, naming the example, the figure and the message. Nothing here is
specific to one language.

In an HTML build, in every language, the same pass draws each figure's
renditions for the dark theme and dense screens
(:mod:`docs_engine.pages.figure_renditions`), and each thumbnail's dark one;
the English image itself is sphinx-gallery's, never drawn again.

A drawn image is named after what it shows (the English image and the
translations it uses; a rendition, also the code that styles it), in
``<doctree folder>/figures/``, and drawn only if that file does not exist
yet: after a message is edited, only the figures that use it are drawn
again, and a build with nothing changed draws nothing. The PNG's text chunk
``Figure texts`` lists, as JSON, the figure texts it shows.

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
import re
import warnings
from contextlib import contextmanager
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
from docs_engine.translation import figure_fit
from docs_engine.translation.figure_texts import figure_messages, mathtext_problems
from docs_engine.pages import figure_renditions
from docs_engine.example import build_gallery

logger = logging.getLogger(__name__)

FIGURES_FOLDER = "figures"  # in the doctree folder of the build
# PNG text chunks of a drawn image: the figure texts it shows, and the
# translations it shows in English instead, with the reason (JSON lists).
TEXTS_KEY = "Figure texts"
PROBLEMS_KEY = "Figure text problems"
# The translations that do not fit the figure even in an adapted layout, with the reason.
UNFITTED_KEY = "Figure texts that do not fit"
CHUNKS = (TEXTS_KEY, PROBLEMS_KEY, UNFITTED_KEY)
# Part of every drawn image's name: change it when drawing changes (the
# renditions' names also hold figure_renditions.style_version()).
DRAWING_VERSION = "2"
LIGHT = ("light", 1)  # the page's image, at the figure's own resolution
DARK = ("dark", figure_renditions.DENSE)  # the dark one, at its only resolution


@dataclass
class Drawing:
    """An image of a figure in the build's language."""

    path: Path
    # (English message, why its translation is not shown), for each such message.
    problems: list[tuple[str, str]] = field(default_factory=list)
    # (English message, why its translation does not fit), for each such message.
    unfitted: list[tuple[str, str]] = field(default_factory=list)
    # (theme, scale): image, for each rendition drawn (at least the light one at scale 1).
    renditions: dict[tuple[str, int], Path] = field(default_factory=dict)


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


def _translate_texts(figure, renderer, messages: frozenset[str], translated: dict[str, str]):
    """Set each translated text of ``figure``; return (texts shown, problems, translations shown)."""
    from matplotlib.text import Text

    problems, drawn, shown = [], [], set()
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
            else:
                shown.add(translated[english])
        drawn.append(text.get_text())
    return drawn, problems, shown


@dataclass
class TranslatedFigure:
    """A recorded figure with its texts translated and its layout fitted to them."""

    figure: object  # matplotlib's Figure
    drawn: list[str]  # the figure texts it shows
    problems: list[tuple[str, str]]  # translations left in English, with the reason
    unfitted: list[tuple[str, str]]  # translations that do not fit, with the reason


@contextmanager
def translated_figure(record, messages: frozenset[str], translated: dict[str, str]):
    """The recorded figure in translation, as it is drawn (with the record's rcParams)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with matplotlib.rc_context(record.rc_params):
        figure = record.figure()
        renderer = FigureCanvasAgg(figure).get_renderer()
        drawn, problems, shown = _translate_texts(figure, renderer, messages, translated)
        # Texts the author drew fit (or are the author's to fix): only a
        # translation may need another layout.
        english_of = {translation: english for english, translation in translated.items()}
        unfitted = [(english_of.get(text, text), problem)
                    for text, problem in figure_fit.fit_texts(figure, shown)] if shown else []
        yield TranslatedFigure(figure, drawn, problems, unfitted)


def _draw(record, messages: frozenset[str], translated: dict[str, str],
          targets: dict[tuple[str, int], Path]) -> tuple[list, list]:
    """Draw a recorded figure with its texts translated and fitted, into each of ``targets``.

    Returns the translations it left in English, with the reason, and the
    texts that do not fit even in the adapted layout, with the reason.
    """
    with translated_figure(record, messages, translated) as drawing:
        metadata = {TEXTS_KEY: json.dumps(drawing.drawn, ensure_ascii=False),
                    PROBLEMS_KEY: json.dumps(drawing.problems, ensure_ascii=False),
                    UNFITTED_KEY: json.dumps(drawing.unfitted, ensure_ascii=False)}
        figure_renditions.save_renditions(drawing.figure, targets, record.savefig, metadata)
    return drawing.problems, drawing.unfitted


def draw_figure(record, messages: frozenset[str], translated: dict[str, str],
                target: Path) -> list[tuple[str, str]]:
    """Draw a recorded figure with its texts translated, into ``target`` (PNG).

    Returns the translations it left in English, with the reason.
    """
    return _draw(record, messages, translated, {LIGHT: target})[0]


def _drawn_texts(image: Path) -> dict[str, str]:
    """The text chunks of a drawn image (``CHUNKS``)."""
    from PIL import Image

    with Image.open(image) as png:
        # Read as the file opens: the chunks we write come before the pixels,
        # which ``png.text`` would decode first (six times slower).
        texts = {key: png.info[key] for key in CHUNKS if key in png.info}
        return texts if len(texts) == len(CHUNKS) else {key: png.text.get(key, "[]") for key in CHUNKS}


def _drawn_problems(image: Path, key: str = PROBLEMS_KEY) -> list[tuple[str, str]]:
    return [tuple(problem) for problem in json.loads(_drawn_texts(image)[key])]


def drawing_in_language(build: Build, docname: str, english_image: Path,
                        renditions: bool = False) -> Drawing:
    """The figure ``english_image`` of the example page ``docname``, in the build's language.

    With ``renditions``, also its dark and dense-screen renditions
    (:mod:`docs_engine.pages.figure_renditions`), drawn in the same pass.
    """
    english_image = Path(build.srcdir, english_image)  # as given, if absolute
    translating = is_translated(build)
    record = read_figure_record(english_image) if translating or renditions else None
    if record is None:
        return Drawing(english_image, renditions={LIGHT: english_image})
    messages = example_figure_messages(Path(build.srcdir, docname + ".py"))
    translated, problems = {}, []
    if translating:
        gettext = translations(build, docname).gettext
        for english in dict.fromkeys(record.texts):
            translation = gettext(english) if english in messages else english
            if translation == english:
                continue
            reasons = mathtext_problems(english, translation)
            problems += [(english, reason) for reason in reasons]
            if not reasons:
                translated[english] = translation
    if not translated and not renditions:
        return Drawing(english_image, problems, renditions={LIGHT: english_image})
    key = drawing_key(english_image.read_bytes(), translated)
    base = Path(build.doctreedir) / FIGURES_FOLDER / f"{english_image.stem}-{key}.png"
    images = {LIGHT: base if translated else english_image}
    if renditions:
        styled = base.with_name(f"{base.stem}-{figure_renditions.style_version()}.png")
        images.update({rendition: figure_renditions.rendition_path(styled, *rendition)
                       for rendition in figure_renditions.RENDITIONS if rendition != LIGHT})
    missing = {rendition: path for rendition, path in images.items() if not path.exists()}
    if missing:
        drawn_problems, unfitted = _draw(record, messages, translated, missing)
    elif translated:  # what the drawn image says of its translations
        drawn_problems, unfitted = _drawn_problems(base), _drawn_problems(base, UNFITTED_KEY)
    else:
        drawn_problems, unfitted = [], []
    return Drawing(images[LIGHT], problems + drawn_problems, unfitted, images)


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


def _thumbnail_figure(build: Build, english_thumbnail: Path) -> tuple[Path, str] | None:
    """The English figure a thumbnail is scaled from, and its example's page."""
    script, _ = gallery_files.example_of_image(english_thumbnail)
    number = sg.thumbnail_figure(script, len(gallery_files.example_figures(script.parent, script.stem)))
    if number is None:
        return None  # an image file the example names, not a figure
    english_figure = gallery_files.figure_path(script.parent, script.stem, number)
    return english_figure, build_gallery(build).by_executed(script).docname


def _thumbnail_of(figure: Path, english_thumbnail: Path, build: Build) -> Path:
    """The thumbnail scaled from the drawn ``figure``, named after what it shows."""
    # What the figure shows: so does its thumbnail, at its one size.
    shows = re.sub(r"-\d+x$", "", figure.stem.split("-", 1)[1])
    target = figure.with_name(f"{english_thumbnail.stem}-{shows}.png")
    if not target.exists():
        _scale(figure, target, sg.thumbnail_size(build.config.sphinx_gallery_conf))
    return target


def thumbnail_in_language(build: Build, english_thumbnail: Path) -> Path:
    """A gallery thumbnail in the build's language, scaled from the translated figure."""
    english_thumbnail = Path(build.srcdir, english_thumbnail)  # as given, if absolute
    found = _thumbnail_figure(build, english_thumbnail)
    if found is None:
        return english_thumbnail
    english_figure, docname = found
    figure = figure_in_language(build, docname, english_figure)
    if figure == english_figure:
        return english_thumbnail
    return _thumbnail_of(figure, english_thumbnail, build)


def thumbnail_renditions(build: Build, english_thumbnail: Path) -> dict[tuple[str, int], Path]:
    """A thumbnail in each theme, in the build's language, from one drawing of its figure.

    One resolution: sphinx-gallery draws thumbnails at more than twice the
    size its gallery shows them.
    """
    english_thumbnail = Path(build.srcdir, english_thumbnail)
    found = _thumbnail_figure(build, english_thumbnail)
    if found is None:
        return {LIGHT: english_thumbnail}
    english_figure, docname = found
    drawing = drawing_in_language(build, docname, english_figure, renditions=True)
    if DARK not in drawing.renditions:  # a figure without a record
        return {LIGHT: english_thumbnail}
    light = (english_thumbnail if drawing.path == english_figure
             else _thumbnail_of(drawing.path, english_thumbnail, build))
    return {LIGHT: light, ("dark", 1): _thumbnail_of(drawing.renditions[DARK], english_thumbnail, build)}


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


class FiguresInLanguage(SphinxTransform):
    """Point a gallery page's figures and thumbnails at images in its language, in every rendition.

    On a translated page each becomes the translated image; in an HTML build
    each also gets its dark and dense-screen renditions
    (:mod:`docs_engine.pages.figure_renditions`), in every language.
    """

    default_priority = priorities.TRANSLATES_FIGURES  # after Sphinx translated the alt text

    def apply(self, **kwargs) -> None:
        docname = self.env.docname
        translating = is_translated(self.env)
        renditions = figure_renditions.shows_renditions(self.env)
        if not (translating or renditions) or not build_gallery(self.env).is_gallery_page(docname):
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
                images = (thumbnail_renditions(self.env, english) if renditions
                          else {LIGHT: thumbnail_in_language(self.env, english)})
                # Written again with the figure it shows, when the example runs again.
                self.env.note_dependency(str(english))
            else:
                drawing = drawing_in_language(self.env, example_docname, english, renditions)
                images = drawing.renditions
                self.env.note_dependency(str(figure_record_path(english)))
                for problem in drawing.problems:
                    if problem not in reported:
                        reported.add(problem)
                        self._report(example_docname, *problem)
                for message, problem in drawing.unfitted:
                    if (message, problem) not in reported:
                        reported.add((message, problem))
                        self._report_unfitted(example_docname, number, message, problem)
                self._keep_alt_with_image(node, drawing, example_docname)
            if images[LIGHT] != english:
                node["uri"] = os.path.relpath(images[LIGHT], doc_dir)
            if renditions:
                node.replace_self(figure_renditions.renditions_node(node.deepcopy(), images, doc_dir))

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

    def _report_unfitted(self, docname: str, number: int, message: str, problem: str) -> None:
        catalog = translation_source(self.env, docname)
        shown = Path(os.path.relpath(catalog, Path(self.env.srcdir).resolve().parent)).as_posix()
        logger.warning(
            "figure text does not fit figure %d of %s even in an adapted layout: %s (message %r)",
            number, docname, problem, message,
            location=f"{shown}:{_catalog_line(catalog, message)}",
            type="i18n", subtype="figure-fit",
        )

    def _keep_alt_with_image(self, node: nodes.image, drawing: Drawing, docname: str) -> None:
        """The alt text is the figure's title: English where the image shows it in English."""
        gettext = translations(self.env, docname).gettext
        for message, _ in drawing.problems:
            if node.get("alt") == gettext(message):
                node["alt"] = message
