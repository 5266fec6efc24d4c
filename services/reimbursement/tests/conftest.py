"""Fixtures over the pinned synthetic catalog in ``reimbursement.testing``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reimbursement.domain.claim import BillingContext
from reimbursement.domain.visit import Visit
from reimbursement.testing import make_ctx, make_visit

# Integration helpers (reimb_it.py) are a plain module beside this file.
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def ctx() -> BillingContext:
    return make_ctx()


@pytest.fixture
def visit_factory() -> Callable[..., Visit]:
    return make_visit
