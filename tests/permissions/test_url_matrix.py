"""Every named URL × role × method has an expected outcome (see expectations/)."""

import pytest
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
    response = client.get(url) if method == "get" else client.post(url, expect.post_data(world))
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected, f"{method.upper()} {url} as {role}"
