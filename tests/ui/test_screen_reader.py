"""What a screen reader reads: the real window, on a real X server, through the
AT-SPI accessibility bus Orca uses.

The application is started under Xvfb inside its own D-Bus session with Qt's
accessibility bridge on; for each view (switched by keyboard: Ctrl+1…6) and for the
project editor (Ctrl+N), every interactive control the window shows — buttons,
fields, lists, tables, tabs, menus — must carry a name on the bus. ``make test``
installs the system parts (Xvfb, D-Bus, at-spi2-core, pyatspi, xdotool).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
WALK = HERE.parent / "support" / "atspi_walk.py"
SYSTEM_PYTHON = "/usr/bin/python3"
STEPS = [("Projets", []), ("Tableau", ["ctrl+2"]), ("Événements", ["ctrl+3"]), ("Partenaires", ["ctrl+4"]),
         ("Financement", ["ctrl+5"]), ("Synthèse", ["ctrl+6"]), ("Projets (retour)", ["ctrl+1"]),
         ("Nouveau projet", ["ctrl+n"])]

SCRIPT = r"""
set -u
/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!
sleep 1
/usr/libexec/at-spi2-registryd &
registry=$!
sleep 1
QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 "$APP_PYTHON" -m labest_desktop --db "$DB" &
app=$!
for i in $(seq 1 40); do xdotool search --name "Lab'EST" >/dev/null 2>&1 && break; sleep 0.5; done
sleep 2
xdotool mousemove 5 300 click 1
sleep 0.5
for step in $STEPS; do
  keys=${step#*=}
  for k in ${keys//,/ }; do [ -n "$k" ] && xdotool key "$k" && sleep 1.2; done
  echo "== ${step%%=*}"
  /usr/bin/python3 "$WALK"
done
kill $app $registry $launcher 2>/dev/null
wait $app 2>/dev/null
exit 0
"""


def _missing() -> list[str]:
    needed = ["Xvfb", "xdotool", "dbus-run-session", "/usr/libexec/at-spi-bus-launcher",
              "/usr/libexec/at-spi2-registryd", SYSTEM_PYTHON]
    missing = [n for n in needed if not (shutil.which(n) or os.path.exists(n))]
    if SYSTEM_PYTHON not in missing and subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"],
                                                       capture_output=True).returncode != 0:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture
def x_server():
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = ":" + pipe.readline().strip()
    try:
        yield display
    finally:
        server.terminate()
        server.wait(10)


def test_every_control_a_screen_reader_meets_has_a_name(x_server, tmp_path):
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"the screen-reader check needs {', '.join(missing)} (make test installs them)")
        pytest.skip(f"needs {', '.join(missing)}")
    database = tmp_path / "labest.sqlite3"
    env = dict(os.environ, LABEST_DATA_DIR=str(tmp_path), HOME=str(tmp_path))
    subprocess.run([sys.executable, "-m", "labest_desktop", "--db", str(database), "demo", "--projects", "120"],
                   check=True, capture_output=True, env=env)
    steps = " ".join(f"{name.split()[0]}={','.join(keys)}" for name, keys in STEPS)
    env.update(DISPLAY=x_server, APP_PYTHON=sys.executable, DB=str(database), WALK=str(WALK), STEPS=steps)
    env.pop("QT_QPA_PLATFORM", None)
    started = time.monotonic()
    result = subprocess.run(["dbus-run-session", "--", "bash", "-c", SCRIPT], capture_output=True, text=True,
                            env=env, timeout=240)
    report = result.stdout
    found = re.findall(
        r"== (\S+)\n(?:application: [^\n]*\n)?interactive controls showing: (\d+), named: (\d+), unnamed: (\d+)",
        report,
    )
    assert len(found) == len(STEPS), report + result.stderr[-3000:]
    for view, showing, _named, unnamed in found:
        assert int(showing) >= 10, f"{view}: only {showing} controls reached the bus\n{report}"
        assert int(unnamed) == 0, f"{view}: controls without a name\n{report}"
    assert time.monotonic() - started < 240
