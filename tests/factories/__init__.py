"""factory_boy factories for tests (Faker da_DK). `fixtures/` holds only real reference data."""

import factory
from django.contrib.auth import get_user_model

from councils.models import CouncilMember, HealthCouncil, Municipality, Region

factory.Faker._DEFAULT_LOCALE = "da_DK"

TEST_PASSWORD = "korrekt-hest-batteri-42"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"bruger{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.dk")
    password = factory.django.Password(TEST_PASSWORD)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = "Syddanmark"
    slug = "syddanmark"


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HealthCouncil
        django_get_or_create = ("slug",)

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Råd {n}")
    slug = factory.Sequence(lambda n: f"raad-{n}")
    population_thousands = 225
    published_member_count = 9


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    region = factory.LazyAttribute(lambda m: m.council.region if m.council else RegionFactory())
    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Kommune {n}")
    slug = factory.Sequence(lambda n: f"kommune-{n}")


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMember

    council = factory.SubFactory(CouncilFactory)
    name = factory.Faker("name")
    party_letter = "V"
    kind = CouncilMember.Kind.REGIONAL
