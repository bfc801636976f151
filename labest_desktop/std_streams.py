"""The standard streams of a process the application started as its own helper
(the workbook reader's new interpreter, the import's helper), as binary file
descriptors.

A frozen windowed build on Windows has no ``sys.stdin`` or ``sys.stdout`` object,
but the pipes the parent gave are there all the same, as the process's standard
handles; and on Windows a descriptor must be put in binary mode, or newlines in
the frames would be translated.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys


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
