"""Admin for the review: administrators read comments, their audit trail (CommentEdit) and proposals.

Nothing here is editable: comment history is append-only, and changes go through the review pages."""

from django.contrib import admin

from planning.notifications.models import NotificationDigest
from planning.review.models import ChangeProposal, Comment, CommentEdit


class _ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CommentEditInline(admin.TabularInline):
    model = CommentEdit
    extra = 0
    fields = ["created_at", "kind", "user", "previous_format", "previous_text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(_ReadOnlyAdmin):
    list_display = [
        "pk",
        "plan",
        "section",
        "paragraph_index",
        "author",
        "status",
        "is_deleted",
        "created_at",
    ]
    list_filter = ["status", "is_deleted", "plan__council"]
    search_fields = ["text", "author__username", "edits__previous_text"]
    list_select_related = ["plan", "section", "author"]
    inlines = [CommentEditInline]


@admin.register(CommentEdit)
class CommentEditAdmin(_ReadOnlyAdmin):
    list_display = ["comment", "kind", "user", "created_at"]
    list_filter = ["kind"]
    search_fields = ["previous_text"]
    list_select_related = ["comment", "user"]


@admin.register(ChangeProposal)
class ChangeProposalAdmin(_ReadOnlyAdmin):
    list_display = ["pk", "plan", "section", "paragraph_index", "author", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["plan", "section", "author"]


@admin.register(NotificationDigest)
class NotificationDigestAdmin(_ReadOnlyAdmin):
    list_display = ["user", "date", "sent_at", "notification_count"]
