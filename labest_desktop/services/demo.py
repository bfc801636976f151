"""A realistic, deterministic sample portfolio of the Grand Est lab.

Written with bulk inserts in one transaction so that 100,000 projects (for the
benchmarks) take seconds, while producing exactly what the use cases would:
references, a creation decision and later stage decisions, a first revision with
its fingerprint, and the folded search text.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, insert, select, text

from labest_desktop import messages
from labest_desktop.domain.errors import LabestError, ValidationError
from labest_desktop.domain.fields import ProjectFields, to_snapshot
from labest_desktop.domain.fingerprints import fingerprint
from labest_desktop.domain.models import (
    Event,
    FundingEnvelope,
    Note,
    Organisation,
    Project,
    ProjectRevision,
    ReferenceCounter,
    StageDecision,
    event_organisation,
    event_project,
    project_partner,
)
from labest_desktop.domain.snapshot_json import dump_snapshot
from labest_desktop.domain.text import fold
from labest_desktop.domain.vocab import DEPARTMENTS, REGION, EventKind, OrgKind, Stage, Status
from labest_desktop.services import office
from labest_desktop.services.event_history import record_event_revision
from labest_desktop.services.snapshots import column_values
from labest_desktop.services.workspace import Workspace

MAX_PROJECTS = 100_000

ORGANISATIONS = [
    ("Préfecture de la région Grand Est", OrgKind.STATE, "67"),
    ("Préfecture du Bas-Rhin", OrgKind.STATE, "67"),
    ("Préfecture de la Moselle", OrgKind.STATE, "57"),
    ("Préfecture de la Marne", OrgKind.STATE, "51"),
    ("Préfecture de Meurthe-et-Moselle", OrgKind.STATE, "54"),
    ("Préfecture des Vosges", OrgKind.STATE, "88"),
    ("Préfecture des Ardennes", OrgKind.STATE, "08"),
    ("DREAL Grand Est", OrgKind.STATE, "Région"),
    ("DDT du Haut-Rhin", OrgKind.STATE, "68"),
    ("DDT de la Meuse", OrgKind.STATE, "55"),
    ("DDETS de l'Aube", OrgKind.STATE, "10"),
    ("DRAAF Grand Est", OrgKind.STATE, "Région"),
    ("Rectorat de la région académique Grand Est", OrgKind.STATE, "Région"),
    ("Région Grand Est", OrgKind.REGION, "Région"),
    ("Eurométropole de Strasbourg", OrgKind.LOCAL, "67"),
    ("Metz Métropole", OrgKind.LOCAL, "57"),
    ("Métropole du Grand Nancy", OrgKind.LOCAL, "54"),
    ("Grand Reims", OrgKind.LOCAL, "51"),
    ("Ville de Mulhouse", OrgKind.LOCAL, "68"),
    ("Département de la Haute-Marne", OrgKind.LOCAL, "52"),
    ("Collectivité européenne d'Alsace", OrgKind.LOCAL, "67"),
    ("Communauté de communes du Pays de Langres", OrgKind.LOCAL, "52"),
    ("France Travail Grand Est", OrgKind.OPERATOR, "Région"),
    ("CAF de la Moselle", OrgKind.OPERATOR, "57"),
    ("ADEME Grand Est", OrgKind.OPERATOR, "Région"),
    ("Banque des Territoires", OrgKind.OPERATOR, "Région"),
    ("La Poste – Maisons France Services", OrgKind.OPERATOR, "Région"),
    ("Emmaüs Connect Strasbourg", OrgKind.ASSOCIATION, "67"),
    ("Familles Rurales des Vosges", OrgKind.ASSOCIATION, "88"),
    ("Croix-Rouge française – Ardennes", OrgKind.ASSOCIATION, "08"),
    ("Tiers-lieu La Fabrique de Troyes", OrgKind.ASSOCIATION, "10"),
    ("Association des maires ruraux de la Meuse", OrgKind.ASSOCIATION, "55"),
    ("Collectif Design des politiques publiques", OrgKind.ASSOCIATION, "Région"),
    ("Université de Strasbourg", OrgKind.UNIVERSITY, "67"),
    ("Université de Lorraine", OrgKind.UNIVERSITY, "54"),
    ("Université de Reims Champagne-Ardenne", OrgKind.UNIVERSITY, "51"),
    ("Fab'Lab Mulhouse Numérique", OrgKind.COMPANY, "68"),
    ("Agence Usages & Services", OrgKind.COMPANY, "57"),
]

# Envelopes with how much of each the sample's projects use: allocations are sized
# after the projects are drawn (whatever their number), so every envelope is within
# its budget except one, over-committed on purpose for the Financements view to show.
ENVELOPES = [
    ("Plan de relance – laboratoires d'innovation territoriale", "État (DITP)", 0.92),
    ("CPER 2021-2027 – volet innovation publique", "État et Région Grand Est", 0.78),
    ("Budget propre du Lab'EST", "Lab'EST", 1.08),
    ("Fonds d'innovation organisationnelle", "DITP", 0.64),
]
ROUND_ALLOCATION = Decimal("5000")

ACTIONS = [
    "Simplifier", "Repenser", "Co-construire", "Expérimenter", "Accompagner", "Faciliter",
    "Moderniser", "Rendre accessible", "Dématérialiser", "Améliorer",
]
SUBJECTS = [
    "l'accueil des usagers en sous-préfecture", "les démarches de titres de séjour",
    "le parcours des créateurs d'entreprise", "l'instruction des permis de construire",
    "l'accès aux aides agricoles", "la médiation numérique en zone rurale",
    "le recrutement dans la fonction publique", "les Maisons France Services",
    "l'accompagnement des jeunes vers l'emploi", "la gestion des crues et inondations",
    "la rénovation énergétique des logements", "les transports scolaires",
    "l'inclusion des personnes en situation de handicap", "le signalement des dépôts sauvages",
    "la participation citoyenne aux projets locaux", "le guichet unique des associations",
    "l'information sur la qualité de l'eau", "les contrôles des exploitations agricoles",
    "la lutte contre la fracture numérique", "l'accueil des gens du voyage",
]
PLACES = [
    "à Strasbourg", "à Metz", "à Nancy", "à Reims", "à Mulhouse", "à Troyes", "à Épinal",
    "à Charleville-Mézières", "à Chaumont", "à Bar-le-Duc", "en milieu rural", "dans le Grand Est",
]
TAGS = [
    "numérique", "accueil", "simplification", "design", "rural", "inclusion", "transition écologique",
    "participation", "emploi", "jeunesse", "données", "santé", "agriculture", "mobilité",
]
FIRST = ["Camille", "Léa", "Nicolas", "Sophie", "Julien", "Amina", "Thomas", "Claire", "Mehdi", "Anne"]
LAST = ["Martin", "Bernard", "Klein", "Muller", "Schmitt", "Weber", "Petit", "Haddad", "Roux", "Meyer"]
EVENTS = [
    ("Mois de l'innovation publique – atelier d'ouverture", EventKind.WORKSHOP, "Strasbourg, Lab'EST"),
    ("Mois de l'innovation publique – atelier design de services", EventKind.WORKSHOP, "Metz, préfecture"),
    ("Journée de design prospectif « Imaginer les services publics de 2031 »", EventKind.CREATIVE, "Nancy"),
    ("Exposition co-construite avec les agents", EventKind.EXHIBITION, "Châlons-en-Champagne"),
    ("Formation « Tester un prototype avec les usagers »", EventKind.TRAINING, "Strasbourg"),
    ("Comité de pilotage État-Région", EventKind.MEETING, "Strasbourg, Hôtel de Région"),
    ("Séance créative « Accueil de demain »", EventKind.CREATIVE, "Reims"),
    ("Atelier usagers Maisons France Services", EventKind.WORKSHOP, "Bar-le-Duc"),
]
# Reasons written on decisions, as a committee would word them.
CREATION_REASONS = [
    "Besoin remonté par {lead} : demande d'accompagnement reçue par le Lab'EST.",
    "Idée retenue lors de l'appel à idées des agents de l'État en Grand Est.",
    "Saisine du SGAR : irritants relevés par les usagers dans le baromètre Services Publics+.",
    "Proposition issue d'un atelier du Mois de l'innovation publique.",
]
STAGE_REASONS = {
    Stage.PROTOTYPE: [
        "Problème confirmé par des entretiens avec {users} usagers : un prototype est financé.",
        "Comité de pilotage : besoin validé, prototype à tester sur un site pilote.",
        "Diagnostic partagé avec {lead} ; maquette à concevoir avec les agents d'accueil.",
    ],
    Stage.DEPLOYMENT: [
        "Prototype testé avec {users} usagers : démarche plus courte, déploiement décidé en comité.",
        "Évaluation positive ; {lead} reprend le dispositif et le diffuse dans le réseau.",
        "Résultats du test présentés au comité État-Région : généralisation validée.",
    ],
}

NOTES = [
    "Premier entretien avec l'équipe porteuse : besoins clarifiés.",
    "Tests utilisateurs programmés avec 8 usagers.",
    "Retour du comité : poursuivre avec un périmètre réduit.",
    "Convention de partenariat envoyée pour signature.",
]


class DemoTooLarge(ValidationError):
    pass


class DemoAlreadyLoaded(LabestError):
    key = "demo.already_loaded"


def check_count(projects: int) -> None:
    """Refuse a sample of no project (nothing to show) or more than the benchmarks need."""
    if projects < 1 or projects > MAX_PROJECTS:
        raise DemoTooLarge("projects", "demo.bad_count", limit=MAX_PROJECTS, value=projects)


def load_demo(ws: Workspace, projects: int = 60, seed: int = 2026) -> dict[str, int]:
    """Add the sample to the database; returns the counts written."""
    check_count(projects)
    rng = random.Random(seed)
    author = ws.author
    with ws.unit_of_work() as uow:
        session = uow.session
        code = office.get_setting(session, office.OFFICE_CODE)
        org_ids = _ensure_organisations(session)
        org_names = {oid: name for name, oid in org_ids.items()}
        org_departments = dict(session.execute(select(Organisation.id, Organisation.department)).all())
        envelope_ids, new_envelopes = _ensure_envelopes(session)
        envelope_names = {eid: name for name, eid in envelope_ids.items()}
        budgets_by_envelope: dict[int, Decimal] = dict.fromkeys(envelope_names, Decimal(0))
        folded_org_ids = {fold(name): oid for oid, name in org_names.items()}
        folded_envelope_ids = {fold(name): eid for eid, name in envelope_names.items()}
        next_id = (session.scalar(select(func.max(Project.id))) or 0) + 1
        counters = {
            (c.code, c.year): c for c in session.scalars(select(ReferenceCounter).where(ReferenceCounter.code == code))
        }
        counts = {"projects": 0, "decisions": 0, "events": 0, "notes": 0}
        project_rows, partner_rows, decision_rows, revision_rows, note_rows = [], [], [], [], []
        today = date(2026, 11, 20)
        all_org_ids = list(org_names)
        for index in range(projects):
            pid = next_id + index
            # During office hours, not all at midnight (« Modifié le … 00:00 »).
            created = datetime(2021, 3, 1) + timedelta(days=rng.randrange(0, (today - date(2021, 3, 1)).days),
                                                       minutes=rng.randrange(8 * 60 + 30, 18 * 60))
            year = created.year
            counter = counters.get((code, year))
            if counter is None:
                counter = ReferenceCounter(code=code, year=year, last=0)
                session.add(counter)
                counters[(code, year)] = counter
            counter.last += 1
            reference = f"{code}-{year}-{counter.last:04d}"
            stage_path = [Stage.IDEATION]
            roll = rng.random()
            if roll > 0.4:
                stage_path.append(Stage.PROTOTYPE)
            if roll > 0.75:
                stage_path.append(Stage.DEPLOYMENT)
            status = rng.choices(list(Status), weights=[60, 12, 18, 10])[0]
            lead_id = rng.choice(all_org_ids)
            # A project sits where its lead organisation is (a regional one: anywhere).
            lead_department = org_departments[lead_id]
            partner_ids = sorted(set(rng.sample(all_org_ids, rng.randint(0, 4))) - {lead_id})
            start = created.date() + timedelta(days=rng.randint(0, 60))
            end = start + timedelta(days=rng.randint(90, 900)) if rng.random() > 0.2 else None
            envelope_id = rng.choice([*envelope_names, None])
            values = ProjectFields(
                title=f"{rng.choice(ACTIONS)} {rng.choice(SUBJECTS)} {rng.choice(PLACES)}",
                stage=stage_path[-1],
                status=status,
                lead=org_names[lead_id],
                partners=tuple(sorted((org_names[o] for o in partner_ids), key=fold)),
                tags=tuple(rng.sample(TAGS, rng.randint(1, 3))),
                department=lead_department if lead_department != REGION else rng.choice(DEPARTMENTS),
                contact=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                start_date=start,
                end_date=end,
                # Lab projects are small: 5,000 to 80,000 euros, so envelopes are not all
                # over-committed in the sample.
                budget=Decimal(rng.randrange(5_000_00, 80_000_00, 50)) / 100 if rng.random() > 0.1 else None,
                funding=envelope_names[envelope_id] if envelope_id else None,
                users_involved=rng.randint(0, 400),
                agents_involved=rng.randint(0, 60),
                description=(
                    "Projet accompagné par le Lab'EST avec les services concernés et des usagers. "
                    "Objectif : des démarches plus simples, testées sur le terrain avant tout déploiement."
                ),
            )
            if envelope_id is not None and values.budget is not None:
                budgets_by_envelope[envelope_id] += values.budget
            uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            # Decisions spread between creation and today.
            moments = sorted(
                created + timedelta(days=rng.randint(1, max(2, (datetime(2026, 11, 20) - created).days)))
                for _ in stage_path[1:]
            )
            decided = [created, *moments]
            for step, stage in enumerate(stage_path):
                decision_rows.append(
                    {
                        "project_id": pid,
                        "from_stage": str(stage_path[step - 1]) if step else None,
                        "to_stage": str(stage),
                        "decided_at": decided[step],
                        "decided_by": author,
                        "rationale": rng.choice(CREATION_REASONS if step == 0 else STAGE_REASONS[stage]).format(
                            lead=values.lead, users=max(values.users_involved, 6)),
                        "import_batch_id": None,
                    }
                )
            updated = decided[-1]
            snapshot = to_snapshot(values, uid=uid, reference=reference)
            project_rows.append(
                {
                    "id": pid,
                    "uid": uid,
                    "reference": reference,
                    **column_values(snapshot, folded_org_ids, folded_envelope_ids),
                    "created_at": created,
                    "created_by": author,
                    "updated_at": updated,
                    "updated_by": author,
                    "stage_since": decided[-1].date(),
                    "deleted_at": None,
                    "version": 1,
                }
            )
            partner_rows.extend({"project_id": pid, "organisation_id": o} for o in partner_ids)
            revision_rows.append(
                {
                    "project_id": pid,
                    "number": 1,
                    "created_at": updated,
                    "author": author,
                    "origin": "create",
                    "import_batch_id": None,
                    "snapshot": dump_snapshot(snapshot),
                    "fingerprint": fingerprint(snapshot),
                }
            )
            if rng.random() < 0.3:
                note_rows.append(
                    {
                        "project_id": pid,
                        "created_at": updated + timedelta(days=1),
                        "author": author,
                        "text": rng.choice(NOTES),
                    }
                )
            if len(project_rows) >= 5000:
                _flush(session, project_rows, partner_rows, decision_rows, revision_rows, note_rows, counts)
        _flush(session, project_rows, partner_rows, decision_rows, revision_rows, note_rows, counts)
        if session.get_bind().dialect.name == "postgresql":
            # Explicit ids bypass PostgreSQL's id sequence: move it past them, or the
            # next project created through the ORM would be given id 1 again.
            session.execute(
                text("SELECT setval(pg_get_serial_sequence('project', 'id'), (SELECT max(id) FROM project))")
            )
        _size_allocations(session, new_envelopes, budgets_by_envelope)
        counts["events"] = _add_events(session, rng, next_id, projects, all_org_ids, author)
        session.flush()
        uow.commit()
    return counts


def _flush(session, project_rows, partner_rows, decision_rows, revision_rows, note_rows, counts) -> None:
    # Core inserts: the ORM's unit of work is far too slow for 100,000 rows, and
    # every derived value (search text, fingerprint, references) is computed above.
    # Money needs its bind processing, which the Core insert of the mapped table does.
    if project_rows and counts["projects"] == 0:
        # The sample is the same for the same seed: a second run would collide on
        # every project's uid (« UNIQUE constraint failed »). Said before writing.
        uids = [row["uid"] for row in project_rows[:500]]
        if session.scalar(select(func.count()).select_from(Project).where(Project.uid.in_(uids))):
            raise DemoAlreadyLoaded()
    if project_rows:
        session.execute(insert(Project.__table__), project_rows)
    if partner_rows:
        session.execute(insert(project_partner), partner_rows)
    if decision_rows:
        session.execute(insert(StageDecision.__table__), decision_rows)
    if revision_rows:
        session.execute(insert(ProjectRevision.__table__), revision_rows)
    if note_rows:
        session.execute(insert(Note.__table__), note_rows)
    counts["projects"] += len(project_rows)
    counts["decisions"] += len(decision_rows)
    counts["notes"] += len(note_rows)
    for rows in (project_rows, partner_rows, decision_rows, revision_rows, note_rows):
        rows.clear()


def _ensure_organisations(session) -> dict[str, int]:
    existing = {o.name_key: o for o in session.scalars(select(Organisation))}
    for name, kind, department in ORGANISATIONS:
        if fold(name) not in existing:
            org = Organisation(name=name, name_key=fold(name), kind=str(kind), department=department)
            session.add(org)
            existing[org.name_key] = org
    session.flush()
    return {o.name: o.id for o in existing.values()}


def _ensure_envelopes(session) -> tuple[dict[str, int], dict[int, float]]:
    """Every envelope by name, and the ones created now with the share of their
    allocation the sample will use."""
    existing = {e.name_key: e for e in session.scalars(select(FundingEnvelope))}
    created = []
    for name, origin, share in ENVELOPES:
        if fold(name) not in existing:
            envelope = FundingEnvelope(name=name, name_key=fold(name), origin=origin, allocated=None)
            session.add(envelope)
            existing[envelope.name_key] = envelope
            created.append((envelope, share))
    session.flush()
    return {e.name: e.id for e in existing.values()}, {e.id: share for e, share in created}


def _size_allocations(session, shares: dict[int, float], committed: dict[int, Decimal]) -> None:
    """Allocation of each new envelope: what the sample commits on it divided by its
    share, rounded up to 5,000 €; envelopes kept from an earlier sample stay as they are."""
    for envelope_id, share in shares.items():
        needed = committed.get(envelope_id, Decimal(0)) / Decimal(str(share))
        rounded = -(-needed // ROUND_ALLOCATION) * ROUND_ALLOCATION
        if share > 1:  # over on purpose: rounding must not cover the excess
            rounded = (needed // ROUND_ALLOCATION) * ROUND_ALLOCATION
        session.get(FundingEnvelope, envelope_id).allocated = max(rounded, ROUND_ALLOCATION)


def _add_events(
    session, rng: random.Random, first_project: int, projects: int, org_ids: list[int], author: str
) -> int:
    if projects == 0:
        return 0
    added = 0
    for offset, (title, kind, place) in enumerate(EVENTS):
        event = Event(
            uid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            title=title,
            kind=str(kind),
            date=date(2026, 11, 2) + timedelta(days=3 * offset) if "Mois" in title else date(2025, 3, 10)
            + timedelta(days=45 * offset),
            place=place,
            participants=rng.randint(8, 120),
            version=1,
        )
        session.add(event)
        session.flush()
        linked = sorted({first_project + rng.randrange(projects) for _ in range(min(3, projects))})
        session.execute(insert(event_project), [{"event_id": event.id, "project_id": p} for p in linked])
        orgs = sorted(set(rng.sample(org_ids, 2)))
        session.execute(insert(event_organisation), [{"event_id": event.id, "organisation_id": o} for o in orgs])
        record_event_revision(session, event, author=author, origin="create")
        added += 1
    return added


messages.register(
    {
        "demo.already_loaded": (
            "Cette base contient déjà la démonstration (même tirage) : rien n'a été ajouté. "
            "Choisissez une autre base (--db) ou un autre tirage (--seed).",
            "This database already holds the demonstration (same draw): nothing was added. "
            "Choose another database (--db) or another draw (--seed).",
        ),
        "demo.bad_count": (
            "Nombre de projets de démonstration invalide ({value}) : entre 1 et {limit}.",
            "Invalid number of demo projects ({value}): between 1 and {limit}.",
        ),
    }
)
