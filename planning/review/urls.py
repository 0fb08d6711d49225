from django.urls import path

from planning.review import views as views

urlpatterns = [
    path("<int:plan_pk>/kommentarer/", views.PlanReviewView.as_view(), name="plan-review"),
    path(
        "<int:plan_pk>/kommentarer/eksport.xlsx",
        views.PlanReviewExportView.as_view(export_format="xlsx"),
        name="plan-review-export-xlsx",
    ),
    path(
        "<int:plan_pk>/kommentarer/eksport.csv",
        views.PlanReviewExportView.as_view(export_format="csv"),
        name="plan-review-export-csv",
    ),
    path(
        "<int:plan_pk>/afsnit/<int:section_pk>/kommentarer/",
        views.SectionReviewView.as_view(),
        name="section-review",
    ),
    path(
        "<int:plan_pk>/afsnit/<int:section_pk>/kommentarer/ny/",
        views.CommentCreateView.as_view(),
        name="comment-create",
    ),
    path(
        "<int:plan_pk>/afsnit/<int:section_pk>/versioner/<int:revision_pk>/",
        views.SectionRevisionReviewView.as_view(),
        name="section-revision-review",
    ),
    path("<int:plan_pk>/kommentarer/<int:pk>/svar/", views.CommentReplyView.as_view(), name="comment-reply"),
    path("<int:plan_pk>/kommentarer/<int:pk>/rediger/", views.CommentEditView.as_view(), name="comment-edit"),
    path(
        "<int:plan_pk>/kommentarer/<int:pk>/slet/", views.CommentDeleteView.as_view(), name="comment-delete"
    ),
    path(
        "<int:plan_pk>/kommentarer/<int:pk>/loes/", views.CommentResolveView.as_view(), name="comment-resolve"
    ),
    path(
        "<int:plan_pk>/kommentarer/<int:pk>/genaabn/",
        views.CommentReopenView.as_view(),
        name="comment-reopen",
    ),
    path(
        "<int:plan_pk>/afsnit/<int:section_pk>/forslag/ny/",
        views.ChangeProposalCreateView.as_view(),
        name="change-proposal-create",
    ),
    path(
        "<int:plan_pk>/forslag/<int:pk>/",
        views.ChangeProposalDetailView.as_view(),
        name="change-proposal-detail",
    ),
    path(
        "<int:plan_pk>/forslag/<int:pk>/beslut/",
        views.ChangeProposalDecideView.as_view(),
        name="change-proposal-decide",
    ),
]
