from django.urls import reverse

from planning.review.services import comment_create, comment_text_render

PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=1;alert(1)">',
    '"><svg onload=alert(1)>',
    "[klik](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
]


def test_plain_text_is_escaped():
    html = comment_text_render(text=PAYLOADS[0] + "\nlinje to", text_format="plain")
    assert html == "<p>&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;<br>linje to</p>"


def test_markdown_is_sanitised():
    for payload in PAYLOADS:
        html = comment_text_render(text=payload, text_format="markdown")
        assert "javascript:" not in html
        assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert comment_text_render(text="**fed** og [link](https://sst.dk)", text_format="markdown") == (
        '<p><strong>fed</strong> og <a href="https://sst.dk" rel="noopener noreferrer nofollow">link</a></p>'
    )


def test_payloads_render_inert_on_the_pages(client, section, member, secretariat):
    for i, payload in enumerate(PAYLOADS):
        comment_create(
            section=section, author=member, text=payload, text_format="markdown" if i % 2 else "plain"
        )
    client.force_login(secretariat)
    section_page = client.get(
        reverse("section-review", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk})
        + "?filter=all"
    ).content.decode()
    assert section_page.count('<article class="thread') == len(PAYLOADS)  # the comments are shown ...
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in section_page  # ... as inert text
    for url in [
        reverse("section-review", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk})
        + "?filter=all",
        reverse("plan-review", kwargs={"plan_pk": section.plan_id}) + "?filter=all",
        reverse("notification-list"),
    ]:
        body = client.get(url).content.decode()
        assert "<script>window.__xss" not in body
        assert "<img src=x" not in body and "<svg onload" not in body
        assert 'href="javascript:' not in body
