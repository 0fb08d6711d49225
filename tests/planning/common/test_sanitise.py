"""The allow-list: dangerous markup goes, the markup the editor produces stays."""

from planning.common.sanitise import html_sanitise


def test_script_tags_are_removed_with_their_content():
    assert html_sanitise("<p>Hej</p><script>alert('x')</script>") == "<p>Hej</p>"


def test_event_handlers_and_styles_are_removed():
    assert html_sanitise('<p onclick="steal()" style="color:red">Tekst</p>') == "<p>Tekst</p>"
    assert html_sanitise('<img src=x onerror="steal()">') == ""


def test_javascript_links_lose_their_href():
    cleaned = html_sanitise('<a href="javascript:alert(1)">klik</a>')
    assert "javascript" not in cleaned
    assert "klik" in cleaned


def test_iframes_and_forms_are_removed():
    assert html_sanitise('<iframe src="https://evil.example"></iframe><form><input></form>') == ""


def test_headings_lists_links_and_tables_survive():
    html = (
        "<h2>Mål</h2><h3>Delmål</h3><p><strong>Fed</strong> og <em>kursiv</em></p>"
        "<ul><li>Et</li></ul><ol><li>To</li></ol>"
        '<table><thead><tr><th scope="col">Kommune</th></tr></thead>'
        "<tbody><tr><td>Tønder</td></tr></tbody></table>"
    )
    assert html_sanitise(html) == html
    link = html_sanitise('<a href="https://www.sst.dk/">Sundhedsstyrelsen</a>')
    assert link == '<a href="https://www.sst.dk/" rel="noopener noreferrer nofollow">Sundhedsstyrelsen</a>'
