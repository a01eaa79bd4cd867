"""Every figure in the theme the reader chose, sharp on dense screens.

A figure is shown as a set of renditions drawn from one matplotlib figure
(:data:`RENDITIONS`): the light one at the figure's resolution (the image
the page always showed), the light one at twice it for screens of two
device pixels or more per CSS pixel, and the dark one
(:mod:`docs_engine.pages.dark_figures`) at twice it only. The page gets one
``<img>`` per theme, its ``srcset`` offering its resolutions (a thumbnail,
already drawn at more than twice the size it is shown, has one of each
theme); the dark one's classes are the light one's with ``-dark`` added,
styled alike by ``figure-renditions.css``. pydata-sphinx-theme's
``only-light`` and ``only-dark`` classes show the one of the theme's mode,
which its head script sets on ``<html data-theme>`` before the page is
drawn, and its switch changes live; ``figure-renditions.css`` covers a first
visit, before its script has chosen, by the system's preference. The dark
image loads only when it is shown (``loading="lazy"``, which skips hidden
images).

The images drawn here are optimised, save the light one at the figure's own
resolution of an example (sphinx-gallery's, byte for byte in English):
reduced to a palette of 256 colours, which a figure's few colours and their
antialiasing fill without visible loss, at a third of the bytes.

A page holds a :class:`figure_renditions` node whose children are the image
nodes of the renditions, so that Sphinx copies each into ``_images/`` as it
copies any image, and its HTML visitor writes the ``<img>`` elements.
"""

import functools
import hashlib
import io
import os
import posixpath
import urllib.parse
from html import escape
from pathlib import Path

from docutils import nodes

from docs_engine.build_files import builder_name
from docs_engine.pages import dark_figures

THEMES = ("light", "dark")
# A theme's class in pydata-sphinx-theme: shown only in that mode.
THEME_CLASSES = {"light": "only-light", "dark": "only-dark"}
DENSE = 2  # device pixels per CSS pixel of the sharp rendition
# (theme, scale) of each rendition of a figure. The dark one is drawn sharp
# only: drawing is most of a rendition's cost, and a screen of one device
# pixel per CSS pixel shows it scaled down, as well as one drawn for it.
RENDITIONS = (("light", 1), ("light", DENSE), ("dark", DENSE))
STYLESHEET = "figure-renditions.css"
# The modules whose code decides how a rendition looks: part of every rendition's name.
STYLE_MODULES = ("docs_engine/pages/dark_figures.py", "docs_engine/pages/figure_renditions.py",
                 "docs_engine/translation/figure_fit.py")


@functools.cache
def style_version() -> str:
    """A digest of the code that draws renditions: a change draws them all again."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parents[2]
    for module in STYLE_MODULES:
        digest.update((root / module).read_bytes())
    return digest.hexdigest()[:8]


def shows_renditions(env) -> bool:
    """Whether the build of ``env`` writes pages that show renditions (HTML)."""
    return builder_name(env) in ("html", "dirhtml")


def rendition_path(base: Path, theme: str, scale: int) -> Path:
    """Where the rendition of the image named like ``base`` is kept."""
    return base.with_name(f"{base.stem}-{theme}-{scale}x.png")


class figure_renditions(nodes.General, nodes.Element):
    """A figure's renditions: image children with ``rendition_theme`` and ``rendition_scale``.

    (Not ``scale``: docutils' image attribute of that name, which Sphinx
    answers by linking the image to its file.)
    """


def renditions_node(image: nodes.image, renditions: dict[tuple[str, int], Path],
                    page_folder: Path) -> figure_renditions:
    """The renditions of ``image`` (whose node becomes the light one at scale 1)."""
    node = figure_renditions()
    node.source, node.line = image.source, image.line
    for (theme, scale), path in sorted(renditions.items(), key=lambda item: (THEMES.index(item[0][0]),
                                                                              item[0][1])):
        if (theme, scale) == ("light", 1):
            child = image
        else:
            child = nodes.image(uri=os.path.relpath(path, page_folder), alt=image.get("alt", ""),
                                classes=[])
        child["rendition_theme"], child["rendition_scale"] = theme, scale
        child["css_width"] = _pixel_width(path) // scale
        node += child
    return node


def _pixel_width(png: Path) -> int:
    from PIL import Image

    with Image.open(png) as image:  # reads the header only
        return image.width


def _output_uri(translator, image: nodes.image) -> str:
    """The address of an image in the built page, as Sphinx's own visit_image gives it."""
    uri = image["uri"]
    if uri in translator.builder.images:
        return posixpath.join(translator.builder.imgpath,
                              urllib.parse.quote(translator.builder.images[uri]))
    return uri


