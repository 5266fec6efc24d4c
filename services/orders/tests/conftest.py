"""Fixtures shared by the orders tests (builders live in orders.testing)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from orders import testing
from orders.seed import seed_catalog


@pytest.fixture
def catalog():
    return seed_catalog()


@pytest.fixture
def mk():
    return SimpleNamespace(**{k: getattr(testing, k) for k in (
        "patient", "line", "lines", "past", "check", "born", "AS_OF", "PATIENT_ID")})
