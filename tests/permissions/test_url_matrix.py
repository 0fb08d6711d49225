"""Every named URL × role × method has an expected outcome (see expectations/)."""

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import ROLES
from tests.permissions.expectations import LOGIN, all_expectations

IGNORED_NAMESPACES = {"admin"}
IGNORED_NAMES = {"set_language"}


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in IGNORED_NAMESPACES:
                continue
            yield from _named_patterns(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}{pattern.name}"
            if name not in IGNORED_NAMES:
                yield name


DOMAIN_APPS = ("councils", "reform", "planning")


def _domain_state() -> dict[str, list[dict]]:
    """Every row of the product's own tables: a refused request must leave all of them as they were."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for app in DOMAIN_APPS
        for model in apps.get_app_config(app).get_models()
    }


EXPECTATIONS = all_expectations()
CASES = [
    (name, role, method)
    for name, expect in sorted(EXPECTATIONS.items())
    for method in ("get", "post")
    if getattr(expect, method)
    for role in ROLES
    if getattr(expect, method).get(role) is not None
]


def test_every_named_url_has_expectations():
    missing = sorted(set(_named_patterns()) - set(EXPECTATIONS))
    assert not missing, f"URLs without an entry in tests/permissions/expectations/: {missing}"


@pytest.mark.parametrize(("name", "role", "method"), CASES)
def test_url_matrix(client, world, name, role, method):
    expect = EXPECTATIONS[name]
    expected = getattr(expect, method)[role]
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = reverse(name, kwargs=expect.kwargs(world)) + expect.query
    denied = expected == LOGIN or expected in (403, 404)
    if method == "get":
        response = client.get(url)
    else:
        data = expect.post_data(world)
        before = _domain_state() if denied else None
        response = client.post(url, data)
        if denied:
            assert _domain_state() == before, f"a refused POST {url} as {role} changed data"
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected, f"{method.upper()} {url} as {role}"
