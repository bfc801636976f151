"""Funding envelopes: what was allocated, what the projects on each commit (sum of
their budgets) and what remains."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import func, select

from labest_desktop import messages
from labest_desktop.domain.errors import NotFoundError, StaleEditError, ValidationError
from labest_desktop.domain.fields import BUDGET_MAX, CENT
from labest_desktop.domain.models import FundingEnvelope, Project
from labest_desktop.domain.text import fold
from labest_desktop.services.project_query import ProjectFilter, apply_filter
from labest_desktop.services.workspace import Workspace

NAME_MAX = 200
ZERO = Decimal("0.00")

# A frozen dataclass: safe to share as a default.
ALL_PROJECTS = ProjectFilter()


@dataclass(frozen=True)
class EnvelopeRow:
    id: int
    name: str
    origin: str | None
    allocated: Decimal | None
    committed: Decimal
    projects: int

    @property
    def remaining(self) -> Decimal | None:
        return None if self.allocated is None else self.allocated - self.committed

    @property
    def over_committed(self) -> bool:
        return self.allocated is not None and self.committed > self.allocated

    @property
    def used_ratio(self) -> float | None:
        if not self.allocated:
            return None
        return float(self.committed / self.allocated)


def _amount(value) -> Decimal:
    # SUM() keeps the Money type, so the cents come back as euros; NULL when no budget.
    return ZERO if value is None else Decimal(value).quantize(CENT)


def envelopes(ws: Workspace, flt: ProjectFilter = ALL_PROJECTS) -> list[EnvelopeRow]:
    """Every envelope with the budgets committed by the projects under ``flt``
    (deleted projects never count)."""
    committed = apply_filter(
        select(
            Project.funding_envelope_id.label("eid"),
            func.sum(Project.budget).label("total"),
            func.count(Project.id).label("n"),
        ),
        flt,
        ws.database.dialect,
    ).where(Project.funding_envelope_id.is_not(None)).group_by(Project.funding_envelope_id).subquery()
    statement = (
        select(
            FundingEnvelope.id,
            FundingEnvelope.name,
            FundingEnvelope.origin,
            FundingEnvelope.allocated,
            committed.c.total,
            func.coalesce(committed.c.n, 0),
        )
        .outerjoin(committed, committed.c.eid == FundingEnvelope.id)
        .order_by(FundingEnvelope.name_key)
    )
    with ws.reading() as session:
        return [
            EnvelopeRow(eid, name, origin, allocated, _amount(total), n)
            for eid, name, origin, allocated, total, n in session.execute(statement)
        ]


def _check(name: str, allocated: Decimal | None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "funding.name_required")
    if len(name) > NAME_MAX:
        raise ValidationError("name", "rule.too_long", limit=NAME_MAX, length=len(name))
    if allocated is not None and (allocated < 0 or allocated > BUDGET_MAX or allocated != allocated.quantize(CENT)):
        raise ValidationError("allocated", "funding.allocated_invalid", value=allocated)
    return name


def create_envelope(ws: Workspace, name: str, origin: str | None, allocated: Decimal | None) -> int:
    name = _check(name, allocated)
    with ws.unit_of_work() as uow:
        if uow.session.scalar(select(FundingEnvelope.id).where(FundingEnvelope.name_key == fold(name))):
            raise ValidationError("name", "funding.name_taken", name=name)
        envelope = FundingEnvelope(name=name, name_key=fold(name), origin=(origin or "").strip() or None, allocated=allocated)
        uow.session.add(envelope)
        uow.session.flush()
        uow.commit()
        return envelope.id


def update_envelope(
    ws: Workspace, envelope_id: int, name: str, origin: str | None, allocated: Decimal | None, *, read: EnvelopeRow
) -> EnvelopeRow:
    """Save the envelope as edited from ``read`` (the row the user was shown): if
    another person changed its name, origin or amount since, nothing is written and
    the save is refused as stale (envelopes carry no version number: what was read
    is the version). Returns ``read`` as it now is, for the next save."""
    name = _check(name, allocated)
    with ws.unit_of_work() as uow:
        envelope = uow.session.get(FundingEnvelope, envelope_id)
        if envelope is None:
            raise NotFoundError(what=messages.text("what.envelope"), ident=envelope_id)
        if (envelope.name, envelope.origin, envelope.allocated) != (read.name, read.origin, read.allocated):
            raise StaleEditError("error.stale_named", title=read.name)
        other = uow.session.scalar(select(FundingEnvelope.id).where(FundingEnvelope.name_key == fold(name)))
        if other is not None and other != envelope_id:
            raise ValidationError("name", "funding.name_taken", name=name)
        envelope.name, envelope.name_key = name, fold(name)
        envelope.origin = (origin or "").strip() or None
        envelope.allocated = allocated
        uow.commit()
        return replace(read, name=envelope.name, origin=envelope.origin, allocated=envelope.allocated)


messages.register(
    {
        "what.envelope": ("Enveloppe de financement", "Funding envelope"),
        "funding.name_required": ("Le nom de l'enveloppe est obligatoire.", "The envelope's name is required."),
        "funding.name_taken": ("Une enveloppe porte déjà ce nom : « {name} ».", "An envelope already has this name: “{name}”."),
        "funding.allocated_invalid": (
            "Montant alloué invalide ({value}) : un montant positif en euros, au centime près.",
            "Invalid allocated amount ({value}): a positive amount in euros, to the cent.",
        ),
    }
)
