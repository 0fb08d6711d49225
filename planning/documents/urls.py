from django.urls import path

from planning.documents import views as views

urlpatterns = [
    path("<int:pk>/pdf/", views.PlanPdfView.as_view(), name="plan-pdf"),
    path("<int:pk>/pdf/bestil/", views.PlanPdfRequestView.as_view(), name="plan-pdf-request"),
    path("<int:pk>/pdf/<int:document_pk>/status/", views.PlanPdfStatusView.as_view(), name="plan-pdf-status"),
    path(
        "<int:pk>/pdf/<int:document_pk>/hent/", views.PlanPdfDownloadView.as_view(), name="plan-pdf-download"
    ),
]
