"""Each feature keeps its URL list in planning/urls_<feature>.py; add one line below per feature."""

from planning import urls_plans
from planning.urls_meetings import urlpatterns as meetings_urlpatterns

urlpatterns = [
    *urls_plans.urlpatterns,
    *meetings_urlpatterns,
]
