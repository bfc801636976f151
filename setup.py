"""Build step of the package: the wheel carries the compiled translations and icons.

``pip install .`` or ``pip wheel .`` runs ``build_py``; this one also copies
``resources/`` (icons, ``.ts`` compiled to ``.qm``) into the built package as
``labest_desktop/resources``, where ``paths.resource_path`` looks first. Everything
else is declared in pyproject.toml.
"""

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _translations_build():
    """labest_desktop/ui/translations_build.py loaded alone (no Qt, no package import)."""
    spec = importlib.util.spec_from_file_location(
        "_labest_translations_build", ROOT / "labest_desktop" / "ui" / "translations_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithResources(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # editable: resources are read from the checkout
            return
        target = Path(self.build_lib) / "labest_desktop" / "resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "resources" / "icons", target / "icons",
                        ignore=shutil.ignore_patterns("*.py", "__pycache__"))
        sources = ROOT / "resources" / "translations"
        tools = _translations_build()
        for source in sorted(sources.glob("*.ts")):
            tools.compile_one(source, target / "translations" / source.with_suffix(".qm").name)


setup(cmdclass={"build_py": BuildWithResources})
