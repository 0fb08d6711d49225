import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from planning.review.selectors import EXPORT_HEADER
from planning.review.services import (
    change_proposal_create,
    change_proposal_reject,
    comment_create,
    comment_reply,
    comment_status_change,
)


def _seed(section, member, secretariat):
    root = comment_create(section=section, author=member, text='=HYPERLINK("x")', paragraph_index=2).comment
    comment_reply(parent=root, author=secretariat, text="Rettet i næste version")
    comment_status_change(comment=root, user=secretariat, to_status="resolved")
    comment_create(section=section, author=member, text="Hele afsnittet er godt")
    proposal = change_proposal_create(
        section=section, author=member, paragraph_index=1, proposed_text="Ny tekst"
    )
    change_proposal_reject(proposal=proposal, decided_by=secretariat, reason="Ikke i denne runde")


def test_csv_export_has_every_comment_reply_and_proposal_with_status(client, section, member, secretariat):
    _seed(section, member, secretariat)
    client.force_login(member)
    response = client.get(reverse("plan-review-export-csv", kwargs={"plan_pk": section.plan_id}))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == EXPORT_HEADER
    body = rows[1:]
    assert len(body) == 4
    kinds = [(r[0], r[1], r[2], r[6], r[7]) for r in body]
    assert kinds == [
        (section.title, "2", "Kommentar", '\'=HYPERLINK("x")', "Løst"),
        (section.title, "2", "Svar", "Rettet i næste version", "Løst"),
        (section.title, "Hele afsnittet", "Kommentar", "Hele afsnittet er godt", "Åben"),
        (section.title, "1", "Ændringsforslag", "Ny tekst", "Afvist"),
    ]
    assert body[0][8].startswith("Løst af ")
    assert body[3][8] == "Afvist: Ikke i denne runde"


def test_xlsx_export_matches_the_csv(client, section, member, secretariat):
    _seed(section, member, secretariat)
    client.force_login(secretariat)
    response = client.get(reverse("plan-review-export-xlsx", kwargs={"plan_pk": section.plan_id}))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == EXPORT_HEADER
    assert len(rows) == 5
    assert rows[1][6] == '\'=HYPERLINK("x")'  # never a formula
    assert rows[4][7] == "Afvist"
