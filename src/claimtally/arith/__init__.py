"""Exact arithmetic: intervals of Decimals, three-valued truth, stated numbers as intervals."""
