"""Entities, figures, quotations and cross-release statistics (no Textual here)."""
