"""Each feature keeps its URL list in planning/urls_<feature>.py; add one line below per feature."""

import planning.urls_pdf as urls_pdf
from planning import urls_plans

urlpatterns = [
    *urls_plans.urlpatterns,
    *urls_pdf.urlpatterns,
]
