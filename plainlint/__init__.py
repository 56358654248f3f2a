"""plainlint: checks patient information against plain-language guidelines."""

__version__ = "0.2.0"
