"""The project's fields as a form, with each validation message under its field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.fields import TITLE_MAX, ProjectFields, validate
from labest_desktop.domain.text import split_list
from labest_desktop.domain.vocab import DEPARTMENTS, Stage, Status
from labest_desktop.ui import colours, labels
from labest_desktop.ui.editor.widgets import (
    AmountEdit,
    CountEdit,
    ListCompleter,
    OptionalDateEdit,
    PartnersEdit,
    name_completer,
)


class ProjectForm(QWidget):
    changed = Signal()
    stage_change_requested = Signal()

    def __init__(self, organisations: list[str], envelopes: list[str], tags: list[str], *,
                 new_project: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_project = new_project
        self.title = QLineEdit(self)
        self.title.setMaxLength(TITLE_MAX + 50)  # longer text reaches the rule's message
        self.stage_combo = QComboBox(self)
        for code in labels.stages():
            self.stage_combo.addItem(labels.stage_label(code), code)
        self.stage_label = QLabel(self)
        self.stage_button = QPushButton(self.tr("Move to &stage…"), self)
        self.stage_button.setAccessibleDescription(self.tr("Record a stage decision with its rationale"))
        self.stage_button.clicked.connect(self.stage_change_requested)
        self.status = QComboBox(self)
        for code in labels.statuses():
            self.status.addItem(labels.status_label(code), code)
        self.lead = QLineEdit(self)
        self.lead.setCompleter(name_completer(organisations, self.lead))
        self.partners = PartnersEdit(organisations, self)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("Themes separated by ;"))
        self.tags.setCompleter(ListCompleter(tags, self.tags))
        self.department = QComboBox(self)
        self.department.addItem("", None)
        for code in DEPARTMENTS:
            self.department.addItem(labels.department_label(code), code)
        self.contact = QLineEdit(self)
        self.start_date = OptionalDateEdit(self)
        self.end_date = OptionalDateEdit(self)
        self.budget = AmountEdit(self)
        self.funding = QLineEdit(self)
        self.funding.setCompleter(name_completer(envelopes, self.funding))
        self.users_involved = CountEdit(self)
        self.agents_involved = CountEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)

        self.widgets: dict[str, QWidget] = {
            "title": self.title,
            "stage": self.stage_combo if new_project else self.stage_button,
            "status": self.status,
            "lead": self.lead,
            "partners": self.partners,
            "tags": self.tags,
            "department": self.department,
            "contact": self.contact,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "budget": self.budget,
            "funding": self.funding,
            "users_involved": self.users_involved,
            "agents_involved": self.agents_involved,
            "description": self.description,
        }
        # Only one of the two stage widgets has a place in the form.
        self.stage_combo.setVisible(new_project)
        self.stage_button.setVisible(not new_project)
        self.stage_label.setVisible(not new_project)
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        mnemonics = {"title": "&", "status": "", "lead": "", "budget": "", "description": ""}
        for key, widget in self.widgets.items():
            text = labels.field_label(key)
            if key in mnemonics and mnemonics[key]:
                text = "&" + text
            label = QLabel(text + " :" if _french() else text + ":", self)
            widget.setAccessibleName(labels.field_label(key))
            error = QLabel(self)
            error.setObjectName(f"error_{key}")
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            if key == "stage" and not new_project:
                row = QHBoxLayout()
                row.addWidget(self.stage_label)
                row.addWidget(self.stage_button)
                row.addStretch(1)
                column.addLayout(row)
            else:
                column.addWidget(widget)
            column.addWidget(error)
            label.setBuddy(widget)
            form.addRow(label, cell)
        for widget in (self.title, self.lead, self.tags, self.contact, self.budget, self.funding):
            widget.textEdited.connect(lambda _t: self.changed.emit())
        for widget in (self.status, self.department, self.stage_combo):
            widget.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for widget in (self.start_date, self.end_date):
            widget.dateChanged.connect(lambda _d: self.changed.emit())
        # A message shown under a field goes once the field is corrected (« Le titre est
        # obligatoire. » stayed after the title was filled).
        self.changed.connect(self._drop_corrected_errors)
        for widget in (self.users_involved, self.agents_involved):
            widget.valueChanged.connect(lambda _v: self.changed.emit())
        self.description.textChanged.connect(self.changed)
        self.partners.changed.connect(self.changed)

    # --- values ----------------------------------------------------------------------

    def set_values(self, values: ProjectFields) -> None:
        self.blockSignals(True)
        self.title.setText(values.title)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(str(values.stage))))
        self.set_stage(str(values.stage))
        self.status.setCurrentIndex(max(0, self.status.findData(str(values.status))))
        self.lead.setText(values.lead or "")
        self.partners.set_value(values.partners)
        self.tags.setText("; ".join(values.tags))
        self.department.setCurrentIndex(max(0, self.department.findData(values.department)))
        self.contact.setText(values.contact or "")
        self.start_date.set_value(values.start_date)
        self.end_date.set_value(values.end_date)
        self.budget.set_value(values.budget)
        self.funding.setText(values.funding or "")
        self.users_involved.set_value(values.users_involved)
        self.agents_involved.set_value(values.agents_involved)
        self.description.setPlainText(values.description or "")
        self.blockSignals(False)
        self.clear_errors()

    def set_stage(self, stage: str) -> None:
        self._stage = stage
        colour = labels.stage_colour(stage).name()
        self.stage_label.setText(f"<span style='color:{colour}'>■</span> <b>{labels.stage_label(stage)}</b>")
        self.stage_label.setAccessibleName(labels.field_label("stage") + " : " + labels.stage_label(stage))

    def values(self) -> tuple[ProjectFields, list[ValidationError]]:
        """The fields as typed and every rule they break (parse errors included)."""
        errors: list[ValidationError] = []
        try:
            budget = self.budget.value()
        except ValidationError as exc:
            errors.append(exc)
            budget = None
        stage = self.stage_combo.currentData() if self.new_project else self._stage
        values = ProjectFields(
            title=self.title.text(),
            stage=Stage(stage),
            status=Status(self.status.currentData()),
            lead=self.lead.text(),
            partners=self.partners.value(),
            tags=tuple(split_list(self.tags.text())),
            department=self.department.currentData(),
            contact=self.contact.text(),
            start_date=self.start_date.value(),
            end_date=self.end_date.value(),
            budget=budget,
            funding=self.funding.text(),
            users_involved=self.users_involved.value_or_none(),
            agents_involved=self.agents_involved.value_or_none(),
            description=self.description.toPlainText(),
        ).normalised()
        errors.extend(validate(values))
        return values, errors

    # --- errors ----------------------------------------------------------------------

    def _drop_corrected_errors(self) -> None:
        shown = [key for key, label in self.errors.items() if not label.isHidden()]
        if not shown:
            return
        _values, errors = self.values()
        still = {error.field if error.field in self.errors else "title" for error in errors}
        for key in shown:
            if key not in still:
                self.errors[key].clear()
                self.errors[key].hide()
                self.widgets[key].setAccessibleDescription("")

    def clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear()
            label.hide()
            self.widgets[key].setAccessibleDescription("")

    def show_errors(self, errors: list[ValidationError]) -> None:
        """Each message under its field; focus goes to the first field in error."""
        self.clear_errors()
        first = None
        for error in errors:
            key = error.field if error.field in self.errors else "title"
            label = self.errors[key]
            label.setText((label.text() + "\n" if label.text() else "") + error.message)
            colours.paint_as_error(label)
            label.show()
            self.widgets[key].setAccessibleDescription(label.text())
            if first is None:
                first = self.widgets[key]
        if first is not None:
            first.setFocus()

    def error_text(self, key: str) -> str:
        return self.errors[key].text() if key in self.errors else ""


def _french() -> bool:
    from labest_desktop import messages

    return messages.language() == "fr"

