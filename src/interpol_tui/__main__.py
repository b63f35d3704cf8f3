"""Allow ``python -m interpol_tui``."""

from interpol_tui.cli import main

raise SystemExit(main())
