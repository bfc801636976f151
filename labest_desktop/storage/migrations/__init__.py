"""Alembic migrations shipped inside the package.

``HEAD`` names the newest revision so that opening an up-to-date database does not
need to import Alembic (a test checks it matches the scripts).
"""

HEAD = "0008"
