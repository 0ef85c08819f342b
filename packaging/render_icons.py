"""Render resources/icons/initscope.svg to the PNG sizes, a Windows .ico and a macOS .icns.

Run from the checkout (no display needed):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

Writes resources/icons/initscope-<N>.png for N in SIZES, initscope.ico (16-256 px in one file) and
initscope.icns (16-1024 px).  Only PyQt6 is used (no Pillow): Qt renders and encodes PNG, and the
two icon containers are written here, since Qt's ico writer holds one image per file.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6 import QtCore, QtGui
from PyQt6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "initscope.svg"
SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> QtGui.QImage:
    """The SVG drawn into a transparent size x size ARGB image, antialiased."""
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QtCore.QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QtGui.QImage.Format.Format_ARGB32)


def encode(image: QtGui.QImage, fmt: str) -> bytes:
    """The image encoded by Qt's writer for ``fmt`` ("png", "ico", "icns")."""
    data = QtCore.QByteArray()
    buffer = QtCore.QBuffer(data)
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QImageWriter(buffer, fmt.encode())
    if not writer.write(image):
        raise RuntimeError(f"Qt could not write {fmt}: {writer.errorString()}")
    buffer.close()
    return bytes(data)


def dib(image: QtGui.QImage) -> bytes:
    """A 32-bit ICO image entry: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask."""
    image = image.convertToFormat(QtGui.QImage.Format.Format_ARGB32)  # memory order B, G, R, A
    w, h = image.width(), image.height()
    rows = [bytes(image.constScanLine(y).asstring(4 * w)) for y in range(h)]
    mask_stride = ((w + 31) // 32) * 4
    mask = bytearray()
    for row in reversed(rows):  # bit set = transparent, for readers that ignore alpha
        bits = bytearray(mask_stride)
        for x in range(w):
            if row[4 * x + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    header = struct.pack("<IiiHHIIiiII", 40, w, 2 * h, 1, 32, 0, 4 * w * h, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + bytes(mask)


def build_ico(images: dict[int, QtGui.QImage]) -> bytes:
    """One .ico holding every size: 32-bit DIB entries (what every Windows reads) below 256 px,
    PNG at 256 px (as Windows' own icons do; it keeps the file small).  Qt's ico writer stores
    only one image per file, hence this little writer.
    """
    entries = []
    for size, image in sorted(images.items()):
        payload = encode(image, "png") if size >= 256 else dib(image)
        entries.append((size % 256, payload))  # 0 in the directory means 256
    out = bytearray(struct.pack("<HHH", 0, 1, len(entries)))
    offset = 6 + 16 * len(entries)
    for side, payload in entries:
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    for _side, payload in entries:
        out += payload
    return bytes(out)


def build_icns(images: dict[int, QtGui.QImage]) -> bytes:
    """A macOS .icns of PNG entries (the types macOS 10.7+ reads), 16 px to 1024 px."""
    types = {16: [b"icp4"], 32: [b"icp5", b"ic11"], 64: [b"icp6", b"ic12"], 128: [b"ic07"]}
    types |= {256: [b"ic08", b"ic13"], 512: [b"ic09", b"ic14"], 1024: [b"ic10"]}
    body = bytearray()
    for size, image in sorted(images.items()):
        png = encode(image, "png")
        for kind in types[size]:
            body += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + bytes(body)


def main() -> int:
    app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: cannot read {SVG}", file=sys.stderr)
        return 1
    for size in SIZES:
        path = ICONS / f"initscope-{size}.png"
        path.write_bytes(encode(render(renderer, size), "png"))
        print(f"wrote {path.relative_to(ICONS.parent.parent)}")
    ico = ICONS / "initscope.ico"
    ico.write_bytes(build_ico({size: render(renderer, size) for size in ICO_SIZES}))
    print(f"wrote {ico.relative_to(ICONS.parent.parent)} ({', '.join(map(str, ICO_SIZES))} px)")
    icns = ICONS / "initscope.icns"
    icns.write_bytes(build_icns({size: render(renderer, size) for size in ICNS_SIZES}))
    print(f"wrote {icns.relative_to(ICONS.parent.parent)} ({', '.join(map(str, ICNS_SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
