"""The first screen on an empty database: create, import or load the demo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from labest_desktop.ui.retranslate import Retranslatable


class WelcomePanel(Retranslatable, QWidget):
    create_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, database_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)  # relative: follows the system's size
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.database_label = QLabel(database_text, self)
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.demo_button = QPushButton(self)
        for button, signal in (
            (self.create_button, self.create_requested),
            (self.import_button, self.import_requested),
            (self.demo_button, self.demo_requested),
        ):
            button.clicked.connect(signal)
        self.box = QWidget(self)
        column = QVBoxLayout(self.box)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.create_button)
        column.addWidget(self.import_button)
        column.addWidget(self.demo_button)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.database_label)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Lab'EST Desktop"))
        self.intro.setText(self.tr(
            "The portfolio is empty. Start by creating a first project, import a workbook "
            "sent by another office, or explore the application with a sample portfolio."
        ))
        for button, text, description in (
            (self.create_button, self.tr("&Create a project"), self.tr("Create a first project")),
            (self.import_button, self.tr("&Import a workbook…"), self.tr("Import an .xlsx, .ods or .csv workbook")),
            (self.demo_button, self.tr("Load the &demo sample"), self.tr("Fill the database with sample projects")),
        ):
            button.setText(text)
            button.setAccessibleDescription(description)
            button.setMinimumHeight(0)
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
        self._fit_width()

    def _fit_width(self) -> None:
        # About eighty characters wide at any font size, never a fixed number of pixels.
        self.box.setMaximumWidth(self.fontMetrics().averageCharWidth() * 80)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
