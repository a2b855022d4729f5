"""Reading notices: ingestion into lines, segmentation into clauses, parsing of unit lists."""
