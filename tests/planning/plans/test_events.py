"""Typed plan events: one class per kind, stored and read back the same, each shown in Danish."""

import dataclasses
import importlib
import typing

import pytest
from django.apps import apps
from django.urls import reverse

from planning.models import PlanEvent
from planning.plans import events
from planning.plans.services import plan_event_record, plan_snapshot_create
from tests.factories.planning import PlanFactory


@pytest.fixture
def plan(world):
    return PlanFactory(council=world.council, created_by=world.users["secretariat"])


def _sample(cls, *, section: int, snapshot: int) -> events.PlanEventData:
    values = {}
    hints = typing.get_type_hints(cls)
    for field in dataclasses.fields(cls):
        hint = hints[field.name]
        if field.name == "section":
            values[field.name] = section
        elif field.name == "snapshot":
            values[field.name] = snapshot
        elif field.name in ("from_", "to", "deadline", "adopted_on", "received_on", "decided_on"):
            values[field.name] = "2026-12-01"
        elif hint is bool:
            values[field.name] = True
        elif hint is list:
            values[field.name] = ["noget mangler"]
        elif hint is dict:
            values[field.name] = {"title": {"from": "a", "to": "b"}}
        elif hint is str:
            values[field.name] = f"tekst-{field.name}"
        else:
            values[field.name] = 1
    return cls(**values)


def test_every_kind_has_one_typed_event_and_no_catch_all_kind_is_left():
    assert set(events.EVENT_TYPES) == set(PlanEvent.Kind.values)
    assert "other" not in PlanEvent.Kind.values
    for kind, label in PlanEvent.Kind.choices:
        assert label and label != kind


def test_each_event_is_stored_with_its_kind_and_read_back_unchanged(plan, secretariat):
    section = plan.sections.first()
    snapshot = plan_snapshot_create(plan=plan, name="Prøve", created_by=secretariat)
    for cls in events.EVENT_TYPES.values():
        typed = _sample(cls, section=section.pk, snapshot=snapshot.pk)
        row = plan_event_record(plan=plan, user=secretariat, event=typed)
        row.refresh_from_db()
        assert row.kind == cls.kind
        assert events.event_from_row(row) == typed


def test_from_is_stored_under_its_plain_json_key():
    event = events.SectionRenamed(section=1, from_="Gammel", to="Ny")
    assert event.data()["from"] == "Gammel" and "from_" not in event.data()


def test_history_page_shows_every_event_kind_with_its_danish_label(client, plan, secretariat):
    section = plan.sections.first()
    snapshot = plan_snapshot_create(plan=plan, name="Prøve", created_by=secretariat)
    for cls in events.EVENT_TYPES.values():
        typed = _sample(cls, section=section.pk, snapshot=snapshot.pk)
        plan_event_record(plan=plan, user=secretariat, event=typed)
    client.force_login(secretariat)
    response = client.get(reverse("plan-history", kwargs={"pk": plan.pk}))
    assert response.status_code == 200
    page = response.content.decode()
    for _kind, label in PlanEvent.Kind.choices:
        assert f'<th scope="row">{label}</th>' in page.replace("&#x27;", "'"), label
    assert "Anden hændelse" not in page
    assert "fristen flyttet fra 1.12.2026 til 1.12.2026" in page  # a hearing extension says what moved
    assert "tekst-reason" in page  # an adoption override shows its reason


def test_legacy_free_text_events_get_their_typed_kind(plan):
    migration = importlib.import_module("planning.migrations.0005_typed_plan_events")
    legacy = [
        ({"event": "hearing_opened", "hearing": 3, "snapshot": 4}, "hearing_opened"),
        ({"event": "hearing_unpublished", "hearing": 3}, "hearing_publication_changed"),
        ({"event": "plan_adopted", "adoption": 1, "snapshot": 2, "adopted_on": "2027-03-01"}, "adopted"),
        ({"event": "stop_right_invoked", "item": 1, "referral": 2}, "stop_right_used"),
        ({"action": "process_milestone_deleted", "title": "Møde", "at": "2026-10-27"}, "milestone_changed"),
        ({"action": "process_plan_created"}, "process_plan_created"),
    ]
    rows = [PlanEvent.objects.create(plan=plan, kind="other", data=data) for data, _kind in legacy]
    migration.type_legacy_events(apps, None)
    for row, (_data, kind) in zip(rows, legacy, strict=True):
        row.refresh_from_db()
        assert row.kind == kind
        assert "event" not in row.data
    unpublished, deleted, created = rows[1], rows[4], rows[5]
    unpublished.refresh_from_db()
    assert unpublished.data["is_published"] is False
    assert deleted.data == {"action": "deleted", "title": "Møde", "to": "2026-10-27"}
    assert created.data == {}
