"""Versions of a package: citations and diffs between releases."""
