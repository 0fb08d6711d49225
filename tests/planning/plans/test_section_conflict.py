"""No lost updates: a save from an old base revision gets the conflict page and overwrites nothing."""

from django.urls import reverse

from planning.models import PlanEvent, SectionRevision
from tests.factories.planning import PlanFactory


def test_second_edit_from_same_revision_gets_conflict_page_and_both_texts_are_kept(client, world):
    secretariat = world.users["secretariat"]
    plan = PlanFactory(council=world.council, created_by=secretariat)
    section = plan.sections.get(position=1)
    base = section.current_revision_id
    url = reverse("section-edit", kwargs={"pk": plan.pk, "section_pk": section.pk})
    client.force_login(secretariat)

    first = client.post(
        url, {"title": section.title, "text": "<p>Tekst fra fane et</p>", "base_revision": base}
    )
    assert first.status_code == 302
    second = client.post(
        url,
        {"title": section.title, "text": "<p>Tekst fra fane to om almen praksis</p>", "base_revision": base},
    )

    assert second.status_code == 409
    page = second.content.decode()
    assert "Afsnittet er ændret, mens du skrev" in page
    assert "Tekst fra fane et" in page  # the newer saved text
    assert "Tekst fra fane to om almen praksis" in page  # my unsaved text, in the editable textarea
    assert "<textarea" in page and 'data-editor="rich"' in page
    assert "<ins>" in page and "<del>" in page  # the diff between them
    section.refresh_from_db()
    assert f'name="base_revision" value="{section.current_revision_id}"' in page  # retry from the new base
    revisions = list(
        SectionRevision.objects.filter(section=section).order_by("number").values_list("number", "text")
    )
    assert revisions == [(1, ""), (2, "<p>Tekst fra fane et</p>")]  # nothing overwritten
    conflict = PlanEvent.objects.get(plan=plan, kind=PlanEvent.Kind.SECTION_CONFLICT)
    assert conflict.data["text"] == "<p>Tekst fra fane to om almen praksis</p>"
    assert conflict.data["base_revision"] == base and conflict.user == secretariat

    history = client.get(reverse("section-history", kwargs={"pk": plan.pk, "section_pk": section.pk}))
    assert "Tekst fra fane to om almen praksis" in history.content.decode()

    retry = client.post(
        url,
        {"title": section.title, "text": "<p>Samlet tekst</p>", "base_revision": section.current_revision_id},
    )
    assert retry.status_code == 302
    assert SectionRevision.objects.filter(section=section).count() == 3


def test_conflict_page_escapes_and_sanitises_the_attempted_text(client, world):
    secretariat = world.users["secretariat"]
    plan = PlanFactory(council=world.council, created_by=secretariat)
    section = plan.sections.get(position=1)
    base = section.current_revision_id
    url = reverse("section-edit", kwargs={"pk": plan.pk, "section_pk": section.pk})
    client.force_login(secretariat)
    client.post(url, {"title": section.title, "text": "<p>Først</p>", "base_revision": base})
    response = client.post(
        url, {"title": section.title, "text": "<p>Hej<script>alert(1)</script></p>", "base_revision": base}
    )
    assert response.status_code == 409
    assert "<script>alert(1)" not in response.content.decode()
