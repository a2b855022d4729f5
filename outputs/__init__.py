"""The edge: records -> DataFrames with fixed schemas, and the writers that put them on disk."""
