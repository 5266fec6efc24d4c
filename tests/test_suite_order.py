"""The suite's file order (conftest.py at the root): the long files first, in the measured
order, then the files that start processes, then the unit files; inside a file, the tests
keep their order."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]


def _order():
    spec = importlib.util.spec_from_file_location("suite_order", ROOT / "conftest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_listed_long_file_exists():
    missing = [p for p in _order().LONGEST if not (ROOT / p).is_file()]
    assert missing == []


def test_files_are_ordered_long_first_and_tests_keep_their_order_inside_a_file():
    order = _order()
    names = ["services/orders/tests/unit/test_dose.py::a",
             "tests/e2e/test_visits.py::first", "tests/e2e/test_bad_input.py::one",
             "services/orders/tests/unit/test_dose.py::b",
             "services/gateway/tests/integration/test_fuzz.py::x",
             "tests/e2e/test_visits.py::second", "tests/e2e/test_bad_input.py::two",
             "services/scheduling/tests/integration/test_api.py::y"]
    items = [SimpleNamespace(path=ROOT / n.split("::")[0], name=n) for n in names]
    config = SimpleNamespace(rootpath=ROOT)
    order.pytest_collection_modifyitems(None, config, items)
    assert [i.name for i in items] == [
        "services/gateway/tests/integration/test_fuzz.py::x",
        "tests/e2e/test_bad_input.py::one", "tests/e2e/test_bad_input.py::two",
        "tests/e2e/test_visits.py::first", "tests/e2e/test_visits.py::second",
        "services/scheduling/tests/integration/test_api.py::y",
        "services/orders/tests/unit/test_dose.py::a",
        "services/orders/tests/unit/test_dose.py::b"]
