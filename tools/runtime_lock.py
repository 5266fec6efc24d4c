"""requirements-runtime.lock: the part of requirements.lock the deployed images install.

requirements.lock holds every group (the suite's pytest, selenium, schemathesis...): an image
built from it carried the test tooling, and the services paid for it in memory, because
httpx and httpcore import rich, click, pygments and trio whenever they are installed (about
10 MB resident per process, bench/cost.py). The runtime set is resolved by uv from
deploy/runtime.in (the workspace's packages, no dev group) constrained to requirements.lock;
each package's entry (version, hashes) is then copied from requirements.lock unchanged, so
the two locks can never disagree.

requirements-build.lock holds what installing the workspace's own packages needs besides
(the build backend named in their pyproject.toml, and `editables` for editable installs),
without what the runtime lock has already: an image installs it to build, then uninstalls it.

    python tools/runtime_lock.py write   # make lock
    python tools/runtime_lock.py check   # exit 1 when either lock is stale
    python tools/runtime_lock.py venv DIR [--editable]   # a venv as the images have it

`venv` installs as the Dockerfiles do (both locks with --require-hashes, the workspace's
packages without their dependencies, then the build lock removed): bench/cost.py measures
the services in one, and a test imports every process from one.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FULL = ROOT / "requirements.lock"
RUNTIME = ROOT / "requirements-runtime.lock"
BUILD = ROOT / "requirements-build.lock"
RUNTIME_IN = ROOT / "deploy" / "runtime.in"
EDITABLE_BACKEND = "editables==0.5"  # hatchling's editable installs (make install, bench)
UV = ROOT / ".venv" / "bin" / "uv"
HEADER = ("# The runtime part of requirements.lock (no dev group): what the images install.\n"
          "# Written by `make lock` (tools/runtime_lock.py) from deploy/runtime.in; each entry is\n"
          "# copied from requirements.lock, versions and hashes unchanged.\n")
BUILD_HEADER = ("# Building the workspace's packages (their build backend), beyond\n"
                "# requirements-runtime.lock: installed to build an image, then uninstalled.\n"
                "# Written by `make lock` (tools/runtime_lock.py); entries copied from\n"
                "# requirements.lock.\n")
_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", re.M)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def entries(text: str) -> dict[str, str]:
    """Each package's whole entry (its `name==version` line, hashes and `# via` lines)."""
    starts = [(m.start(), canonical(m.group(1))) for m in _NAME.finditer(text)]
    out = {}
    for i, (start, name) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        out[name] = text[start:end].rstrip("\n") + "\n"
    return out


def workspace_projects() -> list[Path]:
    return [ROOT / line.strip() / "pyproject.toml" for line in RUNTIME_IN.read_text().splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def workspace_names() -> set[str]:
    return {canonical(re.search(r'^name = "([^"]+)"', p.read_text(), re.M).group(1))
            for p in workspace_projects()}


def build_requirements() -> list[str]:
    """The build backends the workspace's pyproject.toml files require, and `editables`."""
    found = set()
    for project in workspace_projects():
        requires = re.search(r"^requires = \[([^\]]*)\]", project.read_text(), re.M)
        found.update(re.findall(r'"([^"]+)"', requires.group(1)) if requires else [])
    return sorted(found | {EDITABLE_BACKEND})


def resolved_names(requirements: str) -> set[str]:
    """What uv resolves for ``requirements`` (a requirements file's text) within
    requirements.lock's versions, workspace packages left out."""
    args = [str(UV), "pip", "compile", "-", "-c", str(FULL), "--quiet",
            "--python-version", "3.11", "--no-header", "--no-annotate"]
    for name in sorted(workspace_names()):
        args += ["--no-emit-package", name]
    out = subprocess.run(args, cwd=ROOT, input=requirements, capture_output=True, text=True,
                         check=True).stdout
    return {canonical(m.group(1)) for m in _NAME.finditer(out)}


def render(header: str, names: set[str]) -> str:
    full = entries(FULL.read_text())
    missing = sorted(names - set(full))
    if missing:
        raise SystemExit(f"resolved outside requirements.lock: {missing} (run `make lock`)")
    return header + "".join(full[n] for n in sorted(names))


def locks() -> dict[Path, str]:
    runtime = resolved_names(RUNTIME_IN.read_text())
    build = resolved_names("\n".join(build_requirements()) + "\n") - runtime
    return {RUNTIME: render(HEADER, runtime), BUILD: render(BUILD_HEADER, build)}


def make_venv(target: Path, *, editable: bool = False, compile_bytecode: bool = True) -> Path:
    """A venv at ``target`` holding what an image holds; its python. Bytecode is compiled at
    install, as the images' processes find it (import from source costs CPU and memory)."""
    python = target / "bin" / "python"
    flags = ["--quiet"] + (["--compile-bytecode"] if compile_bytecode else [])
    subprocess.run([str(UV), "venv", "--quiet", "--allow-existing", "--python", sys.executable,
                    str(target)], check=True)
    subprocess.run([str(UV), "pip", "sync", *flags, "--python", str(python),
                    "--require-hashes", str(RUNTIME), str(BUILD)],
                   check=True)
    packages = [str(p.parent) for p in workspace_projects()]
    if editable:
        packages = [a for p in packages for a in ("-e", p)]
    subprocess.run([str(UV), "pip", "install", *flags, "--python", str(python), "--no-deps",
                    "--no-build-isolation", *packages], check=True)
    subprocess.run([str(UV), "pip", "uninstall", "--quiet", "--python", str(python), "-r",
                    str(BUILD)], check=True)
    return python


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "venv":
        if len(argv) < 3:
            raise SystemExit("venv DIR [--editable]")
        print(make_venv(Path(argv[2]), editable="--editable" in argv[3:]))
        return 0
    wanted = locks()
    if command == "write":
        for path, text in wanted.items():
            path.write_text(text)
        return 0
    if command == "check":
        stale = [p.name for p, text in wanted.items()
                 if not p.exists() or p.read_text() != text]
        if stale:
            print(f"{', '.join(stale)} stale: run `make lock`", file=sys.stderr)
            return 1
        return 0
    raise SystemExit(f"unknown command {command!r}: write or check")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
