"""Files that cannot be read end as one ExchangeFileError naming the file, in bounded time."""

from __future__ import annotations

import time
import zipfile

import pytest

from labest_desktop.exchange.errors import (
    EncryptedWorkbookError,
    ExchangeFileError,
    MissingSheetError,
    NotASpreadsheetError,
    UnsafeWorkbookError,
    WorkbookTooLargeError,
)
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.exchange.xlsx_writer import write_xlsx

from .helpers import META, make_snapshot, save_rows


def _refused(path, error_type):
    started = time.perf_counter()
    with pytest.raises(error_type) as caught:
        read_exchange_file(path)
    # Bounded, not benchmarked: a refusal must not hang. The bound is generous because
    # CI machines are shared; speed itself is measured in benchmarks/.
    assert time.perf_counter() - started < 60
    message = caught.value.message
    assert path.name in message and "\n" not in message
    return message


def test_text_file_renamed_xlsx(tmp_path):
    """A text file named .xlsx is not a workbook."""
    path = tmp_path / "notes.xlsx"
    path.write_text("ceci n'est pas un classeur\n", encoding="utf-8")
    assert "n'est pas un classeur" in _refused(path, NotASpreadsheetError)


def test_word_document_renamed_xlsx(tmp_path):
    """A real .docx package renamed .xlsx is said to look like a Word document."""
    path = tmp_path / "compte-rendu.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>')
    assert "document Word" in _refused(path, ExchangeFileError)


def test_truncated_xlsx(tmp_path):
    """A workbook cut short in transfer is reported as truncated or damaged."""
    whole = tmp_path / "entier.xlsx"
    write_xlsx(whole, [make_snapshot(i) for i in range(200)], meta=META)
    path = tmp_path / "tronque.xlsx"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert "tronqué ou endommagé" in _refused(path, ExchangeFileError)


def test_corrupt_member_inside_a_valid_zip(tmp_path):
    """A damaged worksheet inside an intact archive is a damaged workbook, not a crash."""
    path = tmp_path / "abime.xlsx"
    source = tmp_path / "source.xlsx"
    write_xlsx(source, [make_snapshot(1)], meta=META)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            copy.writestr(info, data)
    _refused(path, ExchangeFileError)


def test_empty_file(tmp_path):
    """An empty file is said to be empty."""
    path = tmp_path / "vide.xlsx"
    path.write_bytes(b"")
    assert "vide" in _refused(path, ExchangeFileError)


def test_missing_file(tmp_path):
    """A path that does not exist is reported, not a traceback."""
    assert "introuvable" in _refused(tmp_path / "absent.xlsx", ExchangeFileError)


def test_password_protected_workbook(tmp_path):
    """An OLE2 container holding an EncryptedPackage is a password-protected workbook."""
    path = tmp_path / "protege.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptedInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(header + b"\x00" * 1024 + directory + b"\x00" * 4096)
    assert "mot de passe" in _refused(path, EncryptedWorkbookError)


def test_ole2_file_without_a_workbook(tmp_path):
    """An OLE2 container holding no Excel workbook (nor encryption) is not a spreadsheet."""
    path = tmp_path / "ancien.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    assert "n'est pas un classeur" in _refused(path, NotASpreadsheetError)


def test_word_97_document_renamed_xls(tmp_path):
    """A Word 97-2003 document (OLE2 « WordDocument » stream) is said to be a Word document."""
    path = tmp_path / "note.xls"
    directory = "WordDocument".encode("utf-16-le") + b"\x00" * 40
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024 + directory + b"\x00" * 1024)
    assert "document Word" in _refused(path, ExchangeFileError)


def test_damaged_xls_is_refused_in_one_sentence(tmp_path):
    """An OLE2 file that names a Workbook stream but holds no readable workbook."""
    path = tmp_path / "abime.xls"
    directory = "Workbook".encode("utf-16-le") + b"\x00" * 40
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024 + directory + b"\x00" * 1024)
    assert "endommagé" in _refused(path, ExchangeFileError)


