"""averages rules (placeholder until written)."""

RULES = ()
