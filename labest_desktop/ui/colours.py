"""Colours derived from the palette in use, so text stays readable on a light or a
dark palette: WCAG contrast, readable foregrounds, the stage badges, the warning of
an over-committed envelope, marked days, error text.

Nothing here is a fixed text colour: each function takes the palette (the
application's by default) and returns a colour whose contrast with the background it
goes on is at least :data:`MIN_CONTRAST` (WCAG AA for normal text).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from labest_desktop.ui import labels

MIN_CONTRAST = 4.5
_BLACK = QColor("#000000")
_WHITE = QColor("#ffffff")


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, from 1 (same colour) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(base: QColor, other: QColor, share: float) -> QColor:
    """``share`` of ``other`` over ``base`` (0: base, 1: other)."""
    return QColor.fromRgbF(
        base.redF() + (other.redF() - base.redF()) * share,
        base.greenF() + (other.greenF() - base.greenF()) * share,
        base.blueF() + (other.blueF() - base.blueF()) * share,
    )


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette draws light text on dark backgrounds."""
    palette = _palette(palette)
    return luminance(palette.color(QPalette.ColorRole.Base)) < luminance(palette.color(QPalette.ColorRole.Text))


def readable_on(background: QColor, preferred: QColor | None = None) -> QColor:
    """``preferred`` when it reads well on ``background``, else black or white,
    whichever contrasts more."""
    if preferred is not None and contrast(preferred, background) >= MIN_CONTRAST:
        return QColor(preferred)
    return QColor(_BLACK if contrast(_BLACK, background) >= contrast(_WHITE, background) else _WHITE)


def toward_contrast(colour: QColor, background: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """``colour`` moved step by step toward black or white (away from the
    background) until it reaches ``minimum`` contrast; keeps its hue where it can."""
    target = _WHITE if luminance(background) < 0.18 else _BLACK
    for step in range(11):
        candidate = mix(colour, target, step / 10)
        if contrast(candidate, background) >= minimum:
            return candidate
    return QColor(target)


def muted_text(palette: QPalette | None = None, background: QColor | None = None) -> QColor:
    """Secondary text (the palette's placeholder colour) made readable."""
    palette = _palette(palette)
    background = background or palette.color(QPalette.ColorRole.Base)
    return toward_contrast(palette.color(QPalette.ColorRole.PlaceholderText), background)


def stage_badge(code: str | None, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """``(background, text)`` of a stage's badge: the stage's colour blended into the
    palette's base, with the text colour that reads on it."""
    palette = _palette(palette)
    base = palette.color(QPalette.ColorRole.Base)
    background = mix(base, labels.stage_colour(code), 0.45 if is_dark(palette) else 0.35)
    return background, readable_on(background, palette.color(QPalette.ColorRole.Text))


def warning_colours(palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """``(background, text)`` of a row that needs attention (an over-committed envelope)."""
    palette = _palette(palette)
    if is_dark(palette):
        background = mix(palette.color(QPalette.ColorRole.Base), QColor("#d32f2f"), 0.35)
    else:
        background = QColor("#f8d7da")
    return background, readable_on(background, palette.color(QPalette.ColorRole.Text))


def marked_day_colours(palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """``(background, text)`` of a calendar day that has events."""
    palette = _palette(palette)
    background = mix(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.3)
    return background, readable_on(background, palette.color(QPalette.ColorRole.Text))


def error_text(palette: QPalette | None = None) -> QColor:
    """A red that reads on the window's background."""
    palette = _palette(palette)
    background = palette.color(QPalette.ColorRole.Window)
    return toward_contrast(QColor("#ff8a80") if is_dark(palette) else QColor("#b00020"), background)


def paint_as_error(widget) -> None:
    """Give a label the error red of the palette in use (call when it is shown, so a
    change of scheme since the widget was built is followed)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, error_text(QGuiApplication.palette()))
    widget.setPalette(palette)
