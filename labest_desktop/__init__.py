"""Lab'EST Desktop: portfolio of a territorial public-innovation lab."""

__version__ = "0.1.0"
