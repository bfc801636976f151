"""The office's identity, kept in the database so every agent of it shares it."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from labest_desktop import messages
from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.models import Setting
from labest_desktop.services.workspace import Workspace

OFFICE_CODE = "office.code"
OFFICE_NAME = "office.name"
DEFAULTS = {OFFICE_CODE: "LAB", OFFICE_NAME: "Lab'EST Grand Est"}
_CODE = re.compile(r"^[A-Z0-9]{2,12}$")


def get_setting(session: Session, key: str) -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return value if value is not None else DEFAULTS.get(key, "")


def all_settings(ws: Workspace) -> dict[str, str]:
    with ws.reading() as session:
        stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    return {key: stored.get(key, default) for key, default in DEFAULTS.items()}


def get(ws: Workspace, key: str) -> str:
    check_key(key)
    with ws.reading() as session:
        return get_setting(session, key)


def set_value(ws: Workspace, key: str, value: str) -> str:
    check_key(key)
    value = _checked(key, value)
    with ws.unit_of_work() as uow:
        _store(uow.session, key, value)
        uow.commit()
    return value


def _checked(key: str, value: str) -> str:
    """The office's code (upper-cased) or name, as it will be stored; else a sentence."""
    value = value.strip()
    if key == OFFICE_CODE:
        value = value.upper()
        if not _CODE.match(value):
            raise ValidationError(key, "office.bad_code", value=value)
    elif not value or len(value) > 200:
        raise ValidationError(key, "office.bad_name")
    return value


def _store(session, key: str, value: str) -> None:
    setting = session.get(Setting, key)
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value


def is_configured(ws: Workspace) -> bool:
    """Whether someone gave this database its office code (first start asks for it)."""
    with ws.reading() as session:
        return session.get(Setting, OFFICE_CODE) is not None


def set_identity(ws: Workspace, name: str, code: str) -> tuple[str, str]:
    """The office's name and code, both checked before either is written."""
    code, name = _checked(OFFICE_CODE, code), _checked(OFFICE_NAME, name)
    with ws.unit_of_work() as uow:
        for key, value in ((OFFICE_NAME, name), (OFFICE_CODE, code)):
            _store(uow.session, key, value)
        uow.commit()
    return name, code


def check_key(key: str) -> None:
    if key not in DEFAULTS:
        raise ValidationError(key, "office.unknown_key", key=key, known=", ".join(DEFAULTS))


messages.register(
    {
        "office.bad_code": (
            "Code de bureau « {value} » invalide : 2 à 12 lettres ou chiffres sans espace (ex. PREF67).",
            "Invalid office code “{value}”: 2 to 12 letters or digits, no spaces (e.g. PREF67).",
        ),
        "office.bad_name": (
            "Le nom du bureau est obligatoire (200 caractères au plus).",
            "The office name is required (at most 200 characters).",
        ),
        "office.unknown_key": (
            "Paramètre inconnu « {key} » : paramètres possibles {known}.",
            "Unknown setting “{key}”: possible settings are {known}.",
        ),
    }
)
