"""Is a checked-in generated tree up to date? Generate it afresh into a temporary directory
and compare file by file (contracts.py and client.py both ask)."""

from __future__ import annotations

import filecmp
import tempfile
from collections.abc import Callable
from pathlib import Path


def stale_files(*, write: Callable[[Path], object], files: Callable[[Path], set[Path]],
                checked_in: Path) -> list[str]:
    """Files (relative paths) that differ between a fresh ``write`` into a temporary root and
    ``checked_in``, or exist on one side only: empty when up to date."""
    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp))
        fresh, ours = files(Path(tmp)), files(checked_in)
        return sorted(str(f) for f in fresh | ours if f not in fresh or f not in ours
                      or not filecmp.cmp(Path(tmp) / f, checked_in / f, shallow=False))
