import factory

from planning.plans.services import plan_create
from tests.factories import CouncilFactory, UserFactory


class PlanFactory(factory.Factory):
    """Plans are made through the real service, so they start from the statutory template."""

    class Meta:
        model = dict

    council = factory.SubFactory(CouncilFactory)
    title = "Nærsundhedsplan 2027–2030"
    period_start_year = 2027
    period_end_year = 2030
    created_by = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, **kwargs):
        return plan_create(**kwargs)

    _build = _create
