"""uddprog: uddannelsesprogrammer for den lægelige videreuddannelse as validated data.

Pipeline: loading (YAML → models with positions) → catalog (references) →
checks (findings) → render / diff. The CLI is a thin layer over these modules.
"""

__version__ = "0.1.0"
