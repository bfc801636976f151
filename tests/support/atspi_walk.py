"""Walk the AT-SPI tree of the running Lab'EST window, as a screen reader sees it.

Run by tests/ui/test_screen_reader.py with Debian's own Python (pyatspi is a system
package), inside the D-Bus session the application was started in. Prints one line
``interactive controls showing: N, named: N, unnamed: N`` and the unnamed ones.
"""
import sys, time
import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_MENU,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_DATE_EDITOR, pyatspi.ROLE_PASSWORD_TEXT,
}
app = None
for _ in range(60):
    desktop = pyatspi.Registry.getDesktop(0)
    for a in desktop:
        if a is not None and a.name and "labest" in a.name.lower():
            app = a
    if app:
        break
    time.sleep(0.5)
if app is None:
    print("application not found on the accessibility bus:", [a.name for a in pyatspi.Registry.getDesktop(0) if a])
    sys.exit(2)
print("application:", app.name)
unnamed, named, seen = [], 0, 0
def walk(node, depth=0, path=""):
    global named, seen
    try:
        role = node.getRole(); name = node.name or ""
        states = node.getState()
    except Exception:
        return
    if depth > 40:
        return
    showing = states.contains(pyatspi.STATE_SHOWING)
    if role in INTERACTIVE and showing:
        seen += 1
        if name.strip():
            named += 1
        else:
            unnamed.append(f"{node.getRoleName()} at {path}")
    for i in range(min(node.childCount, 400)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            walk(child, depth + 1, f"{path}/{node.getRoleName()}[{i}]")
walk(app)
print(f"interactive controls showing: {seen}, named: {named}, unnamed: {len(unnamed)}")
for u in unnamed[:40]:
    print("  unnamed:", u)
