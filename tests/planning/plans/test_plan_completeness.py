from planning.models import Goal, Initiative
from planning.plans.selectors import AreaStatus, plan_completeness, plan_is_complete
from planning.plans.services import section_revision_save
from tests.factories.planning import PlanFactory


def test_new_plan_has_five_empty_areas_and_is_not_complete(world):
    plan = PlanFactory(council=world.council, created_by=world.users["secretariat"])
    statuses = [(item.area, item.status) for item in plan_completeness(plan=plan)]
    assert statuses == [(area, AreaStatus.EMPTY) for area in "abcde"]
    assert not plan_is_complete(plan=plan)


def test_area_moves_from_empty_to_text_to_complete_and_removed_is_missing(world):
    author = world.users["secretariat"]
    plan = PlanFactory(council=world.council, created_by=author)
    sections = {s.statutory_area: s for s in plan.sections.filter(kind="statutory")}
    for area, section in sections.items():
        section_revision_save(
            section=section, title=section.title, text="<p>Tekst</p>",
            base_revision_id=section.current_revision_id, author=author,
        )  # fmt: skip
        if area != "e":
            Goal.objects.create(section=section, title="Mål")
            Initiative.objects.create(section=section, title="Indsats", responsible="region")
    status = {item.area: item.status for item in plan_completeness(plan=plan)}
    assert status == {"a": AreaStatus.COMPLETE, "b": AreaStatus.COMPLETE, "c": AreaStatus.COMPLETE,
                      "d": AreaStatus.COMPLETE, "e": AreaStatus.HAS_TEXT}  # fmt: skip
    sections["e"].is_removed = True
    sections["e"].save()
    assert plan_completeness(plan=plan)[4].status == AreaStatus.MISSING
    assert not plan_is_complete(plan=plan)
