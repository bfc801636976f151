"""Walk the AT-SPI tree of the running Lab'EST window, as a screen reader sees it.

Run by tests/ui/test_screen_reader.py with Debian's own Python (pyatspi is a system
package), inside the D-Bus session the application was started in. Prints one line
``interactive controls showing: N, named: N, unnamed: N`` and the unnamed ones.
"""

import sys
import time

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_MENU,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_DATE_EDITOR, pyatspi.ROLE_PASSWORD_TEXT,
}


def find_application():
    for _ in range(60):
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name and "labest" in app.name.lower():
                return app
        time.sleep(0.5)
    return None


def walk(node, unnamed: list[str], counts: dict, depth: int = 0, path: str = "") -> None:
    try:
        role, name, states = node.getRole(), node.name or "", node.getState()
    except Exception:  # a widget that went away while walking
        return
    if depth > 40:
        return
    if role in INTERACTIVE and states.contains(pyatspi.STATE_SHOWING):
        counts["seen"] += 1
        if name.strip():
            counts["named"] += 1
        else:
            unnamed.append(f"{node.getRoleName()} at {path}")
    for index in range(min(node.childCount, 400)):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        if child is not None:
            walk(child, unnamed, counts, depth + 1, f"{path}/{node.getRoleName()}[{index}]")


def main() -> int:
    app = find_application()
    if app is None:
        print("application not found on the accessibility bus")
        return 2
    print("application:", app.name)
    unnamed: list[str] = []
    counts = {"seen": 0, "named": 0}
    walk(app, unnamed, counts)
    print(f"interactive controls showing: {counts['seen']}, named: {counts['named']}, unnamed: {len(unnamed)}")
    for entry in unnamed[:40]:
        print("  unnamed:", entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
