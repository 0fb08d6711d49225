"""Each feature keeps its URL list in planning/urls_<feature>.py; add one line below per feature."""

from planning import urls_plans
from planning import urls_pdf  # noqa: I001

urlpatterns = [
    *urls_plans.urlpatterns,
    *urls_pdf.urlpatterns,
]
