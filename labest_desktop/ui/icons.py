"""The application's icon, drawn from its SVG so it stays sharp at any scale
(high-DPI screens, 200 % scaling), with the 256 px PNG where Qt cannot read SVG."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from labest_desktop.paths import resource_path


def application_icon() -> QIcon:
    icon = QIcon(str(resource_path("icons") / "labest.svg"))
    if icon.pixmap(QSize(64, 64)).isNull():  # no SVG icon engine in this Qt
        icon = QIcon(str(resource_path("icons") / "labest.png"))
    return icon
