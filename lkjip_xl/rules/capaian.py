"""capaian rules (placeholder until written)."""

RULES = ()