def test_billion_laughs_inside_an_xlsx(tmp_path):
    """Entity declarations in any XML member are refused before any parser runs."""
    source = tmp_path / "source.xlsx"
    write_xlsx(source, [make_snapshot(1)], meta=META)
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">' for i in range(10))
        + ']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    path = tmp_path / "rires.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            copy.writestr(info, original.read(info))
        copy.writestr("xl/sharedStrings.xml", bomb)
    assert "DOCTYPE" in _refused(path, UnsafeWorkbookError)


def test_external_entity_inside_an_xlsx(tmp_path):
    """An external entity (file fetch) in the workbook XML is refused too."""
    path = tmp_path / "externe.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;</workbook>',
        )
    _refused(path, UnsafeWorkbookError)


def test_zip_bomb_of_zeros(tmp_path):
    """A member that inflates far beyond the limits is refused from the central directory."""
    path = tmp_path / "bombe.xlsx"
    chunk = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(600):
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    assert "refusé par sécurité" in _refused(path, UnsafeWorkbookError)


def test_high_ratio_member(tmp_path):
    """A large member compressed more than 100 to 1 is refused even under the total limit."""
    path = tmp_path / "ratio.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (20 * 1024 * 1024) + b"</a>")
    assert "pour 1" in _refused(path, UnsafeWorkbookError)


def test_more_than_100000_rows(tmp_path):
    """A sheet with 100,001 data rows is refused as too large."""
    path = tmp_path / "enorme.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Titre;Étape;Statut\n")
        handle.writelines(f"Projet {i};Idéation;Actif\n" for i in range(100_001))
    assert "100 000" in _refused(path, WorkbookTooLargeError)


def test_exactly_100000_rows_are_read(tmp_path):
    """The limit itself is allowed."""
    path = tmp_path / "limite.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Titre;Étape;Statut\n")
        handle.writelines(f"Projet {i};Idéation;Actif\n" for i in range(100_000))
    assert len(read_exchange_file(path).projects.records) == 100_000


def test_more_than_100000_rows_in_xlsx(tmp_path):
    """The row limit holds for workbooks too (written with the fast writer)."""
    path = tmp_path / "enorme.xlsx"
    write_xlsx(path, ({"title": f"Projet {i}", "stage": "ideation"} for i in range(100_001)), meta=META)
    _refused(path, WorkbookTooLargeError)


def test_no_projets_sheet_names_the_sheets_found(tmp_path):
    """A workbook without a Projets sheet names the sheets it has."""
    path = save_rows(tmp_path / "autre.xlsx", [["Nom"], ["x"]], sheet="Feuil1", extra={"Budget 2026": [["a"]]})
    message = _refused(path, MissingSheetError)
    assert "« Feuil1 »" in message and "« Budget 2026 »" in message


def test_a_sheet_name_with_a_line_break_is_named_on_one_line(tmp_path):
    """A sheet name may hold a line break (found by the fuzzed workbooks): the
    refusal names it on one line, the break shown as U+FFFD."""
    path = save_rows(tmp_path / "autre.xlsx", [["Titre"], ["x"]], sheet="0\n0")
    message = _refused(path, MissingSheetError)
    assert "\n" not in message and "« 0\ufffd0 »" in message


def test_newer_format_version(tmp_path):
    """A file written in a newer exchange format is refused with a request to update."""
    path = save_rows(tmp_path / "futur.xlsx", [["Titre", "Étape", "Statut"]], extra={"_labest": [["format_version", 3]]})
    assert "mettez l'application à jour" in _refused(path, ExchangeFileError)


def test_binary_garbage_named_csv(tmp_path):
    """Binary content named .csv is not a spreadsheet."""
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _refused(path, NotASpreadsheetError)


def test_opendocument_text_renamed_ods(tmp_path):
    """An OpenDocument text (.odt) renamed .ods is refused as a word-processing document."""
    path = tmp_path / "lettre.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    _refused(path, ExchangeFileError)
