"""Write a synthetic corpus to a folder: ``python benchmarks/generate.py OUT_DIR --count 10000``.

Then browse it with ``interpol-tui --corpus OUT_DIR``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from synthetic import DEFAULT_SEED, write_corpus


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder to write into")
    parser.add_argument("--count", type=int, default=10_000, help="releases (default 10000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    paths = write_corpus(args.out_dir, args.count, seed=args.seed)
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths):,} releases ({size / 1e6:.1f} MB) to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
