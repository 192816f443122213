"""Strategic Balance Explorer: the world's alliances as a live, editable network."""

__version__ = "0.1.0"
