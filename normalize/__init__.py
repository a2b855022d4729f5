"""Alias normalisation: unit spellings as written -> canonical unit names, from an editable registry."""
