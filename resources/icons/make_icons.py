"""Render the application icon from ``labest.svg`` with Qt (no Pillow needed).

Writes ``labest.png`` (the window icon), ``labest.ico`` (Windows executable) and
``labest.icns`` (macOS bundle) beside this file. Run it after editing the SVG:
``.venv/bin/python resources/icons/make_icons.py``; the three outputs are committed
so a build never needs this script.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES_ICO = (16, 24, 32, 48, 64, 128, 256)
# icns chunk types holding PNG data, by pixel size.
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512))


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (valid since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    chunks = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs it)
    renderer = QSvgRenderer(str(HERE / "labest.svg"))
    images = {size: render(renderer, size) for size in {*SIZES_ICO, *(s for _, s in ICNS_TYPES)}}
    (HERE / "labest.png").write_bytes(images[256])
    (HERE / "labest.ico").write_bytes(ico({s: images[s] for s in SIZES_ICO}))
    (HERE / "labest.icns").write_bytes(icns(images))
    for name in ("labest.png", "labest.ico", "labest.icns"):
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
