"""Processes this application starts as its own helpers (the workbook reader's new
interpreter, the import's helper): the command that starts one, its standard
streams, and the frames both sides exchange on them.

A helper is this program again: the frozen executable with an argument of its own,
or ``python -m`` the helper's module. Frames are pickled values prefixed by their
length (8 bytes, little-endian); the side that reads them chooses how to unpickle
(the reader's parent refuses every class but dates and times).

A frozen windowed build on Windows has no ``sys.stdin`` or ``sys.stdout`` object,
but the pipes the parent gave are there all the same, as the process's standard
handles; and on Windows a descriptor must be put in binary mode, or newlines in
the frames would be translated.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys
from collections.abc import Callable
from typing import BinaryIO


def binary_fd(name: str) -> int:
    """A new descriptor of the standard ``"stdin"`` or ``"stdout"``, in binary mode."""
    stream = getattr(sys, name)
    fd = None
    if stream is not None:
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation, AttributeError):
            fd = os.dup(stream.fileno())
    if sys.platform != "win32":
        if fd is None:
            raise OSError(f"no standard {name[3:]} to use")
        return fd
    import _winapi
    import msvcrt

    if fd is None:
        handle = _winapi.STD_INPUT_HANDLE if name == "stdin" else _winapi.STD_OUTPUT_HANDLE
        fd = msvcrt.open_osfhandle(_winapi.GetStdHandle(handle), 0)
    msvcrt.setmode(fd, os.O_BINARY)  # frames are bytes: no newline translation
    return fd


def own_command(frozen_argument: str, module: str) -> list[str]:
    """The command that starts this application as the helper ``module``: the frozen
    executable with ``frozen_argument`` (see ``__main__``), else this interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, frozen_argument]
    return [sys.executable, "-m", module]


_HEADER_BYTES = 8


def write_frame(stream: BinaryIO, frame: object) -> None:
    """Write ``frame`` to ``stream`` (the caller flushes when the other side should
    have it)."""
    data = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(_HEADER_BYTES, "little"))
    stream.write(data)


def read_frame(stream: BinaryIO, loads: Callable[[bytes], object] = pickle.loads) -> object:
    """The next frame of ``stream``; ``EOFError`` when the other side ended before
    or within it."""
    header = stream.read(_HEADER_BYTES)
    if len(header) < _HEADER_BYTES:
        raise EOFError("the other side ended without a frame")
    size = int.from_bytes(header, "little")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("a frame was cut short")
    return loads(data)
