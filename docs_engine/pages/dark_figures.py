"""Recolour a figure for pydata-sphinx-theme's dark mode: same data, dark background.

The figure's backgrounds (the figure's, each axes', each legend's) take the
dark theme's page background, so that a figure reads as part of the page
rather than as a lit box. Every other colour keeps its hue. A line's,
marker's, text's, spine's, tick's or edge's is made light enough to read on
that background: a dark colour is mirrored to the light side (black becomes
the theme's text colour, matplotlib's blue a lighter blue) and then
lightened until it has :data:`CONTRAST` against the background, as WCAG asks
of text. A filled area's lightness is mirrored about the background's
(:func:`fill_on_dark`). Colours of different hues stay apart, and so do the
figure's line styles, which are not touched.
"""

import colorsys
import functools

# pydata-sphinx-theme's dark mode: --pst-color-background and --pst-color-text-base.
BACKGROUND = "#14181e"
TEXT = "#ced6dd"
# WCAG's contrast ratio for text, asked of every drawn colour against BACKGROUND.
CONTRAST = 4.5


def _luminance(rgb) -> float:
    def linear(channel):
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(channel) for channel in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(first, second) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def on_dark(color) -> tuple[float, float, float, float]:
    """``color`` for a line or text on the dark background, as RGBA."""
    from matplotlib.colors import to_rgba

    return _on_dark(to_rgba(color))


@functools.cache  # a figure asks for a few colours, hundreds of times (every tick)
def _on_dark(rgba: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    from matplotlib.colors import to_rgb

    *rgb, alpha = rgba
    hue, lightness, saturation = colorsys.rgb_to_hls(*rgb)
    if lightness < 0.5:
        lightness = 1 - lightness
    if saturation < 0.05:  # a grey, black or white: at most as light as the theme's text
        lightness = min(lightness, colorsys.rgb_to_hls(*to_rgb(TEXT))[1])
    background = to_rgb(BACKGROUND)
    rgb = colorsys.hls_to_rgb(hue, lightness, saturation)
    while _contrast(rgb, background) < CONTRAST and lightness < 1:
        lightness = min(1.0, lightness + 0.05)
        rgb = colorsys.hls_to_rgb(hue, lightness, saturation)
    return (*rgb, alpha)


def fill_on_dark(color) -> tuple[float, float, float, float]:
    """``color`` for a filled area (a band, a bar) on the dark background, as RGBA.

    Its lightness is mirrored about the background's: a fill as far from
    white as it was is as far from the background, so a pale band behind
    the curves stays a faint one, and a saturated bar a bright one.
    """
    from matplotlib.colors import to_rgb, to_rgba

    *rgb, alpha = to_rgba(color)
    hue, lightness, saturation = colorsys.rgb_to_hls(*rgb)
    background = colorsys.rgb_to_hls(*to_rgb(BACKGROUND))[1]
    lightness = background + (1 - lightness) * (1 - background)
    return (*colorsys.hls_to_rgb(hue, lightness, saturation), alpha)


def _recolour(color, recolour=on_dark):
    """A colour, or matplotlib's words for none or automatic, for the dark background."""
    from matplotlib.colors import to_rgba_array

    if isinstance(color, str) and color in ("none", "None", "auto", "face", "inherit"):
        return color
    colors = to_rgba_array(color)
    if len(colors) == 1:
        return recolour(colors[0])
    return [recolour(each) for each in colors]


def _dark_background(color):
    from matplotlib.colors import to_rgba

    alpha = to_rgba(color)[3]
    return (*to_rgba(BACKGROUND)[:3], alpha)


def darken(figure) -> None:
    """Recolour ``figure`` in place for the dark theme."""
    from matplotlib.axes import Axes
    from matplotlib.collections import Collection
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    backgrounds = {id(figure.patch)}
    figure.patch.set_facecolor(_dark_background(figure.patch.get_facecolor()))
    for axes in figure.findobj(Axes):
        backgrounds.add(id(axes.patch))
        axes.patch.set_facecolor(_dark_background(axes.patch.get_facecolor()))
        # Ticks made later (as the figure is drawn) copy these settings, not
        # those of the ticks that exist now.
        for axis in (axes.xaxis, axes.yaxis):
            for which, ticks in (("major", axis.get_major_ticks()), ("minor", axis.get_minor_ticks())):
                if ticks:
                    tick = ticks[0]
                    axis.set_tick_params(which=which, color=on_dark(tick.tick1line.get_color()),
                                         labelcolor=on_dark(tick.label1.get_color()),
                                         grid_color=on_dark(tick.gridline.get_color()))
    for legend in figure.findobj(Legend):
        backgrounds.add(id(legend.legendPatch))
        patch = legend.legendPatch
        patch.set_facecolor(_dark_background(patch.get_facecolor()))
        patch.set_edgecolor(_recolour(patch.get_edgecolor()))
    for artist in figure.findobj():
        if id(artist) in backgrounds:
            continue
        if isinstance(artist, Text):
            artist.set_color(on_dark(artist.get_color()))
        elif isinstance(artist, Line2D):
            artist.set_color(on_dark(artist.get_color()))
            artist.set_markerfacecolor(_recolour(artist.get_markerfacecolor()))
            artist.set_markeredgecolor(_recolour(artist.get_markeredgecolor()))
        elif isinstance(artist, Patch):
            artist.set_edgecolor(_recolour(artist.get_edgecolor()))
            artist.set_facecolor(_recolour(artist.get_facecolor(), fill_on_dark))
        elif isinstance(artist, Collection) and artist.get_array() is None:
            # A collection coloured by a colormap keeps its colours: they are data.
            artist.set_edgecolor(_recolour(artist.get_edgecolor()))
            artist.set_facecolor(_recolour(artist.get_facecolor(), fill_on_dark))
