"""Each feature keeps its URL list in planning/urls_<feature>.py; add one line below per feature."""

from planning import urls_plans, urls_process

urlpatterns = [
    *urls_plans.urlpatterns,
    *urls_process.urlpatterns,
]
