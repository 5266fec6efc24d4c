"""The suite's file order, for `make test` (pytest-xdist, `--dist loadfile
--no-loadscope-reorder`): the scheduler hands whole files to the workers in collection order,
so the files known to be long come first and the many short unit files fill in at the end
(longest first: no worker is left alone at the end with a file of minutes). xdist's own
reordering (by number of tests) put the long end-to-end files, which hold few tests, last.

A file's place changes only when it runs, never whether or how: the tests inside a file keep
their order (module-scoped platforms rely on it).
"""

from __future__ import annotations

import pytest

# The longest files of a full run (junit times, 2026-12-08, worker-seconds on this machine's
# two cores): the two request sweeps over every operation (227, 212), then the platforms under
# faults and load (43-83).
LONGEST = (
    "services/gateway/tests/integration/test_fuzz.py",
    "tests/e2e/test_bad_input.py",
    "tests/foundation/test_event_flow.py",
    "tests/e2e/test_cluster.py",
    "tests/e2e/test_faults.py",
    "tests/e2e/test_demo_day.py",
    "services/gateway/tests/integration/test_webhooks.py",
    "tests/foundation/test_rebalance.py",
    "tests/e2e/test_sqlite_default.py",
)
# Then whatever starts real processes or a platform, then the rest.
SLOW_FOLDERS = ("tests/e2e/", "tests/foundation/", "/integration/")


def rank(relative_path: str) -> int:
    if relative_path in LONGEST:
        return LONGEST.index(relative_path)
    if any(part in f"/{relative_path}" for part in SLOW_FOLDERS):
        return len(LONGEST)
    return len(LONGEST) + 1


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    root = config.rootpath
    first_seen: dict[str, int] = {}
    for item in items:
        first_seen.setdefault(str(item.path.relative_to(root)), len(first_seen))

    def key(indexed: tuple[int, pytest.Item]) -> tuple[int, int, int]:
        index, item = indexed
        path = str(item.path.relative_to(root))
        return rank(path), first_seen[path], index

    items[:] = [item for _, item in sorted(enumerate(items), key=key)]
