"""hygiene rules (placeholder until written)."""

RULES = ()
