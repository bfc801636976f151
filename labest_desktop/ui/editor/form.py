"""The project's fields as a form, with each validation message under its field."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Signal
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
from labest_desktop.domain.field_registry import PROJECT_FIELDS, FieldKind, FieldSpec
from labest_desktop.domain.fields import ProjectFields, validate
from labest_desktop.domain.text import split_list
from labest_desktop.domain.vocab import DEPARTMENTS, Stage, Status
from labest_desktop.ui import colours, labels
from labest_desktop.ui.editor.widgets import (
    AmountEdit,
    CountEdit,
    LinkEdit,
    ListCompleter,
    OptionalDateEdit,
    PartnersEdit,
    name_completer,
)


class _Binding(NamedTuple):
    """How the form edits one kind of field: its widget, reading, writing, and the
    signal that says it changed."""

    make: Callable[[ProjectForm, FieldSpec], QWidget]
    read: Callable[[QWidget], object]
    write: Callable[[QWidget, object], None]
    changed: Callable[[QWidget], object]


def _line(form: ProjectForm, spec: FieldSpec) -> QLineEdit:
    widget = QLineEdit(form)
    if spec.required and spec.max_length:
        widget.setMaxLength(spec.max_length + 50)  # longer text reaches the rule's message
    return widget


def _named(names: Callable[[ProjectForm], list[str]]):
    def make(form: ProjectForm, spec: FieldSpec) -> QLineEdit:
        widget = QLineEdit(form)
        widget.setCompleter(name_completer(names(form), widget))
        return widget
    return make


def _tags(form: ProjectForm, spec: FieldSpec) -> QLineEdit:
    widget = QLineEdit(form)
    widget.setPlaceholderText(QCoreApplication.translate("ProjectForm", "Themes separated by ;"))
    widget.setCompleter(ListCompleter(form.tag_names, widget))
    return widget


def _combo(items: Callable[[], list[tuple[str, object]]]):
    def make(form: ProjectForm, spec: FieldSpec) -> QComboBox:
        widget = QComboBox(form)
        for text, code in items():
            widget.addItem(text, code)
        return widget
    return make


def _long_text(form: ProjectForm, spec: FieldSpec) -> QPlainTextEdit:
    widget = QPlainTextEdit(form)
    widget.setTabChangesFocus(True)
    widget.setMinimumHeight(form.fontMetrics().lineSpacing() * 4)
    return widget


def _set_combo(widget: QComboBox, value: object) -> None:
    widget.setCurrentIndex(max(0, widget.findData(str(value) if value is not None else None)))


_TEXT = dict(read=QLineEdit.text, write=lambda w, v: w.setText(v or ""), changed=lambda w: w.textEdited)
_COMBO = dict(read=QComboBox.currentData, write=_set_combo, changed=lambda w: w.currentIndexChanged)

_BINDINGS: dict[FieldKind, _Binding] = {
    FieldKind.LINE: _Binding(_line, **_TEXT),
    FieldKind.ORGANISATION: _Binding(_named(lambda form: form.organisation_names), **_TEXT),
    FieldKind.ENVELOPE: _Binding(_named(lambda form: form.envelope_names), **_TEXT),
    FieldKind.ORGANISATIONS: _Binding(
        lambda form, spec: PartnersEdit(form.organisation_names, form),
        PartnersEdit.value, PartnersEdit.set_value, lambda w: w.changed,
    ),
    FieldKind.TAGS: _Binding(
        _tags, lambda w: tuple(split_list(w.text())), lambda w, v: w.setText("; ".join(v)), lambda w: w.textEdited
    ),
    FieldKind.STAGE: _Binding(
        _combo(lambda: [(labels.stage_label(code), code) for code in labels.stages()]),
        lambda w: Stage(w.currentData()), _set_combo, lambda w: w.currentIndexChanged,
    ),
    FieldKind.STATUS: _Binding(
        _combo(lambda: [(labels.status_label(code), code) for code in labels.statuses()]),
        lambda w: Status(w.currentData()), _set_combo, lambda w: w.currentIndexChanged,
    ),
    FieldKind.DEPARTMENT: _Binding(
        _combo(lambda: [("", None), *((labels.department_label(code), code) for code in DEPARTMENTS)]), **_COMBO
    ),
    FieldKind.DATE: _Binding(
        lambda form, spec: OptionalDateEdit(form), OptionalDateEdit.value, OptionalDateEdit.set_value,
        lambda w: w.dateChanged,
    ),
    FieldKind.AMOUNT: _Binding(
        lambda form, spec: AmountEdit(form), AmountEdit.value, AmountEdit.set_value, lambda w: w.textEdited
    ),
    FieldKind.COUNT: _Binding(
        lambda form, spec: CountEdit(form), CountEdit.value_or_none, CountEdit.set_value, lambda w: w.valueChanged
    ),
    FieldKind.URL: _Binding(
        lambda form, spec: LinkEdit(form), LinkEdit.text, lambda w, v: w.setText(v or ""), lambda w: w.textEdited
    ),
    FieldKind.LONG_TEXT: _Binding(
        _long_text, QPlainTextEdit.toPlainText, lambda w, v: w.setPlainText(v or ""), lambda w: w.textChanged
    ),
}


class ProjectForm(QWidget):
    """One widget per field of the registry, made by its kind and reachable as an
    attribute named after its key (``form.title``); the stage of a stored project is
    changed only through a stage decision, so it shows as a label and a button."""

    changed = Signal()
    stage_change_requested = Signal()

    def __init__(self, organisations: list[str], envelopes: list[str], tags: list[str], *,
                 new_project: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_project = new_project
        self.organisation_names, self.envelope_names, self.tag_names = organisations, envelopes, tags
        self.editors: dict[str, QWidget] = {}
        for spec in PROJECT_FIELDS:
            editor = _BINDINGS[spec.kind].make(self, spec)
            self.editors[spec.key] = editor
            setattr(self, spec.key, editor)
            if spec.kind is FieldKind.STAGE:  # made here: the tab order follows creation
                self.stage_key, self.stage_combo = spec.key, editor
                self.stage_label = QLabel(self)
                self.stage_button = QPushButton(self.tr("Move to &stage…"), self)
                self.stage_button.setAccessibleDescription(self.tr("Record a stage decision with its rationale"))
                self.stage_button.clicked.connect(self.stage_change_requested)
        self._stage = str(Stage.IDEATION)

        # The widget each field's label points at (and focus goes to on an error).
        self.widgets: dict[str, QWidget] = dict(self.editors)
        if not new_project:
            self.widgets[self.stage_key] = self.stage_button
        # Only one of the two stage widgets has a place in the form.
        self.stage_combo.setVisible(new_project)
        self.stage_button.setVisible(not new_project)
        self.stage_label.setVisible(not new_project)
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for index, (key, widget) in enumerate(self.widgets.items()):
            text = labels.field_label(key)
            if index == 0:
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
            if key == self.stage_key and not new_project:
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
        for spec in PROJECT_FIELDS:
            _BINDINGS[spec.kind].changed(self.editors[spec.key]).connect(lambda *_args: self.changed.emit())
        # A message shown under a field goes once the field is corrected (« Le titre est
        # obligatoire. » stayed after the title was filled).
        self.changed.connect(self._drop_corrected_errors)

    # --- values ----------------------------------------------------------------------

    def set_values(self, values: ProjectFields) -> None:
        self.blockSignals(True)
        for spec in PROJECT_FIELDS:
            _BINDINGS[spec.kind].write(self.editors[spec.key], getattr(values, spec.key))
        self.set_stage(str(getattr(values, self.stage_key)))
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
        typed: dict[str, object] = {}
        for spec in PROJECT_FIELDS:
            try:
                typed[spec.key] = _BINDINGS[spec.kind].read(self.editors[spec.key])
            except ValidationError as exc:
                errors.append(exc)
                typed[spec.key] = None
        if not self.new_project:
            typed[self.stage_key] = Stage(self._stage)
        values = ProjectFields(**typed).normalised()
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

