"""The board (Tableau): one column per stage, a card per project.

Each column is a list view over a small model holding one window of cards at a
time (``PAGE`` more with « Show more »), painted by a delegate: no widget per card,
so a portfolio of 10,000 projects stays responsive. Dropping a card on another
column, or the keyboard's « Move to… » actions on the selected card, record a stage
decision with a rationale through :mod:`labest_desktop.services.board`, pushed on the
window's undo stack (undo = a reverse decision).
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.errors import LabestError
from labest_desktop.domain.vocab import Stage
from labest_desktop.services import board, stage_moves
from labest_desktop.services.changes import EVERYTHING, Changes
from labest_desktop.ui import colours, labels
from labest_desktop.ui.mnemonics import mnemonic_of, with_mnemonics
from labest_desktop.ui.retranslate import Retranslatable
from labest_desktop.ui.undo_commands import StageMoveCommand
from labest_desktop.ui.views import view_errors
from labest_desktop.ui.views.base import BackgroundRead, View

logger = logging.getLogger(__name__)

MIME_TYPE = "application/x-labest-card"
PAGE = 100
CARD_ROLE = Qt.ItemDataRole.UserRole + 1  # the board.Card
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class RationaleDialog:
    """Why a project changes stage: the editor's own stage dialog, with the target
    already chosen (one dialog for every stage move); ``ask`` is what views call
    (tests replace it)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, from_stage: str, to_stage: str) -> str | None:
        from labest_desktop.ui.dialogs.prompts import StageDialog

        chosen = StageDialog.ask(parent, from_stage, target=to_stage, title=title)
        if chosen is None:
            return None
        stage, rationale = chosen
        return rationale if stage == to_stage else None


class CardModel(QAbstractListModel):
    """One column: the cards of a stage loaded so far, in windows of ``PAGE``."""

    drop_requested = Signal(int, str)  # project id, target stage

    def __init__(self, stage: str, parent=None) -> None:
        super().__init__(parent)
        self.stage = stage
        self._cards: list[board.Card] = []
        self.total = 0

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.reference} – {card.title}"
        if role == Qt.ItemDataRole.ToolTipRole or role == Qt.ItemDataRole.AccessibleTextRole:
            days = card.days_in_stage()
            # self.tr with a count: lupdate marks it as a plural (QCoreApplication.translate it does not).
            return card_description(card, self.tr("%n day(s) in this stage", "", days) if days is not None else "")
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def set_cards(self, cards: list[board.Card], total: int) -> None:
        if total == self.total and cards == self._cards:
            return  # the same cards (another column moved): nothing to lay out or paint again
        self.beginResetModel()
        self._cards = list(cards)
        self.total = total
        self.endResetModel()

    def append_cards(self, cards: list[board.Card]) -> None:
        if not cards:
            return
        self.beginInsertRows(QModelIndex(), len(self._cards), len(self._cards) + len(cards) - 1)
        self._cards.extend(cards)
        self.endInsertRows()

    def loaded(self) -> int:
        return len(self._cards)

    def row_of(self, project_id: int) -> int:
        for row, card in enumerate(self._cards):
            if card.id == project_id:
                return row
        return -1

    # Drag and drop: copy only, the column is reloaded from the database after the
    # decision is recorded (a refused or cancelled move leaves the cards untouched).
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        ids = [self._cards[i.row()].id for i in indexes if i.isValid()]
        mime.setData(MIME_TYPE, QByteArray(json.dumps({"ids": ids, "stage": self.stage}).encode()))
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if not data.hasFormat(MIME_TYPE):
            return False
        return json.loads(bytes(data.data(MIME_TYPE)).decode()).get("stage") != self.stage

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        for project_id in json.loads(bytes(data.data(MIME_TYPE)).decode())["ids"]:
            self.drop_requested.emit(int(project_id), self.stage)
        return False  # nothing inserted here; the reload shows the result


def card_description(card: board.Card, days_text: str = "") -> str:
    """The card in one sentence (tooltip, screen readers); ``days_text`` says how
    long it has been in its stage."""
    parts = [
        card.title,
        card.reference,
        labels.status_label(card.status),
        card.lead or "",
        labels.department_label(card.department),
        days_text,
    ]
    return " · ".join(p for p in parts if p)


