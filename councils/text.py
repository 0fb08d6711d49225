"""Danish-aware slugs: Django's slugify drops æ, ø and å; we transliterate them first."""

from django.utils.text import slugify

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    """'Sønderjylland' -> 'soenderjylland', 'Ærø' -> 'aeroe', 'Midt- og Vestsjælland' -> 'midt-og-vestsjaelland'."""  # noqa: E501
    return slugify(value.translate(_DANISH))
