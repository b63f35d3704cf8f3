"""Search: the quick-open title index and the full-text index (no Textual here)."""
