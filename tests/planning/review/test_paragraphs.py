from planning.review.paragraphs import (
    paragraph_locate,
    paragraph_replace,
    paragraphs_split,
    plain_text_to_paragraph_html,
)


def test_paragraphs_split_numbers_top_level_blocks_and_skips_empty_ones():
    html = (
        "<h3>Titel</h3><p>Et &amp; <strong>to</strong></p><p></p>"
        "løs <em>tekst</em><ul><li>a</li><li>b</li></ul><hr>"
    )
    paragraphs = paragraphs_split(html)
    assert [p.index for p in paragraphs] == [1, 2, 3, 4]
    assert [p.text for p in paragraphs] == ["Titel", "Et & to", "løs tekst", "a b"]
    assert paragraphs[1].html == "<p>Et &amp; <strong>to</strong></p>"
    assert paragraphs[0].tag == "h3"


def test_fingerprint_ignores_markup_and_whitespace_but_not_words():
    a = paragraphs_split("<p>Akut   pladser</p>")[0]
    b = paragraphs_split("<p><strong>Akut</strong>\npladser</p>")[0]
    c = paragraphs_split("<p>Akut sengepladser</p>")[0]
    assert a.fingerprint == b.fingerprint != c.fingerprint


def test_paragraph_locate_follows_a_moved_paragraph_and_prefers_the_nearest_duplicate():
    paragraphs = paragraphs_split("<p>Ny</p><p>Samme</p><p>Midt</p><p>Samme</p>")
    fingerprint = paragraphs[1].fingerprint
    assert paragraph_locate(paragraphs=paragraphs, fingerprint=fingerprint, original_index=4).index == 4
    assert paragraph_locate(paragraphs=paragraphs, fingerprint=fingerprint, original_index=1).index == 2
    assert paragraph_locate(paragraphs=paragraphs, fingerprint="x" * 32, original_index=1) is None


def test_paragraph_replace_keeps_every_other_byte():
    html = (
        '<p>Et</p>\n<p>To <a href="https://x.dk" rel="noopener noreferrer nofollow">link</a></p>\n<p>Tre</p>'
    )
    first = paragraphs_split(html)[0]
    assert paragraph_replace(html_text=html, paragraph=first, new_html="<p>Nyt</p>") == html.replace(
        "<p>Et</p>", "<p>Nyt</p>"
    )


def test_plain_text_to_paragraph_html_escapes_and_keeps_headings():
    assert plain_text_to_paragraph_html(text="a <b>\nc\n\nd") == "<p>a &lt;b&gt;<br>c</p><p>d</p>"
    assert plain_text_to_paragraph_html(text="Ny\noverskrift", like_tag="h3") == "<h3>Ny overskrift</h3>"
