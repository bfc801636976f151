"""The Qt binding we ship can emit signals from Python all day.

PySide6 6.12.0 releases a reference to ``True`` on every ``emit()`` made from
Python, so a window that emits a few thousand signals aborts with "bool_dealloc"
(debug builds of Python say so; release builds crash). The run happens in a child
process so that a bad binding fails this test instead of killing the test session.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = r"""
import sys
from PySide6.QtCore import QObject, Signal

class Source(QObject):
    plain = Signal()
    with_value = Signal(int)

source = Source()
seen = []
source.with_value.connect(seen.append)
before = sys.getrefcount(True)
for index in range(20000):
    source.plain.emit()
    source.with_value.emit(index)
print(sys.getrefcount(True) - before, len(seen))
"""


def test_twenty_thousand_emits_leave_true_alone():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    delta, seen = result.stdout.split()
    assert int(seen) == 20000
    assert abs(int(delta)) < 50  # a leak would show 20,000 or more
