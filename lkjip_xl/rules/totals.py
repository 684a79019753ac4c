"""totals rules (placeholder until written)."""

RULES = ()
