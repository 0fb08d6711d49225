"""Each feature keeps its URL list in planning/urls_<feature>.py; add one line below per feature."""

from planning import urls_hearings, urls_meetings, urls_pdf, urls_plans, urls_process, urls_review

urlpatterns = [
    *urls_plans.urlpatterns,
    *urls_pdf.urlpatterns,
    *urls_review.urlpatterns,
    *urls_process.urlpatterns,
    *urls_hearings.urlpatterns,
    *urls_meetings.urlpatterns,
]
