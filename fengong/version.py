"""The tool's version, in a module of its own so that every layer can name it without importing the library."""

__version__ = "0.2.0"
