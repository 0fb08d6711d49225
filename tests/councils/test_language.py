from django.conf import settings
from django.urls import reverse


def test_english_browser_still_gets_danish(client, db):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "da"
    assert 'lang="da"' in response.content.decode()


def test_language_menu_switches_to_english(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    response = client.get(reverse("home"))
    assert response.headers["Content-Language"] == "en"
