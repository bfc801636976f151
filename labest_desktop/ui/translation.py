"""Installing Qt's translators: Qt's own (qtbase_fr) first, then the application's."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from labest_desktop import messages
from labest_desktop.paths import data_dir, resource_path
from labest_desktop.ui import translations_build

logger = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> list[str]:
    """Load the translations for ``language`` (``fr`` or ``en``); returns what loaded.

    Called again at any time (Préférences): the previous translators are removed and
    Qt sends ``LanguageChange`` to every widget, which retranslates itself.
    English is the source language: only its plural forms ("%n project(s)") have a
    translation file, and Qt's own texts need none.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    messages.set_language(language)
    locale = QLocale(QLocale.Language.French, QLocale.Country.France) if language == "fr" else QLocale(
        QLocale.Language.English, QLocale.Country.UnitedKingdom
    )
    QLocale.setDefault(locale)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(translations_build.ensure_compiled(resource_path("translations"), data_dir() / "translations"))
    if language == "en":
        wanted = (("labest", ours),)
    else:
        # labest_views: the board, events, partners, funding and dashboard (issue 6).
        # qt_extra: Qt's own texts missing from the qtbase_fr that PySide6 ships.
        wanted = (("qtbase", qt_folder), ("qt_extra", ours), ("labest", ours), ("labest_views", ours))
    loaded = []
    for name, folder in wanted:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
        else:
            logger.warning("No %s translation for %s in %s", name, language, folder)
    return loaded
