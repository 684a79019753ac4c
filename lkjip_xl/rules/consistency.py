"""consistency rules (placeholder until written)."""

RULES = ()
