"""The files `uddprog init` writes into a new region repository (text templates, ``$navn`` placeholders)."""
