from django.urls import path

from planning.meetings import views as views

MEETING = "raad/<slug:slug>/moeder/<int:pk>/"
ITEM = MEETING + "punkter/<int:item_pk>/"
QUESTION = "raad/<slug:slug>/spoergsmaal/<int:pk>/"

urlpatterns = [
    path("raad/<slug:slug>/moeder/", views.MeetingListView.as_view(), name="meeting-list"),
    path("raad/<slug:slug>/moeder/nyt/", views.MeetingCreateView.as_view(), name="meeting-create"),
    path(MEETING, views.MeetingDetailView.as_view(), name="meeting-detail"),
    path(MEETING + "rediger/", views.MeetingEditView.as_view(), name="meeting-edit"),
    path(MEETING + "fremmoede/", views.MeetingAttendanceView.as_view(), name="meeting-attendance"),
    path(MEETING + "status/", views.MeetingStatusView.as_view(), name="meeting-status"),
    path(MEETING + "<str:kind>.pdf", views.MeetingDocumentView.as_view(), name="meeting-pdf"),
    path(MEETING + "punkter/nyt/", views.AgendaItemCreateView.as_view(), name="agenda-item-create"),
    path(ITEM + "rediger/", views.AgendaItemEditView.as_view(), name="agenda-item-edit"),
    path(ITEM + "beslutning/", views.AgendaItemDecisionView.as_view(), name="agenda-item-decision"),
    path(ITEM + "bilag/", views.AttachmentCreateView.as_view(), name="attachment-create"),
    path(ITEM + "standsningsret/", views.StopRightInvokeView.as_view(), name="stop-right-invoke"),
    path(
        MEETING + "bilag/<int:attachment_pk>/",
        views.AttachmentDownloadView.as_view(),
        name="attachment-download",
    ),
    path(
        MEETING + "standsningsret/<int:referral_pk>/afgoer/",
        views.StopRightResolveView.as_view(),
        name="stop-right-resolve",
    ),
    path(MEETING + "referat/udsend/", views.MinutesIssueView.as_view(), name="minutes-issue"),
    path(MEETING + "referat/godkend/", views.MinutesApproveView.as_view(), name="minutes-approve"),
    path(
        MEETING + "referat/godkendt-paa-moede/",
        views.MinutesApprovedAtMeetingView.as_view(),
        name="minutes-approved-at-meeting",
    ),
    path("offentlig/moeder/", views.MeetingPublicListView.as_view(), name="meeting-public-list"),
    path("offentlig/moeder/<int:pk>/", views.MeetingPublicDetailView.as_view(), name="meeting-public-detail"),
    path(
        "offentlig/moeder/<int:pk>/<str:kind>.pdf",
        views.MeetingPublicDocumentView.as_view(),
        name="meeting-public-pdf",
    ),
    path("raad/<slug:slug>/spoergsmaal/", views.QuestionListView.as_view(), name="question-list"),
    path("raad/<slug:slug>/spoergsmaal/nyt/", views.QuestionCreateView.as_view(), name="question-create"),
    path(QUESTION, views.QuestionDetailView.as_view(), name="question-detail"),
    path(QUESTION + "svar/", views.QuestionAnswerView.as_view(), name="question-answer"),
    path(QUESTION + "afvis/", views.QuestionDeclineView.as_view(), name="question-decline"),
    path(QUESTION + "besked/", views.QuestionMessageView.as_view(), name="question-message"),
    path(QUESTION + "omformuler/", views.QuestionNarrowView.as_view(), name="question-narrow"),
    path(QUESTION + "enkeltperson/", views.QuestionRefuseView.as_view(), name="question-refuse"),
    path(QUESTION + "videresend/", views.QuestionForwardView.as_view(), name="question-forward"),
]