class CardDelegate(QStyledItemDelegate):
    """Paints a card: title, reference and status, lead and department, days in stage."""

    MARGIN = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(metrics.averageCharWidth() * 30, metrics.lineSpacing() * 4 + self.MARGIN * 3)

    @staticmethod
    def colours(palette: QPalette, selected: bool) -> tuple[QColor, QColor, QColor]:
        """``(background, text, secondary text)`` of a card, each text readable on the
        background with a light or a dark palette."""
        if selected:
            background = palette.color(QPalette.ColorRole.Highlight)
            text = colours.readable_on(background, palette.color(QPalette.ColorRole.HighlightedText))
            return background, text, text
        background = palette.color(QPalette.ColorRole.Base)
        return background, colours.readable_on(background, palette.color(QPalette.ColorRole.Text)), \
            colours.muted_text(palette, background)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        card: board.Card = index.data(CARD_ROLE)
        if card is None:
            return
        painter.save()
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        background, text, muted = self.colours(palette, selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 5, 5)
        stripe = QRect(rect.left(), rect.top(), 5, rect.height())
        painter.fillRect(stripe, labels.stage_colour(card.stage))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight).darker(150), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 5, 5)
        inner = rect.adjusted(self.MARGIN + 5, self.MARGIN - 2, -self.MARGIN, -self.MARGIN)
        line = QFontMetrics(option.font).lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setPen(text)
        painter.setFont(bold)
        fm_bold = QFontMetrics(bold)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm_bold.elidedText(card.title, Qt.TextElideMode.ElideRight, inner.width()))
        painter.setFont(option.font)
        fm = QFontMetrics(option.font)
        days = card.days_in_stage()
        days_text = self.tr("%n day(s)", "", days) if days is not None else ""
        rows = [
            (f"{card.reference} · {labels.status_label(card.status)}", days_text),
            (card.lead or "—", ""),
            (labels.department_label(card.department) or "—", ""),
        ]
        for n, (left, right) in enumerate(rows, start=1):
            area = QRect(inner.left(), inner.top() + n * line, inner.width(), line)
            painter.setPen(text if n == 1 else muted)
            right_width = fm.horizontalAdvance(right) + 6 if right else 0
            painter.drawText(area.adjusted(0, 0, -right_width, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(left, Qt.TextElideMode.ElideRight, area.width() - right_width))
            if right:
                painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
        painter.restore()


class CardKeys(QObject):
    """Delivers the card actions' shortcuts as key presses on the column itself, so
    they work whenever the column has focus (Qt's shortcut map needs an active
    window and would otherwise let the list's own arrow-key handling win)."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            pressed = QKeySequence(event.keyCombination())
            for action in watched.actions():
                if not action.shortcut().isEmpty() and action.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                    event.accept()
                    if event.type() == QEvent.Type.KeyPress:
                        action.trigger()
                    return True
        return False


class BoardColumn(Retranslatable, QWidget):
    """Header with the count, the cards, and « Show more » when cards remain."""

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.model = CardModel(stage, self)
        self.header = QLabel()
        self.header.setObjectName("boardColumnHeader")
        font = self.header.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header.setFont(font)
        colour = labels.STAGE_COLOURS.get(stage, "#888888")
        self.header.setStyleSheet(f"border-bottom: 4px solid {colour}; padding: 4px;")
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._keys = CardKeys(self)
        self.view.installEventFilter(self._keys)
        self.more = QPushButton()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.more)
        self.header.setBuddy(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.view.setAccessibleName(labels.stage_label(self.stage))
        self.more.setAccessibleName(self.tr("Show more cards"))
        self.update_header()
        self.view.viewport().update()  # statuses and day counts painted in the new language

    def update_header(self) -> None:
        self.header.setText(f"{labels.stage_label(self.stage)} ({self.model.total})")
        self.header.setAccessibleName(
            self.tr("%1: %n project(s)", "", self.model.total).replace("%1", labels.stage_label(self.stage))
        )
        remaining = self.model.total - self.model.loaded()
        self.more.setVisible(remaining > 0)
        self.more.setText(self.tr("Show more (%n remaining)", "", remaining))

    def selected_card(self) -> board.Card | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return index.data(CARD_ROLE)


class BoardView(View):
    """The Tableau view. ``open_project`` asks the window to open a project's editor."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("boardView")
        self._total = 0
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # Counts and cards are read off the window's thread (on a server whose cache
        # is cold, a column's first window took 0.5 s): the board keeps its cards,
        # with « updating… », until the new ones arrive.
        self.updating = QLabel()
        self.updating.setObjectName("boardUpdating")
        self.updating.hide()
        self._reader = BackgroundRead(self, self._read, self._cards_in, self.updating.setVisible)
        self._select_after: int | None = None  # a card moved: selected once read in its new column
        self.columns: dict[str, BoardColumn] = {}
        row = QHBoxLayout()
        for stage in Stage:
            column = BoardColumn(str(stage), self)
            column.model.drop_requested.connect(self.request_move)
            column.more.clicked.connect(lambda _=False, s=str(stage): self.show_more(s))
            column.view.doubleClicked.connect(lambda index: self.open_project.emit(index.data(ID_ROLE)))
            self._add_actions(column)
            self.columns[str(stage)] = column
            row.addWidget(column, 1)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.updating, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(row, 1)
        context.filter_state.changed.connect(lambda _f: self.filter_changed())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Board"))
        self.updating.setText(self.tr("updating…"))
        self._show_summary()
        for column in self.columns.values():
            column.next_action.setText(self.tr("Move to &next stage…"))
            column.previous_action.setText(self.tr("Move to &previous stage…"))
            column.open_action.setText(self.tr("&Open the project"))
            taken = [mnemonic_of(a.text()) for a in (column.next_action, column.previous_action, column.open_action)]
            targets = list(column.move_actions)
            names = with_mnemonics([labels.stage_label(stage) for stage in targets], taken)
            for stage, name in zip(targets, names, strict=True):
                column.move_actions[stage].setText(self.tr("Move to %1…").replace("%1", name))

    def _show_summary(self) -> None:
        if self._total == 0:
            # An empty board says why and what to do, as the lists do.
            if self.context.filter_state.filter.is_empty():
                self.summary.setText(self.tr("No project on the board yet. Create one (Ctrl+N) or import a "
                                             "workbook (Ctrl+I): its card appears in its stage's column."))
            else:
                self.summary.setText(self.tr("No project on the board under these filters. Remove a filter "
                                             "chip above, or clear them all."))
            return
        self.summary.setText(
            self.tr("%n project(s) on the board. Drag a card to another column, or select it and press "
                    "Ctrl+Shift+→ / Ctrl+Shift+← (or use its context menu), to record a stage decision.", "",
                    self._total)
        )

    # Keyboard: the same move as a drag, on the selected card.
    def _add_actions(self, column: BoardColumn) -> None:
        following = QAction(column.view)
        following.setShortcut(QKeySequence("Ctrl+Shift+Right"))
        following.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        following.triggered.connect(lambda: self.move_selected(column, +1))
        previous = QAction(column.view)
        previous.setShortcut(QKeySequence("Ctrl+Shift+Left"))
        previous.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        previous.triggered.connect(lambda: self.move_selected(column, -1))
        column.view.addAction(following)
        column.view.addAction(previous)
        column.next_action, column.previous_action = following, previous
        column.move_actions = {}
        for stage in Stage:
            if str(stage) == column.stage:
                continue
            action = QAction(column.view)
            action.triggered.connect(lambda _=False, s=str(stage), c=column: self._move_card(c.selected_card(), s))
            column.view.addAction(action)
            column.move_actions[str(stage)] = action
        opener = QAction(column.view)
        column.open_action = opener
        opener.setShortcut(QKeySequence(Qt.Key.Key_Return))
        opener.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        opener.triggered.connect(lambda: column.selected_card() and self.open_project.emit(column.selected_card().id))
        column.view.addAction(opener)

    def move_selected(self, column: BoardColumn, step: int) -> None:
        order = [str(s) for s in Stage]
        target = order.index(column.stage) + step
        if 0 <= target < len(order):
            self._move_card(column.selected_card(), order[target])

    def context_menu_for(self, column: BoardColumn) -> QMenu:
        menu = QMenu(self)
        menu.addActions(column.view.actions())
        return menu

    def request_move(self, project_id: int, to_stage: str) -> None:
        try:
            card = board.card(self.context.workspace, project_id)
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        self._move_card(card, to_stage)

    def _move_card(self, card: board.Card | None, to_stage: str) -> None:
        if card is None or card.stage == to_stage:
            return
        rationale = RationaleDialog.ask(self, card.title, card.stage, to_stage)
        if not rationale:
            return
        try:
            done = stage_moves.move(self.context.workspace, card.id, to_stage, rationale, card.version)
        except LabestError as exc:
            view_errors.show_error(self, exc)
            self.refresh()
            return
        self.context.undo_stack.push(StageMoveCommand(self.context, done, lambda exc: view_errors.show_error(self, exc)))
        self._select_after = card.id
        self.context.publish(done.changes)

    def select_project(self, project_id: int) -> None:
        for column in self.columns.values():
            row = column.model.row_of(project_id)
            if row >= 0:
                column.view.setCurrentIndex(column.model.index(row))
                column.view.setFocus()
                return

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        """Read the counts and the cards loaded in every column again, in the
        background (``is_updating`` tells whether a read is under way)."""
        self._reader.start()

    def is_updating(self) -> bool:
        return self._reader.running

    def _read(self):
        ws, flt = self.context.workspace, self.context.filter_state.filter
        loaded = {stage: max(PAGE, column.model.loaded()) for stage, column in self.columns.items()}
        return lambda: board.read_board(ws, flt, loaded)

    def _cards_in(self, read) -> None:
        counts, cards = read
        wanted = self._select_after
        if not self._reader.running:  # else a newer read follows: the moved card is selected then
            self._select_after = None
        for stage, column in self.columns.items():
            current = column.selected_card()
            column.model.set_cards(cards.get(stage, []), counts.get(stage, 0))
            column.update_header()
            if current is not None and column.model.row_of(current.id) >= 0:
                column.view.setCurrentIndex(column.model.index(column.model.row_of(current.id)))
        if wanted is not None:
            self.select_project(wanted)
        self._total = sum(counts.values())
        self._show_summary()

    def show_more(self, stage: str) -> None:
        column = self.columns[stage]
        last = column.model.index(column.model.loaded() - 1).data(CARD_ROLE) if column.model.loaded() else None
        cards = board.cards(self.context.workspace, stage, self.context.filter_state.filter, limit=PAGE, after=last)
        column.model.append_cards(cards)
        column.update_header()
