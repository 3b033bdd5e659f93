"""manualgen: a multilingual Hugo documentation site in, one print-ready PDF per language out."""

__version__ = "0.1.0"