def visit_figure_renditions_html(translator, node: figure_renditions) -> None:
    light = next(child for child in node.children
                 if (child["rendition_theme"], child["rendition_scale"]) == ("light", 1))
    classes = light.get("classes", [])
    alt = light.get("alt", "")
    for theme in THEMES:
        images = sorted((child for child in node.children if child["rendition_theme"] == theme),
                        key=lambda child: child["rendition_scale"])
        if not images:
            continue
        source = _output_uri(translator, images[0])
        # The dark image's classes name what it is a rendition of: selectors
        # of the figure (sphinx-gallery's, the tests') keep finding one image.
        own = classes if theme == "light" else [f"{name}-{theme}" for name in classes]
        attributes = [f'alt="{escape(alt)}"',
                      f'class="{escape(" ".join([*own, THEME_CLASSES[theme]]))}"']
        if theme != "light":
            attributes.append('loading="lazy"')
        attributes.append(f'src="{escape(source)}"')
        if images[0]["rendition_scale"] > 1:
            # Its only file is sharp: shown at the size of the figure, not of the file.
            attributes.append(f'width="{images[0]["css_width"]}"')
        if len(images) > 1 or images[0]["rendition_scale"] > 1:
            srcset = ", ".join(f"{_output_uri(translator, image)} {image['rendition_scale']}x"
                               for image in images)
            attributes.append(f'srcset="{escape(srcset)}"')
        translator.body.append(f'<img {" ".join(attributes)} />')
    raise nodes.SkipNode


def depart_figure_renditions_html(translator, node) -> None:
    pass


def base_dpi(figure) -> float:
    """The resolution ``savefig`` draws at, with the rcParams in force."""
    import matplotlib

    dpi = matplotlib.rcParams["savefig.dpi"]
    return figure.dpi if dpi == "figure" else dpi


def save_png(figure, target: Path, savefig: dict, dpi: float, metadata: dict | None = None,
             optimise: bool = True) -> None:
    """Save ``figure`` as a PNG at ``dpi``, with a palette when ``optimise``; whole or not at all."""
    from PIL import Image, PngImagePlugin

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{os.getpid()}-{target.name}")
    options = {**savefig, "dpi": dpi}
    if not optimise:
        figure.savefig(partial, format="png", metadata=metadata or {"Software": None}, **options)
    else:
        # The pixels as Agg draws them, without a PNG to encode and decode
        # again: half the time of a rendition.
        buffer = io.BytesIO()
        figure.savefig(buffer, format="raw", **options)
        size = tuple(int(inches * dpi) for inches in figure.get_size_inches())  # as RendererAgg
        image = Image.frombuffer("RGBA", size, buffer.getbuffer(), "raw", "RGBA", 0, 1)
        info = PngImagePlugin.PngInfo()
        for key, value in (metadata or {}).items():
            info.add_text(key, value)
        image.quantize(256, method=Image.Quantize.FASTOCTREE).save(partial, format="png", pnginfo=info)
    os.replace(partial, target)  # whole, even with pages read side by side


def save_renditions(figure, targets: dict[tuple[str, int], Path], savefig: dict,
                    metadata: dict | None = None, exact: tuple | None = ("light", 1)) -> None:
    """Save each rendition of ``figure`` named in ``targets``; the figure ends dark.

    The rendition ``exact`` is saved as matplotlib writes it (the light
    image at the figure's resolution, by default: an example page's image in
    the light theme, as sphinx-gallery writes it), every other one optimised.
    ``savefig`` are the options of ``Figure.savefig``; its ``dpi`` is the
    resolution of scale 1.
    """
    savefig = dict(savefig)
    dpi = savefig.pop("dpi", None) or base_dpi(figure)
    for theme in THEMES:
        if theme == "dark":
            dark_figures.darken(figure)
            savefig = {**savefig, "facecolor": figure.get_facecolor(), "edgecolor": figure.get_edgecolor()}
        for (target_theme, scale), target in targets.items():
            if target_theme == theme:
                save_png(figure, target, savefig, dpi * scale, metadata,
                         optimise=(theme, scale) != exact)
