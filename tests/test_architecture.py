"""The import rules of README's "Layout" hold, and breaking them fails `lint-imports`.

`make test` runs `lint-imports` itself; these tests prove the contracts bite (an upward import and a
cycle each make it fail) and check what import-linter does not: no import cycle between any two
modules, and `Http404` raised only by views.
"""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("councils", "reform", "planning", "config")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _copy_project(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "migrations")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=project, capture_output=True, text=True, timeout=300
    )


def test_contracts_hold_on_the_code_as_it_is(tmp_path):
    result = _lint(_copy_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # a lower app importing a higher one
        ("councils/selectors.py", "import planning.plans.services", "Apps point one way"),
        # a lower feature importing a higher one
        ("planning/plans/services.py", "from planning.hearings import services", "Features inside planning"),
        # a service importing its feature's tasks (the old services <-> tasks cycle)
        ("planning/hearings/services.py", "from planning.hearings import tasks", "Inside a feature"),
        # a service importing views
        ("planning/plans/services.py", "from planning.plans import views", "Nothing but urls"),
    ],
)
def test_an_upward_import_or_a_cycle_fails_lint_imports(tmp_path, module, line, broken):
    project = _copy_project(tmp_path)
    path = project / module
    path.write_text(path.read_text() + f"\n{line}  # noqa\n")
    result = _lint(project)
    assert result.returncode != 0
    assert broken in result.stdout
    assert "BROKEN" in result.stdout


def _raises_http404(path: Path) -> list[int]:
    tree = ast.parse(path.read_text())
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(target, ast.Name) and target.id == "Http404":
                lines.append(node.lineno)
        is_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if is_call and node.func.id in {"get_object_or_404", "get_list_or_404"}:
            lines.append(node.lineno)
    return lines


def test_http404_is_raised_only_in_views():
    """Selectors and services raise `NotFound` (or a model's DoesNotExist); only the web layer answers 404."""
    allowed = {"views.py", "mixins.py", "middleware.py"}
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for package in ("councils", "reform", "planning")
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.name not in allowed and "migrations" not in path.parts
        for line in _raises_http404(path)
    ]
    assert not offenders, offenders
