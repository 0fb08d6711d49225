"""Word diffs: changes marked with <ins>/<del> and a hidden text prefix, always escaped."""

from planning.common.diff import EntryStatus, html_diff, html_to_text, snapshot_diff, text_diff
from planning.plans.selectors import snapshot_entry_list
from planning.plans.services import plan_snapshot_create, section_add, section_remove, section_revision_save
from tests.factories.planning import PlanFactory


def test_changed_word_is_deleted_and_inserted():
    diff = text_diff(old="Den gamle tekst om psykiatri", new="Den nye tekst om psykiatri")
    assert str(diff.html) == (
        'Den <del><span class="visually-hidden">slettet: </span>gamle</del>'
        '<ins><span class="visually-hidden">indsat: </span>nye</ins> tekst om psykiatri'
    )
    assert (diff.insertions, diff.deletions) == (1, 1)


def test_identical_texts_have_no_changes():
    diff = html_diff(old_html="<p>Ens</p>", new_html="<p>Ens</p>")
    assert not diff.changed
    assert str(diff.html) == "Ens"


def test_diff_output_is_escaped():
    diff = text_diff(old="a", new='a <script>alert("x")</script>')
    assert "<script>" not in str(diff.html)
    assert "&lt;script&gt;" in str(diff.html)


def test_html_is_compared_as_readable_text():
    assert html_to_text("<h2>Mål</h2><ul><li>Et</li><li>To</li></ul><p>Slut</p>") == "Mål\n• Et\n• To\nSlut"
    diff = html_diff(old_html="<p>Et</p>", new_html="<p>Et</p><p>To</p>")
    assert str(diff.html) == 'Et<ins><span class="visually-hidden">indsat: </span><br>\nTo</ins>'


def test_snapshot_diff_reports_added_removed_changed_and_unchanged(world):
    author = world.users["secretariat"]
    plan = PlanFactory(council=world.council, created_by=author)
    sections = list(plan.sections.order_by("position"))
    old = plan_snapshot_create(plan=plan, name="Før", created_by=author)
    section_revision_save(
        section=sections[0], title=sections[0].title, text="<p>Ny tekst</p>",
        base_revision_id=sections[0].current_revision_id, author=author,
    )  # fmt: skip
    section_remove(section=sections[1], removed_by=author)
    added = section_add(plan=plan, title="Lighed i sundhed", added_by=author)
    new = plan_snapshot_create(plan=plan, name="Efter", created_by=author)
    diffs = snapshot_diff(
        old_entries=snapshot_entry_list(snapshot=old), new_entries=snapshot_entry_list(snapshot=new)
    )
    by_section = {d.section_id: d for d in diffs}
    assert by_section[sections[0].pk].status == EntryStatus.CHANGED
    assert "<ins>" in str(by_section[sections[0].pk].text.html)
    assert by_section[sections[1].pk].status == EntryStatus.REMOVED
    assert by_section[added.pk].status == EntryStatus.ADDED
    # Sections after the removed one moved up one number: changed (moved), text unchanged.
    assert by_section[sections[2].pk].moved and not by_section[sections[2].pk].text.changed
    assert len(diffs) == 13
