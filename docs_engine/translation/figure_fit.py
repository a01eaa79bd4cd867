"""Keep every text of a figure on its canvas and clear of the others, in any language.

A translation is often longer than the English it replaces (Spanish by about
a quarter): a title, an axis label or a legend that fitted in English may
then run off the image or over another text. :func:`text_problems` measures
what the renderer draws: it draws the figure once, notes every text artist
the renderer is asked to draw (so tick labels out of view, empty or hidden
texts are not counted), and compares their extents with the canvas and with
each other. :func:`fit_texts` adapts the layout until none is left, in the
order that changes the figure least: a layout engine that makes room for the
texts (constrained layout, if the figure had none), then the translated
texts that still do not fit wrapped onto more lines, narrower each round (a
legend's entries too: its columns keep their number, and grow no wider).
Whatever still does not fit is returned, for the build to report.
"""

import textwrap

# Extents are measured in pixels, with antialiasing: a text may touch the
# edge or its neighbour by this much.
TOLERANCE = 1.0
# A wrapped text keeps at least this many characters a line.
NARROWEST_LINE = 8


def drawn_texts(figure) -> list:
    """The Text artists the renderer draws, each with its extent, in drawing order."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    renderer = canvas.get_renderer()
    drawn = {}
    draw_text = renderer.draw_text

    def recording(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if mtext is not None and s.strip():
            drawn.setdefault(id(mtext), mtext)
        return draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    # The data (lines, markers, fills, images) is clipped to its axes: it
    # moves no text, and is most of the drawing (the comparison's 30000-point
    # curves). Hidden while the texts are measured.
    data = [artist for axes in figure.axes
            for artist in (*axes.lines, *axes.collections, *axes.patches, *axes.images)
            if artist.get_visible()]
    for artist in data:
        artist.set_visible(False)
    renderer.draw_text = recording
    try:
        figure.draw(renderer)
    finally:
        del renderer.draw_text
        for artist in data:
            artist.set_visible(True)
    return [(text, text.get_window_extent(renderer)) for text in drawn.values()]


def text_problems(figure) -> list[tuple[str, str, tuple[str, ...]]]:
    """(text, what is wrong, the texts involved) for each drawn text off the canvas or over another."""
    boxes = drawn_texts(figure)
    canvas = figure.bbox
    problems = []
    for number, (text, box) in enumerate(boxes):
        if (box.x0 < canvas.x0 - TOLERANCE or box.y0 < canvas.y0 - TOLERANCE
                or box.x1 > canvas.x1 + TOLERANCE or box.y1 > canvas.y1 + TOLERANCE):
            problems.append((text.get_text(), "it runs off the figure", (text.get_text(),)))
        for other, other_box in boxes[number + 1:]:
            width = min(box.x1, other_box.x1) - max(box.x0, other_box.x0)
            height = min(box.y1, other_box.y1) - max(box.y0, other_box.y0)
            if width > TOLERANCE and height > TOLERANCE:
                problems.append((text.get_text(), f"it overlaps {other.get_text()!r}",
                                 (text.get_text(), other.get_text())))
    return problems


def wrap(text: str, width: int) -> str:
    """``text`` on lines of at most ``width`` characters, never breaking a word or ``$math$``."""
    parts = text.split("$")
    # Spaces inside math would let a line break there: hold them apart.
    held = "$".join(part.replace(" ", "\0") if index % 2 else part
                    for index, part in enumerate(parts))
    lines = textwrap.wrap(held, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines).replace("\0", " ")


def fit_texts(figure, translations: set[str]) -> list[tuple[str, str]]:
    """Adapt ``figure``'s layout until every drawn text fits; return what still does not.

    ``translations`` are the texts the figure shows that are translations:
    only they are wrapped, the figure's other texts are its author's.
    Returns (text, what is wrong) for each problem left, the text as given.
    """
    from matplotlib.text import Text

    problems = text_problems(figure)
    if problems and figure.get_layout_engine() is None:
        figure.set_layout_engine("constrained")
        problems = text_problems(figure)
    given = {}  # id of a wrapped Text: its text as given
    width = max((len(text) for text in translations), default=0)
    while problems and width > NARROWEST_LINE:
        width = max(NARROWEST_LINE, width * 4 // 5)
        involved = {text for *_, texts in problems for text in texts}
        for text in figure.findobj(Text):
            original = given.get(id(text), text.get_text())
            if original in translations and text.get_text() in involved:
                given[id(text)] = original
                text.set_text(wrap(original, width))
        problems = text_problems(figure)
    as_given = {text.get_text(): given[id(text)] for text in figure.findobj(Text) if id(text) in given}
    return [(as_given.get(text, text), problem) for text, problem, _ in problems]
