"""Expected HTTP outcomes per URL name × role × method, one module per feature.

Every module here defines EXPECTATIONS: {url_name: Expect(...)}. The matrix test in
tests/permissions/test_url_matrix.py walks the URL resolver and fails for any named URL that no
module covers, so a new page is in the matrix the day it is added.

Roles: anonymous, other_member, other_secretariat, member, secretariat, admin (see tests/conftest.py).
The object under test always belongs to world.council (Sønderjylland); "other_*" users belong to Fyn.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

LOGIN = "login"  # shorthand: anonymous users are redirected to the login page
PUBLIC = {
    "anonymous": 200,
    "other_member": 200,
    "other_secretariat": 200,
    "member": 200,
    "secretariat": 200,
    "admin": 200,
}
COUNCIL_READ = {
    "anonymous": LOGIN,
    "other_member": 404,
    "other_secretariat": 404,
    "member": 200,
    "secretariat": 200,
    "admin": 200,
}
COUNCIL_WRITE = {
    "anonymous": LOGIN,
    "other_member": 404,
    "other_secretariat": 404,
    "member": 403,
    "secretariat": 200,
    "admin": 200,
}
LOGGED_IN = {
    "anonymous": LOGIN,
    "other_member": 200,
    "other_secretariat": 200,
    "member": 200,
    "secretariat": 200,
    "admin": 200,
}


@dataclass
class Expect:
    """kwargs(world) -> URL kwargs; get/post: role -> status code or LOGIN; None means "not checked"."""

    kwargs: Callable = field(default=lambda world: {})
    get: dict | None = None
    post: dict | None = None
    post_data: Callable = field(default=lambda world: {})
    query: str = ""


def all_expectations() -> dict[str, Expect]:
    merged: dict[str, Expect] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for name, expect in getattr(module, "EXPECTATIONS", {}).items():
            assert name not in merged, f"URL {name} has expectations in two modules"
            merged[name] = expect
    return merged
