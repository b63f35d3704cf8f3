"""Keep every text style legible against its background, in whatever theme is chosen.

The highlight, cursor and key styles come from the theme's variables
(``$text-warning``, ``$block-cursor-background``...). Most themes make them
legible, not all: ``$text-warning`` on atom-one-light measures 3.3:1, the
gruvbox cursor 2.4:1. A widget that mixes in :class:`LegibleStyles` gets its
component styles with the text colour moved, just as far as needed, towards
black or white (whichever stands out more from the background) until the WCAG
contrast ratio reaches :data:`MIN_CONTRAST`. The theme's hue stays; no
colour is written down here.
"""

from __future__ import annotations

from typing import Any

from rich.color import Color
from rich.color_triplet import ColorTriplet
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

MIN_CONTRAST = 4.5
"""WCAG AA for body text."""
_STEPS = 20
_BLACK = ColorTriplet(0, 0, 0)
_WHITE = ColorTriplet(255, 255, 255)


def _rgb(color: Color | None, foreground: bool) -> ColorTriplet:
    # ANSI colours are measured in Rich's default palette, as a plain terminal draws them.
    return (color or Color.default()).get_truecolor(DEFAULT_TERMINAL_THEME, foreground=foreground)


def luminance(rgb: ColorTriplet) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ratio(first: ColorTriplet, second: ColorTriplet) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def contrast(style: Style) -> float:
    """The contrast of ``style``'s text against its own background (reverse video honoured)."""
    text, ground = _rgb(style.color, True), _rgb(style.bgcolor, False)
    return ratio(text, ground)


def _blend(start: ColorTriplet, end: ColorTriplet, amount: float) -> ColorTriplet:
    red, green, blue = (round(a + (b - a) * amount) for a, b in zip(start, end, strict=True))
    return ColorTriplet(red, green, blue)


def legible(style: Style) -> Style:
    """``style`` with its text colour nudged until it reaches :data:`MIN_CONTRAST`."""
    text, ground = _rgb(style.color, True), _rgb(style.bgcolor, False)
    if style.reverse:  # the background colour is drawn as the text, and the other way
        text, ground = _rgb(style.bgcolor, False), _rgb(style.color, True)
    if ratio(text, ground) >= MIN_CONTRAST:
        return style
    target = max((_BLACK, _WHITE), key=lambda end: ratio(end, ground))
    moved = target
    for step in range(1, _STEPS + 1):
        moved = _blend(text, target, step / _STEPS)
        if ratio(moved, ground) >= MIN_CONTRAST:
            break
    fixed = Color.from_triplet(moved)
    return style + (Style(bgcolor=fixed) if style.reverse else Style(color=fixed))


class _FixedStyles:
    """A component's styles, as Textual gives them, with a legible ``rich_style``."""

    def __init__(self, styles: Any, rich_style: Style) -> None:
        self._styles = styles
        self.rich_style = rich_style

    def __getattr__(self, name: str) -> Any:
        return getattr(self._styles, name)


class LegibleStyles:
    """Mixin for a widget: component styles come back legible (see :func:`legible`)."""

    _legible_cache: dict[tuple[object, ...], Any]

    def get_component_styles(self, *names: str) -> Any:
        """The component's styles, their ``rich_style`` fixed when too faint.

        ``DataTable`` draws its header (and zebra rows) from these rather than from
        :meth:`get_component_rich_style`: Textual's header fails 4.5:1 in ansi-dark,
        ansi-light and atom-one-dark.
        """
        widget: Any = self
        key = ("styles", names, getattr(widget, "_pseudo_classes_cache_key", None))
        cache: dict[tuple[object, ...], Any] = widget.__dict__.setdefault("_legible_cache", {})
        found = cache.get(key)
        if found is not None:
            return found
        parent: Any = super()
        styles = parent.get_component_styles(*names)
        full: Style = styles.rich_style
        fixed = legible(full)
        result = styles if fixed is full else _FixedStyles(styles, fixed)
        cache[key] = result
        return result

    def get_component_rich_style(
        self, *names: str, partial: bool = False, default: Style | None = None
    ) -> Style:
        """The component style, its text colour fixed when it is too faint for its background."""
        widget: Any = self
        key = (names, partial, getattr(widget, "_pseudo_classes_cache_key", None))
        cache: dict[tuple[object, ...], Style] = widget.__dict__.setdefault("_legible_cache", {})
        found = cache.get(key)
        if found is not None:
            return found
        parent: Any = super()
        full: Style = parent.get_component_rich_style(*names, partial=False, default=default)
        fixed = legible(full)
        result = fixed
        if partial:
            # Textual's partial style drops a colour's alpha ($text-muted is the text
            # colour at 60%: unblended, white on a light theme); take the blended one.
            result = parent.get_component_rich_style(*names, partial=True, default=default)
            if result.color is not None or fixed.color != full.color:
                result += Style(color=fixed.color)
            if result.bgcolor is not None or fixed.bgcolor != full.bgcolor:
                result += Style(bgcolor=fixed.bgcolor)
        cache[key] = result
        return result

    def notify_style_update(self) -> None:
        """Theme or focus changed: forget the fixed styles."""
        self.__dict__.pop("_legible_cache", None)
        parent: Any = super()
        parent.notify_style_update()
