"""The service starts without OR-Tools and statsmodels (seconds of import each); the preload
brings both, so the first plan or forecast does not wait for them."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("ortools", "statsmodels")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, check=True)
    return set(done.stdout.split()) & set(HEAVY)


def test_the_app_imports_neither_library():
    assert _loaded_after("import scheduling.main") == set()


def test_the_preload_imports_both():
    assert _loaded_after("from scheduling.bootstrap import preload_models\npreload_models()") \
        == set(HEAVY)
