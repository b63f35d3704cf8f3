"""The wheel carries the bundled corpus, so a non-editable install finds it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the project's wheel once, offline (hatchling comes with the test extras)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("interpol_tui-*.whl")
    return built


def test_wheel_contains_the_seeds_byte_for_byte(wheel: Path) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for seed in seeds:
            member = f"interpol_tui/seeds/{seed.name}"
            assert member in names
            assert archive.read(member) == seed.read_bytes()


def test_wheel_contains_the_package_and_its_styles(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    assert "interpol_tui/__main__.py" in names
    assert "interpol_tui/ui/app.tcss" in names
    assert "interpol_tui/corpus/clean.py" in names
    assert "interpol-tui = interpol_tui.cli:main" in scripts
    # Tests, benchmarks and scripts stay out of the installed package.
    assert not any(name.startswith(("tests/", "benchmarks/", "scripts/")) for name in names)


def test_unpacked_wheel_finds_its_bundled_seeds(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import interpol_tui; from interpol_tui.corpus.seeds import bundled_seeds;"
        "from interpol_tui.corpus.loader import load_corpus;"
        "print(interpol_tui.__file__); print(bundled_seeds());"
        "print(len(load_corpus([bundled_seeds()]).documents))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", probe, str(site)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    package_file, seeds, count = result.stdout.split("\n")[:3]
    assert Path(package_file).is_relative_to(site)
    assert Path(seeds) == site / "interpol_tui" / "seeds"
    assert count == "5"
