"""Writing an HTML document to an A4 PDF with Qt (QPdfWriter + QTextDocument): no
dependency beyond Qt, and the same fonts as the window."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument, QTextOption

from labest_desktop import messages
from labest_desktop.domain.errors import LabestError

STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #111; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 12pt; border-bottom: 1px solid #888; }
h3 { font-size: 10.5pt; margin-top: 8pt; }
.muted { color: #555; }
table.grid { border-collapse: collapse; }
table.grid th { background: #e8eef5; text-align: left; }
table.grid td, table.grid th { border: 1px solid #bbb; padding: 2px 4px; }
td.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
table.small { font-size: 7.5pt; }
.warn { font-weight: bold; }
"""


class PdfWriteError(LabestError):
    key = "report.write_failed"


class _SealedDocument(QTextDocument):
    """A document that loads only the images handed to it: an ``<img>`` or a style
    sheet naming a file or an address (from a title typed by anyone, in a shared
    database) is never fetched into a PDF that leaves the office."""

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 (Qt's name)
        return None


_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:'([^']*)'|"([^"]*)"|([^\s>]+))""", re.IGNORECASE)
_BACKGROUND = re.compile(r"""\bbackground(?:-image)?\s*[=:]""", re.IGNORECASE)


def sealed(body_html: str, allowed: set[str]) -> str:
    """``body_html`` without the images it was not given and without backgrounds:
    Qt loads an unknown image source straight from the disk, whatever
    ``loadResource`` answers, so those tags never reach it."""

    def keep(match: re.Match) -> str:
        src = _SRC.search(match.group(0))
        name = next((g for g in src.groups() if g is not None), "") if src else ""
        return match.group(0) if name in allowed else ""

    return _BACKGROUND.sub("data-refused=", _IMG.sub(keep, body_html))


def write_pdf(path: str | Path, title: str, body_html: str, images: dict[str, QImage] | None = None) -> Path:
    """Lay out ``body_html`` on A4 pages (15 mm margins) and write ``path``."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PdfWriteError(path=str(path), detail=exc.strerror) from exc
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Lab'EST Desktop")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    )
    document = _SealedDocument()
    # Lines break between words only: by default a word wider than its table cell was
    # cut anywhere (« Abandonn/é », « Régio/n »); a narrow column now grows instead.
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setDefaultStyleSheet(STYLE)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    for name, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    body_html = sealed(body_html, set(images or {}))
    document.setHtml(f"<html><head><title>{escape(title)}</title></head><body>{body_html}</body></html>")
    # QTextDocument lays out in screen pixels (96 per inch) and print_() scales them to
    # the device: give it the page's printable size in those pixels, so a 9.5 pt font
    # is 9.5 pt on paper.
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(rect.width() * 96 / 72, rect.height() * 96 / 72))
    document.print_(writer)
    del writer  # ends the PDF
    if not path.exists() or path.stat().st_size == 0:
        raise PdfWriteError(path=str(path), detail="")
    return path


messages.register(
    {
        "report.write_failed": (
            "Impossible d'écrire le PDF {path} : {detail}. Choisissez un autre dossier.",
            "Cannot write the PDF {path}: {detail}. Choose another folder.",
        ),
    }
)
