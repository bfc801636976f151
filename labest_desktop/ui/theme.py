"""Light or dark: the system's colour scheme by default, or the one chosen in
Préférences.

Qt follows the system's scheme by itself where the platform reports it (Windows,
macOS, GNOME and KDE through their platform themes): the palette changes and every
widget repaints, and our colours are derived from the palette (``colours``). When
the user asks for a scheme the platform cannot give (an X11 session without a
platform theme, for instance), the window gets Fusion with a palette of that scheme.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from labest_desktop.ui import colours

logger = logging.getLogger(__name__)

SYSTEM, LIGHT, DARK = "system", "light", "dark"
CHOICES = (SYSTEM, LIGHT, DARK)

_own_palette = False  # whether the palette in use is one set here (to undo for SYSTEM)
_platform_style: str | None = None  # the style before ours was set


class ReadableIndicators(QProxyStyle):
    """Fusion, with the frame of check boxes and radio buttons drawn again: Fusion
    draws it a shade darker than the window, about 2:1 on white and invisible on a
    dark palette. The frame gets a colour with 3:1 contrast (WCAG, non-text)."""

    FRAMED = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton,
              QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def subElementRect(self, element, option, widget=None):
        rect = super().subElementRect(element, option, widget)
        if element == QStyle.SubElement.SE_TabBarTabText:
            # The label is clipped to this rectangle, which ends at the top of a
            # capital: the accent of « É » was cut on unselected tabs (« Evénements »).
            room = option.fontMetrics.height() // 3
            rect = rect.adjusted(0, -room, 0, room)
        return rect

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self.FRAMED:
            return
        palette = option.palette
        # On the list (Base) as on the window around a lone check box (Window).
        frame = colours.toward_contrast(palette.color(QPalette.ColorRole.Mid), palette.color(QPalette.ColorRole.Base), 3.0)
        frame = colours.toward_contrast(frame, palette.color(QPalette.ColorRole.Window), 3.0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(frame, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRect(rect)
        painter.restore()


def dark_palette() -> QPalette:
    """A dark palette for Fusion; every text/background pair reaches WCAG AA."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, value in {
        roles.Window: "#2b2b2e", roles.WindowText: "#e8e8e8", roles.Base: "#1e1e20",
        roles.AlternateBase: "#27272a", roles.ToolTipBase: "#3a3a3e", roles.ToolTipText: "#f0f0f0",
        roles.PlaceholderText: "#a0a0a6", roles.Text: "#e8e8e8", roles.Button: "#38383c",
        roles.ButtonText: "#e8e8e8", roles.BrightText: "#ff8a80", roles.Light: "#4a4a50",
        roles.Midlight: "#404045", roles.Mid: "#5a5a60", roles.Dark: "#19191b", roles.Shadow: "#000000",
        roles.Highlight: "#2f65a8", roles.HighlightedText: "#ffffff", roles.Link: "#7ab8ff",
        roles.LinkVisited: "#c0a8ff", roles.Accent: "#2f65a8",
    }.items():
        palette.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#808086"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Highlight, QColor("#4a4a50"))
    return palette


def light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


def current_is_dark() -> bool:
    return colours.is_dark(QApplication.palette())


def _give_back(app: QApplication) -> None:
    """Undo what ``apply`` set: the platform's style and palette again."""
    global _own_palette, _platform_style
    if _platform_style is not None:
        app.setStyle(_platform_style)
        _platform_style = None
    if _own_palette:
        app.setPalette(QPalette())  # an empty palette: back to the style's and platform's
        _own_palette = False


def _readable_fusion(app: QApplication) -> None:
    global _platform_style
    if not isinstance(app.style(), ReadableIndicators):
        _platform_style = app.style().name()
        app.setStyle(ReadableIndicators())


def apply(app: QApplication, choice: str) -> None:
    """Follow the system (``system``) or ask for ``light`` / ``dark``. Fusion (the
    usual style on Linux, and the one used when the platform cannot give the scheme
    asked for) gets check boxes whose frames can be seen."""
    global _own_palette
    if choice not in CHOICES:
        choice = SYSTEM
    hints = app.styleHints()
    _give_back(app)
    if choice == SYSTEM:
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        QCoreApplication.processEvents()
    else:
        wanted_dark = choice == DARK
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(Qt.ColorScheme.Dark if wanted_dark else Qt.ColorScheme.Light)
            QCoreApplication.processEvents()
        if current_is_dark() != wanted_dark:
            logger.info("The platform did not switch to %s: Fusion with its own palette", choice)
            _readable_fusion(app)
            app.setPalette(dark_palette() if wanted_dark else light_palette())
            _own_palette = True
    if app.style().name().lower() == "fusion":
        _readable_fusion(app)
