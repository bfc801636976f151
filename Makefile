# One-command set-up on a fresh Debian machine with Python 3.11:
#   make run      install what is needed, open the window on the default database
#   make test     install what is needed, run the whole test suite
#   make package  build the one-folder executable in dist/labest/
#   make selftest-frozen  build it, then run its --version and --selftest

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Shared libraries the Qt xcb/offscreen platform plugins load, LibreOffice and
# Gnumeric (ssconvert) for the matrix of spreadsheet programs that re-save exchanged
# workbooks (tests/unit/exchange/test_program_matrix.py), Xvfb for screenshots, and the AT-SPI bus
# a screen reader reads (D-Bus session, at-spi2-core, pyatspi, xdotool to type).
SYSTEM_PACKAGES := libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 \
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core xvfb \
  dbus-daemon at-spi2-core python3-pyatspi xdotool

.PHONY: run test package selftest-frozen system-deps translations lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	command -v ssconvert >/dev/null 2>&1 || missing="$$missing gnumeric"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

translations: $(STAMP)
	$(BIN)/python -m labest_desktop.ui.translations_build

run: $(STAMP) system-deps translations
	$(BIN)/labest

test: $(STAMP) system-deps translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check labest_desktop tests benchmarks

package: $(STAMP) translations
	$(BIN)/pyinstaller --noconfirm --clean build.spec

# `make test` does the same through tests/packaging (rebuilding only when stale).
selftest-frozen: package
	QT_QPA_PLATFORM=offscreen dist/labest/labest --version
	QT_QPA_PLATFORM=offscreen dist/labest/labest --selftest

clean:
	rm -rf build dist $(VENV)
