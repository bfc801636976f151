"""Errors that the user can cause and understand.

Every expected failure (a bad value, a stale edit, a damaged file) is one of these:
it carries a message key and parameters rendered in the user's language by
:mod:`labest_desktop.messages`, so the window, the command line and the import
report all show the same sentence. Anything that is not a ``LabestError`` is a bug
and goes to the excepthook.
"""

from __future__ import annotations

from labest_desktop import messages


class LabestError(Exception):
    """An expected error with a sentence for the user."""

    key = "error.generic"

    def __init__(self, key: str | None = None, /, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key)

    @property
    def message(self) -> str:
        return messages.text(self.key, **self.params)

    def __str__(self) -> str:
        return self.message


class ValidationError(LabestError):
    """A value breaks a domain rule; ``field`` names the exchange field (JSON key)."""

    def __init__(self, field: str, key: str, /, **params: object) -> None:
        self.field = field
        super().__init__(key, field=field, **params)


class NotFoundError(LabestError):
    key = "error.not_found"


class StaleEditError(LabestError):
    """The record changed since it was read (another window, process or user)."""

    key = "error.stale"


class StorageError(LabestError):
    key = "error.storage"


messages.register(
    {
        "error.generic": ("Une erreur est survenue.", "An error occurred."),
        "error.not_found": (
            "{what} introuvable : {ident}.",
            "{what} not found: {ident}.",
        ),
        "error.stale": (
            "« {title} » a été modifié ailleurs depuis son ouverture (version {expected}, "
            "maintenant {actual}). Rechargez le projet avant d'enregistrer.",
            "“{title}” was changed elsewhere since it was opened (version {expected}, now "
            "{actual}). Reload the project before saving.",
        ),
        "error.stale_race": (
            "Ce projet a été modifié par quelqu'un d'autre pendant l'enregistrement : rien n'a "
            "été écrit. Rechargez-le pour voir ses changements.",
            "This project was changed by someone else while saving: nothing was written. Reload "
            "it to see their changes.",
        ),
        "error.stale_named": (
            "« {title} » a été modifié ailleurs depuis son affichage : rien n'a été enregistré. "
            "Rechargez-le pour voir ces changements.",
            "“{title}” was changed elsewhere since it was shown: nothing was saved. Reload it to "
            "see those changes.",
        ),
        "error.storage": ("Erreur de la base de données : {detail}", "Database error: {detail}"),
    }
)
