"""Reports of the analysis (JSON, CSV, Markdown) for the CLI and the UI, above state."""
