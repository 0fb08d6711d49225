import pytest

from planning.plans.services import section_revision_save
from tests.factories import UserFactory
from tests.factories.planning import PlanFactory

TEXT = (
    "<p>Første tekstafsnit om akutpladser.</p><p>Andet tekstafsnit om almen praksis.</p>"
    "<p>Tredje tekstafsnit.</p>"
)


@pytest.fixture
def plan(world):
    return PlanFactory(council=world.council, created_by=world.users["secretariat"])


@pytest.fixture
def section(plan, world):
    section = plan.sections.order_by("position").first()
    section_revision_save(
        section=section,
        title=section.title,
        text=TEXT,
        base_revision_id=section.current_revision_id,
        author=world.users["secretariat"],
    )
    section.refresh_from_db()
    return section


@pytest.fixture
def plain_user(db):
    """Logged in, but no role in any council."""
    return UserFactory(username="udenrolle")


def save_text(section, text, author):
    section.refresh_from_db()
    revision = section_revision_save(
        section=section,
        title=section.title,
        text=text,
        base_revision_id=section.current_revision_id,
        author=author,
    )
    section.refresh_from_db()
    return revision
