from django.urls import path

from planning.hearings import views as views

urlpatterns = [
    path("<int:plan_pk>/hoeringer/", views.PlanHearingsView.as_view(), name="plan-hearings"),
    path("<int:plan_pk>/hoeringer/ny/", views.HearingOpenView.as_view(), name="hearing-open"),
    path("hoeringer/<int:pk>/", views.HearingDetailView.as_view(), name="hearing-detail"),
    path("hoeringer/<int:pk>/afslut/", views.HearingCloseView.as_view(), name="hearing-close"),
    path("hoeringer/<int:pk>/ny-frist/", views.HearingExtendView.as_view(), name="hearing-extend"),
    path(
        "hoeringer/<int:pk>/parter/<int:party_pk>/registrer-svar/",
        views.HearingResponseRegisterView.as_view(),
        name="hearing-response-register",
    ),
    path("hoeringer/<int:pk>/offentlig-side/", views.HearingPublishView.as_view(), name="hearing-publish"),
    path(
        "hoeringer/<int:pk>/parter/<int:party_pk>/link/",
        views.HearingPartyLinkView.as_view(),
        name="hearing-party-link",
    ),
    path(
        "hoeringer/<int:pk>/bilag/<int:attachment_pk>/",
        views.HearingAttachmentView.as_view(),
        name="hearing-attachment",
    ),
    path("hoeringer/<int:pk>/hvidbog/", views.WhitePaperDetailView.as_view(), name="whitepaper-detail"),
    path("hoeringer/<int:pk>/hvidbog/rediger/", views.WhitePaperEditView.as_view(), name="whitepaper-edit"),
    path(
        "hoeringer/<int:pk>/hvidbog/punkter/<int:point_pk>/",
        views.WhitePaperPointEditView.as_view(),
        name="whitepaper-point-edit",
    ),
    path(
        "hoeringer/<int:pk>/hvidbog/endelig/",
        views.WhitePaperFinaliseView.as_view(),
        name="whitepaper-finalise",
    ),
    path("hoeringer/<int:pk>/hvidbog.csv", views.WhitePaperCsvView.as_view(), name="whitepaper-csv"),
    path("hoeringer/<int:pk>/hvidbog.pdf", views.WhitePaperPdfView.as_view(), name="white-paper-pdf"),
    # The party's pages: the signed token in the URL is the credential.
    path("hoering/<int:pk>/svar/<str:token>/", views.HearingPartyView.as_view(), name="hearing-party"),
    path(
        "hoering/<int:pk>/svar/<str:token>/kvittering/<int:response_pk>/",
        views.HearingPartyReceiptView.as_view(),
        name="hearing-party-receipt",
    ),
    path(
        "hoering/<int:pk>/svar/<str:token>/bilag/<int:attachment_pk>/",
        views.HearingPartyAttachmentView.as_view(),
        name="hearing-party-attachment",
    ),
    path(
        "hoering/<int:pk>/svar/<str:token>/hoeringsudkast.pdf",
        views.HearingPartyPdfView.as_view(),
        name="hearing-party-pdf",
    ),
    path("hoering/<int:pk>/offentlig/", views.HearingPublicView.as_view(), name="hearing-public"),
    path(
        "hoering/<int:pk>/offentlig/bilag/<int:attachment_pk>/",
        views.HearingPublicAttachmentView.as_view(),
        name="hearing-public-attachment",
    ),
]
