"""The first screen on an empty database: the office's identity (first start only),
then create, import or load the demo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.errors import LabestError
from labest_desktop.ui.retranslate import Retranslatable


class WelcomePanel(Retranslatable, QWidget):
    create_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, database_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.workspace = None  # set by ask_office(); None: the office is known
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)  # relative: follows the system's size
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.intro = self._paragraph()
        self.database_label = self._paragraph(database_text)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # First start only: who this office is (the code begins every reference).
        self.office_box = QWidget(self)
        self.office_intro = self._paragraph()
        self.office_name = QLineEdit(self.office_box)
        self.office_name.setObjectName("welcomeOfficeName")
        self.office_code = QLineEdit(self.office_box)
        self.office_code.setObjectName("welcomeOfficeCode")
        self.office_code.setMaxLength(12)
        self.office_code.textEdited.connect(self._show_example)
        self.office_name_label = QLabel(self.office_box)
        self.office_name_label.setBuddy(self.office_name)
        self.office_code_label = QLabel(self.office_box)
        self.office_code_label.setBuddy(self.office_code)
        self.office_error = self._paragraph()
        self.office_error.setObjectName("welcomeOfficeError")
        self.office_error.setStyleSheet("color: palette(highlight); font-weight: bold;")
        self.office_error.hide()
        form = QFormLayout(self.office_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.office_intro)
        form.addRow(self.office_name_label, self.office_name)
        form.addRow(self.office_code_label, self.office_code)
        form.addRow(self.office_error)
        self.office_box.hide()

        self.create_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.demo_button = QPushButton(self)
        self.create_button.clicked.connect(lambda: self._go(self.create_requested, needs_office=True))
        self.import_button.clicked.connect(lambda: self._go(self.import_requested, needs_office=True))
        self.demo_button.clicked.connect(lambda: self._go(self.demo_requested, needs_office=False))

        self.box = QWidget(self)
        self.box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(self.box)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.office_box)
        column.addWidget(self.create_button)
        column.addWidget(self.import_button)
        column.addWidget(self.demo_button)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.database_label)
        # Stretches around the box rather than an alignment flag: aligned widgets are
        # given their size hint, which ignores the wrapped paragraphs' real height
        # (the introduction was clipped and overlapped the title).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.box, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate()

    def _paragraph(self, text: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    def ask_office(self, workspace, known: bool) -> None:
        """Show the office fields when this database has no office yet."""
        self.workspace = None if known else workspace
        self.office_box.setVisible(not known)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Lab'EST Desktop"))
        self.intro.setText(self.tr(
            "The portfolio is empty. Start by creating a first project, import a workbook "
            "sent by another office, or explore the application with a sample portfolio."
        ))
        self.office_name_label.setText(self.tr("Office &name:"))
        self.office_code_label.setText(self.tr("Office co&de:"))
        self.office_name.setPlaceholderText(self.tr("e.g. Prefecture of Bas-Rhin"))
        self.office_code.setPlaceholderText(self.tr("e.g. PREF67"))
        self.office_name.setAccessibleName(self.tr("Office name"))
        self.office_code.setAccessibleName(self.tr("Office code"))
        self._show_example()
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

    def _show_example(self, *_args) -> None:
        code = self.office_code.text().strip().upper() or "PREF67"
        self.office_intro.setText(self.tr(
            "First, who is this office? Its code begins the reference of every project created "
            "here (%1-2026-0001) and its name is written in exports and PDF sheets. Both can be "
            "changed later in Preferences."
        ).replace("%1", code))

    def _go(self, signal, needs_office: bool) -> None:
        if self.workspace is not None and (needs_office or self.office_code.text().strip()):
            from labest_desktop.services import office

            try:
                office.set_identity(self.workspace, self.office_name.text(), self.office_code.text())
            except LabestError as exc:
                self.office_error.setText(exc.message)
                self.office_error.show()
                bad_code = exc.params.get("field") == office.OFFICE_CODE
                (self.office_code if bad_code else self.office_name).setFocus()
                return
            self.office_error.hide()
            self.ask_office(None, known=True)
        signal.emit()

    def _fit_width(self) -> None:
        # About eighty characters wide at any font size, never a fixed number of pixels.
        self.box.setMaximumWidth(self.fontMetrics().averageCharWidth() * 80)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
