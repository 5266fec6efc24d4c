"""The suite's file order (conftest.py at the root): the long files first, in the measured
order, then the files that start processes, then the unit files; inside a file, the tests
keep their order."""

from pathlib import Path
from types import SimpleNamespace

from chairside_shared.testing.modules import load_file

ROOT = Path(__file__).resolve().parents[1]


def _order():
    return load_file(ROOT / "conftest.py", "suite_order")


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
