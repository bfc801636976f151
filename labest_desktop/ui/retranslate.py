"""Live language change: Qt sends ``QEvent.LanguageChange`` to every widget when the
translators change (Préférences); a widget built on this mixin then sets its texts
again in ``retranslate()``, keeping everything the user typed or selected."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslatable:
    """Mix into a ``QWidget`` subclass (before it) and implement ``retranslate()``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
