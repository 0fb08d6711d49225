"""The English catalogue is compiled and used once the language menu selects English."""

import pytest
from django.urls import reverse


@pytest.fixture
def english_client(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def test_home_page_in_english(english_client):
    html = english_client.get(reverse("home")).content.decode()
    assert 'lang="en"' in html
    assert "The 17 health councils" in html
    assert "Log in" in html
    assert "Skip to content" in html
    assert "De 17 sundhedsråd" not in html
    assert "Log ind" not in html
    assert "Spring til indhold" not in html


def test_login_page_in_english(english_client):
    html = english_client.get(reverse("login")).content.decode()
    assert "Username" in html
    assert "Password" in html
    assert "Forgotten your password?" in html
    assert "Brugernavn" not in html
    assert "Adgangskode" not in html
    assert "Glemt adgangskode?" not in html


def test_danish_remains_the_default(client, db):
    html = client.get(reverse("home")).content.decode()
    assert "De 17 sundhedsråd" in html
    assert "Log ind" in html
