"""The first screen on an empty database: create, import or load the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    create_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, database_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        title = QLabel(self.tr("Welcome to Lab'EST Desktop"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "The portfolio is empty. Start by creating a first project, import a workbook "
                "sent by another office, or explore the application with a sample portfolio."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.database_label = QLabel(database_text, self)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QPushButton(self.tr("&Create a project"), self)
        self.import_button = QPushButton(self.tr("&Import a workbook…"), self)
        self.demo_button = QPushButton(self.tr("Load the &demo sample"), self)
        for button, signal, description in (
            (self.create_button, self.create_requested, self.tr("Create a first project")),
            (self.import_button, self.import_requested, self.tr("Import an .xlsx, .ods or .csv workbook")),
            (self.demo_button, self.demo_requested, self.tr("Fill the database with sample projects")),
        ):
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            button.setAccessibleDescription(description)
            button.clicked.connect(signal)
        box = QWidget(self)
        box.setMaximumWidth(560)
        column = QVBoxLayout(box)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(12)
        column.addWidget(self.create_button)
        column.addWidget(self.import_button)
        column.addWidget(self.demo_button)
        column.addSpacing(12)
        column.addWidget(self.database_label)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
