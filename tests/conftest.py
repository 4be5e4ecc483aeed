"""Shared fixtures: paths to the project's own example articles and the shared reference."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def reference_article() -> Path:
    path = SHARED / "reference" / "000_d2cfe8c4e6261a55.txt"
    if not path.exists():
        pytest.skip("../shared/reference is not beside this checkout")
    return path
