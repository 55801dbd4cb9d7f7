"""notelint: an etiquette linter for thank-you notes written after job interviews."""

__version__ = "0.2.0"
