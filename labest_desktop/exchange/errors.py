"""Errors of the exchange file layer: a whole file that cannot be read, or one cell.

A file error ends the import before anything is compared (the command line exits
with status 2 and prints :attr:`message`); a cell error is one line of the import
report, so the coordinator can fix the cell and try again.
"""

from __future__ import annotations

from labest_desktop import messages
from labest_desktop.domain.errors import LabestError


class ExchangeFileError(LabestError):
    """The file cannot be read at all; ``file`` names it in the sentence."""

    key = "exchange.file.unreadable"

    def __init__(self, key: str | None = None, /, *, file: str, **params: object) -> None:
        super().__init__(key, file=file, **params)
        self.file = file


class NotASpreadsheetError(ExchangeFileError):
    key = "exchange.file.not_spreadsheet"


class EncryptedWorkbookError(ExchangeFileError):
    key = "exchange.file.encrypted"


class UnsafeWorkbookError(ExchangeFileError):
    """Entity declarations or a decompression bomb: refused before any parsing."""

    key = "exchange.file.unsafe_xml"


class WorkbookTooLargeError(ExchangeFileError):
    key = "exchange.file.too_large"


class MissingSheetError(ExchangeFileError):
    key = "exchange.file.no_projects_sheet"


class CellError(LabestError):
    """A cell value that cannot be understood; the sheet parser adds where it is."""

    def __init__(self, key: str, /, *, value: object, **params: object) -> None:
        super().__init__(key, value=value, **params)
        self.value = value


messages.register(
    {
        "exchange.file.unreadable": (
            "Le fichier « {file} » est illisible ou endommagé.",
            "The file “{file}” is unreadable or damaged.",
        ),
        "exchange.file.missing": (
            "Le fichier « {file} » est introuvable.",
            "The file “{file}” does not exist.",
        ),
        "exchange.file.empty": (
            "Le fichier « {file} » est vide.",
            "The file “{file}” is empty.",
        ),
        "exchange.file.not_spreadsheet": (
            "Le fichier « {file} » n'est pas un classeur : formats acceptés .xlsx, .xlsm, .ods et .csv.",
            "The file “{file}” is not a workbook: accepted formats are .xlsx, .xlsm, .ods and .csv.",
        ),
        "exchange.file.word_document": (
            "Le fichier « {file} » ressemble à un document Word, pas à un classeur : "
            "ouvrez-le dans Excel ou LibreOffice Calc et enregistrez-le en .xlsx.",
            "The file “{file}” looks like a Word document, not a workbook: open it in "
            "Excel or LibreOffice Calc and save it as .xlsx.",
        ),
        "exchange.file.other_office_document": (
            "Le fichier « {file} » est un document {kind}, pas un classeur : formats acceptés "
            ".xlsx, .xlsm, .ods et .csv.",
            "The file “{file}” is a {kind} document, not a workbook: accepted formats are "
            ".xlsx, .xlsm, .ods and .csv.",
        ),
        "exchange.file.corrupt_zip": (
            "Le fichier « {file} » est tronqué ou endommagé (archive illisible) : "
            "demandez à l'expéditeur de le renvoyer.",
            "The file “{file}” is truncated or damaged (unreadable archive): ask the "
            "sender to send it again.",
        ),
        "exchange.file.corrupt_workbook": (
            "Le fichier « {file} » est un classeur endommagé ({detail}).",
            "The file “{file}” is a damaged workbook ({detail}).",
        ),
        "exchange.file.encrypted": (
            "Le classeur « {file} » est protégé par un mot de passe : enregistrez-en une "
            "copie sans mot de passe avant de l'importer.",
            "The workbook “{file}” is password-protected: save a copy without a password "
            "before importing it.",
        ),
        "exchange.file.unsafe_xml": (
            "Le fichier « {file} » contient des déclarations XML non autorisées "
            "(DOCTYPE ou ENTITY) : import refusé par sécurité.",
            "The file “{file}” contains forbidden XML declarations (DOCTYPE or ENTITY): "
            "refused for safety.",
        ),
        "exchange.file.zip_bomb": (
            "Le fichier « {file} » se décompresse en un volume anormal ({detail}) : import "
            "refusé par sécurité.",
            "The file “{file}” decompresses to an abnormal size ({detail}): refused for safety.",
        ),
        "exchange.file.too_large": (
            "Le fichier « {file} » est trop volumineux : {detail}.",
            "The file “{file}” is too large: {detail}.",
        ),
        "exchange.file.too_many_rows": (
            "La feuille « {sheet} » du fichier « {file} » compte plus de {limit} lignes : "
            "découpez le fichier.",
            "The sheet “{sheet}” of “{file}” has more than {limit} rows: split the file.",
        ),
        "exchange.file.no_projects_sheet": (
            "Le fichier « {file} » n'a pas de feuille « Projets » (feuilles trouvées : {sheets}).",
            "The file “{file}” has no “Projets” sheet (sheets found: {sheets}).",
        ),
        "exchange.file.no_header": (
            "La feuille « {sheet} » du fichier « {file} » n'a pas de ligne d'en-têtes : il faut, "
            "dans les 11 premières lignes, une ligne avec « {anchor} » et au moins deux "
            "autres colonnes connues.",
            "The sheet “{sheet}” of “{file}” has no header row: one of the first 11 rows "
            "must hold “{anchor}” and at least two other known columns.",
        ),
        "exchange.file.newer_format": (
            "Le fichier « {file} » a été écrit au format {version}, plus récent que celui que "
            "cette version de Lab'EST sait lire ({supported}) : mettez l'application à jour.",
            "The file “{file}” was written in format {version}, newer than this version of "
            "Lab'EST can read ({supported}): update the application.",
        ),
        "exchange.file.bad_encoding": (
            "Le fichier CSV « {file} » n'est ni en UTF-8 ni en Windows-1252.",
            "The CSV file “{file}” is neither UTF-8 nor Windows-1252.",
        ),
    }
)
