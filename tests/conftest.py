"""Shared fixtures: a small world of two councils and one user per role."""

import os
from dataclasses import dataclass

import pytest

from councils.permissions import CouncilRole, council_role_grant
from tests.celery_worker import celery_worker  # noqa: F401  (the real-worker fixture, for every test)
from tests.factories import CouncilFactory, UserFactory


def pytest_configure(config):
    # Playwright's sync API runs an event loop in this thread; browser tests touch the ORM in-process.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class World:
    council: object
    other_council: object
    users: dict  # role name -> user or None (anonymous)


ROLES = ["anonymous", "other_member", "other_secretariat", "member", "secretariat", "admin"]


@pytest.fixture
def world(db) -> World:
    council = CouncilFactory(name="Sønderjylland", slug="soenderjylland")
    other = CouncilFactory(name="Fyn", slug="fyn")
    users = {"anonymous": None}
    for role, target, council_role in [
        ("member", council, CouncilRole.MEMBER),
        ("secretariat", council, CouncilRole.SECRETARIAT),
        ("other_member", other, CouncilRole.MEMBER),
        ("other_secretariat", other, CouncilRole.SECRETARIAT),
    ]:
        user = UserFactory(username=role)
        council_role_grant(council=target, user=user, role=council_role)
        users[role] = user
    users["admin"] = UserFactory(username="admin", is_staff=True, is_superuser=True)
    return World(council=council, other_council=other, users=users)


@pytest.fixture
def secretariat(world):
    return world.users["secretariat"]


@pytest.fixture
def member(world):
    return world.users["member"]
