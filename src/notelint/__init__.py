"""notelint: an etiquette linter for thank-you notes written after job interviews."""

__version__ = "0.1.0"
