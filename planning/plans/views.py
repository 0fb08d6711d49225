"""Drafting the nærsundhedsplan: plan pages, sections, the editor, goals and initiatives, history,
snapshots and diffs. Views parse input, call one service or selector, and render.

Permissions come from councils.mixins.CouncilAccessMixin: other councils' users get 404, members get
403 on every write view, anonymous users go to login, administrators pass.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from councils.mixins import CouncilAccessMixin
from councils.models import HealthCouncil
from councils.selectors import council_list_for_user, council_user_can
from planning.common.diff import EntryStatus, html_diff, snapshot_diff
from planning.plans.events import event_summary
from planning.plans.forms import (
    GoalForm,
    InitiativeForm,
    PlanForm,
    SectionAddForm,
    SectionEditForm,
    SectionRenameForm,
    SnapshotForm,
)
from planning.plans.models import Goal, Initiative, Plan, Section
from planning.plans.permissions import PlanPerm
from planning.plans.selectors import (
    goal_get_for_plan,
    initiative_get_for_plan,
    plan_completeness,
    plan_event_list,
    plan_frozen_context,
    plan_list_for_page,
    plan_removed_sections,
    plan_sections_for_page,
    plan_snapshot_get,
    plan_snapshot_list,
    section_conflict_list,
    section_get_for_plan,
    section_revision_get,
    section_revision_list,
    snapshot_entry_list,
)
from planning.plans.services import (
    FROZEN_STATUSES,
    PLAN_DETAIL_FIELDS,
    AmendmentRefused,
    PlanFrozen,
    RevisionConflict,
    SectionMove,
    plan_amendment_start,
    plan_create,
    plan_item_create,
    plan_item_delete,
    plan_item_update,
    plan_snapshot_create,
    plan_update,
    section_add,
    section_move,
    section_remove,
    section_rename,
    section_restore,
    section_revision_save,
)

# --- Mixins ----------------------------------------------------------------------------------------


class PlanAccessMixin(CouncilAccessMixin):
    """Loads `self.plan` from the URL and checks the council's rights (read unless told otherwise)."""

    def get_council(self) -> HealthCouncil:
        self.plan = get_object_or_404(
            Plan.objects.select_related("council", "council__region"), pk=self.kwargs["pk"]
        )
        return self.plan.council

    def can_edit(self) -> bool:
        """May this user change the plan now: the right to, and a plan that is not adopted (frozen)."""
        if not hasattr(self, "_can_edit"):
            self._can_edit = self.plan.status not in FROZEN_STATUSES and council_user_can(
                user=self.request.user, council=self.plan.council, perm=PlanPerm.CHANGE
            )
        return self._can_edit

    def crumbs(self, *extra):
        return [
            (_("Planer"), reverse("plan-list")),
            (self.plan.title, self.plan.get_absolute_url()),
            *extra,
        ]

    def base_context(self, **kwargs) -> dict:
        return {"plan": self.plan, "can_edit": self.can_edit(), **kwargs}


class _PlanNotFrozen:
    """After the permission check (it comes later in the MRO than CouncilAccessMixin): an adopted plan
    answers every write view, GET or POST, with the 409 page instead of a form that cannot be saved."""

    def dispatch(self, request, *args, **kwargs):
        if self.plan.status in FROZEN_STATUSES:
            raise PlanFrozen(plan_id=self.plan.pk)
        return super().dispatch(request, *args, **kwargs)


class PlanWriteMixin(PlanAccessMixin, _PlanNotFrozen):
    council_permission = PlanPerm.CHANGE


class SectionMixin:
    """Loads `self.section` (of `self.plan`); write views on removed sections answer 404."""

    allow_removed = False

    def get_section(self) -> Section:
        if not hasattr(self, "section"):
            self.section = section_get_for_plan(plan=self.plan, pk=self.kwargs["section_pk"])
            if self.section.is_removed and not self.allow_removed:
                raise Http404
        return self.section

    def section_url(self) -> str:
        return reverse("section-history", kwargs={"pk": self.plan.pk, "section_pk": self.section.pk})


def _plan_anchor(plan: Plan, section: Section | None = None) -> str:
    url = plan.get_absolute_url()
    return f"{url}#afsnit-{section.pk}" if section else url


# --- Plans -----------------------------------------------------------------------------------------


class PlanListView(LoginRequiredMixin, ListView):
    template_name = "planning/plans/plan_list.html"
    context_object_name = "plans"

    def get_queryset(self):
        return plan_list_for_page(user=self.request.user)

    def get_context_data(self, **kwargs):
        manageable = council_list_for_user(user=self.request.user, perm=PlanPerm.CHANGE).order_by("name")
        return super().get_context_data(manageable_councils=manageable, **kwargs)


class PlanCreateView(CouncilAccessMixin, View):
    council_permission = PlanPerm.CHANGE
    template_name = "planning/plans/plan_form.html"

    def get_council(self) -> HealthCouncil:
        return get_object_or_404(HealthCouncil.objects.select_related("region"), slug=self.kwargs["slug"])

    def render_form(self, form, status=200):
        crumbs = [(_("Planer"), reverse("plan-list")), (_("Ny plan"), None)]
        return render(
            self.request,
            self.template_name,
            {"form": form, "council": self.council, "crumbs": crumbs, "creating": True},
            status=status,
        )

    def get(self, request, *args, **kwargs):
        initial = {
            "title": _("Nærsundhedsplan for %(council)s") % {"council": self.council},
            "period_start_year": 2027,
            "period_end_year": 2030,
            "national_plan_reference": _("National sundhedsplan 2027"),
            "regional_plan_reference": _("Regional sundhedsplan for %(region)s")
            % {"region": self.council.region},
        }
        return self.render_form(PlanForm(initial=initial))

    def post(self, request, *args, **kwargs):
        form = PlanForm(request.POST)
        if not form.is_valid():
            return self.render_form(form, status=400)
        try:
            plan = plan_create(council=self.council, created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.render_form(form, status=400)
        messages.success(
            request, _("Planen er oprettet med afsnit for de lovbestemte områder a–e og temaerne.")
        )
        return HttpResponseRedirect(plan.get_absolute_url())


class PlanDetailView(PlanAccessMixin, TemplateView):
    template_name = "planning/plans/plan_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **self.base_context(
                sections=plan_sections_for_page(plan=self.plan),
                removed_sections=list(plan_removed_sections(plan=self.plan)) if self.can_edit() else [],
                completeness=plan_completeness(plan=self.plan),
                crumbs=[(_("Planer"), reverse("plan-list")), (self.plan.title, None)],
                **(
                    plan_frozen_context(plan=self.plan, user=self.request.user)
                    if self.plan.status in FROZEN_STATUSES
                    else {}
                ),
            ),
            **kwargs,
        )


class PlanAmendmentStartView(PlanAccessMixin, View):
    """POST only: "Start en ændring af planen" opens a new draft from the adopted text."""

    council_permission = PlanPerm.CHANGE
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            amendment = plan_amendment_start(plan=self.plan, started_by=request.user)
        except AmendmentRefused as refused:
            messages.error(request, str(refused))
            return HttpResponseRedirect(self.plan.get_absolute_url())
        messages.success(
            request,
            _("Ændringsudkastet er oprettet fra den vedtagne tekst. Den vedtagne plan er uændret."),
        )
        return HttpResponseRedirect(amendment.get_absolute_url())


class PlanUpdateView(PlanWriteMixin, View):
    template_name = "planning/plans/plan_form.html"

    def render_form(self, form, status=200):
        context = self.base_context(
            form=form, council=self.plan.council, crumbs=self.crumbs((_("Rediger"), None))
        )
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render_form(PlanForm(instance=self.plan))

    def post(self, request, *args, **kwargs):
        form = PlanForm(request.POST, instance=self.plan)
        if not form.is_valid():
            return self.render_form(form, status=400)
        try:
            plan_update(plan=self.plan, updated_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.render_form(form, status=400)
        messages.success(request, _("Planens oplysninger er gemt."))
        return HttpResponseRedirect(self.plan.get_absolute_url())


class PlanHistoryView(PlanAccessMixin, TemplateView):
    template_name = "planning/plans/plan_history.html"

    def get_context_data(self, **kwargs):
        sections = {s.pk: s for s in self.plan.sections.all()}
        events = list(plan_event_list(plan=self.plan))
        for event in events:
            data = event.data if isinstance(event.data, dict) else {}
            event.section = sections.get(data.get("section"))
            event.summary = event_summary(event)
            event.changed_labels = [
                str(Plan._meta.get_field(name).verbose_name)
                for name in data.get("changed", {})
                if name in PLAN_DETAIL_FIELDS
            ]
        return super().get_context_data(
            **self.base_context(events=events, crumbs=self.crumbs((_("Historik"), None))), **kwargs
        )


# --- Sections --------------------------------------------------------------------------------------


class SectionAddView(PlanWriteMixin, View):
    template_name = "planning/plans/section_add.html"

    def render_form(self, form, status=200):
        context = self.base_context(form=form, crumbs=self.crumbs((_("Nyt afsnit"), None)))
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render_form(SectionAddForm())

    def post(self, request, *args, **kwargs):
        form = SectionAddForm(request.POST)
        if not form.is_valid():
            return self.render_form(form, status=400)
        section = section_add(plan=self.plan, added_by=request.user, **form.cleaned_data)
        messages.success(
            request, _("Afsnittet “%(title)s” er tilføjet sidst i planen.") % {"title": section.title}
        )
        return HttpResponseRedirect(
            reverse("section-edit", kwargs={"pk": self.plan.pk, "section_pk": section.pk})
        )


class SectionEditView(SectionMixin, PlanWriteMixin, View):
    template_name = "planning/plans/section_edit.html"
    conflict_template_name = "planning/plans/section_conflict.html"

    def render_form(self, form, status=200):
        section = self.get_section()
        context = self.base_context(
            section=section,
            form=form,
            crumbs=self.crumbs((section.title, self.section_url()), (_("Rediger"), None)),
        )
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        section = self.get_section()
        revision = section.current_revision
        form = SectionEditForm(
            initial={
                "title": section.title,
                "text": revision.text if revision else "",
                "base_revision": section.current_revision_id,
            }
        )
        return self.render_form(form)

    def post(self, request, *args, **kwargs):
        section = self.get_section()
        form = SectionEditForm(request.POST)
        if not form.is_valid():
            return self.render_form(form, status=400)
        data = form.cleaned_data
        try:
            revision = section_revision_save(
                section=section,
                title=data["title"],
                text=data["text"],
                base_revision_id=data["base_revision"],
                author=request.user,
            )
        except RevisionConflict as conflict:
            return self.render_conflict(conflict=conflict, title=data["title"])
        messages.success(
            request, _("Afsnittet er gemt som version %(number)s.") % {"number": revision.number}
        )
        return HttpResponseRedirect(_plan_anchor(self.plan, section))

    def render_conflict(self, *, conflict: RevisionConflict, title: str):
        section = section_get_for_plan(plan=self.plan, pk=conflict.section.pk)  # fresh: the newer revision
        newer = section.current_revision
        form = SectionEditForm(
            initial={
                "title": title,
                "text": conflict.attempted_text,
                "base_revision": section.current_revision_id,
            }
        )
        context = self.base_context(
            section=section,
            newer=newer,
            attempted_text=conflict.attempted_text,
            attempted_title=title,
            form=form,
            diff=html_diff(old_html=newer.text if newer else "", new_html=conflict.attempted_text),
            title_changed=newer is not None and newer.title != title,
            crumbs=self.crumbs((section.title, self.section_url()), (_("Konflikt"), None)),
        )
        return render(self.request, self.conflict_template_name, context, status=409)


class SectionRenameView(SectionMixin, PlanWriteMixin, View):
    template_name = "planning/plans/section_rename.html"

    def render_form(self, form, status=200):
        section = self.get_section()
        context = self.base_context(
            section=section,
            form=form,
            crumbs=self.crumbs((section.title, self.section_url()), (_("Omdøb"), None)),
        )
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render_form(SectionRenameForm(initial={"title": self.get_section().title}))

    def post(self, request, *args, **kwargs):
        section = self.get_section()
        form = SectionRenameForm(request.POST)
        if not form.is_valid():
            return self.render_form(form, status=400)
        section_rename(section=section, title=form.cleaned_data["title"], renamed_by=request.user)
        messages.success(request, _("Afsnittet er omdøbt."))
        return HttpResponseRedirect(_plan_anchor(self.plan, section))


class SectionMoveView(SectionMixin, PlanWriteMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        section = self.get_section()
        direction = request.POST.get("direction")
        if direction not in (SectionMove.UP, SectionMove.DOWN):
            messages.error(request, _("Vælg om afsnittet skal flyttes op eller ned."))
        elif section_move(section=section, direction=direction, moved_by=request.user):
            messages.success(request, _("Afsnittet “%(title)s” er flyttet.") % {"title": section.title})
        else:
            messages.info(request, _("Afsnittet kan ikke flyttes længere i den retning."))
        return HttpResponseRedirect(f"{self.plan.get_absolute_url()}#disposition-{section.pk}")


class SectionRemoveView(SectionMixin, PlanWriteMixin, View):
    template_name = "planning/plans/section_remove.html"

    def get(self, request, *args, **kwargs):
        section = self.get_section()
        context = self.base_context(
            section=section, crumbs=self.crumbs((section.title, self.section_url()), (_("Fjern"), None))
        )
        return render(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        section = self.get_section()
        section_remove(section=section, removed_by=request.user)
        messages.success(
            request,
            _("Afsnittet “%(title)s” er fjernet fra planen. Dets historik er bevaret, og det kan genskabes.")
            % {"title": section.title},
        )
        return HttpResponseRedirect(self.plan.get_absolute_url())


class SectionRestoreView(SectionMixin, PlanWriteMixin, View):
    http_method_names = ["post"]
    allow_removed = True

    def post(self, request, *args, **kwargs):
        section = self.get_section()
        section_restore(section=section, restored_by=request.user)
        messages.success(request, _("Afsnittet “%(title)s” er genskabt.") % {"title": section.title})
        return HttpResponseRedirect(_plan_anchor(self.plan, section))


class SectionHistoryView(SectionMixin, PlanAccessMixin, TemplateView):
    template_name = "planning/plans/section_history.html"
    allow_removed = True

    def get_context_data(self, **kwargs):
        section = self.get_section()
        revisions = list(section_revision_list(section=section))
        return super().get_context_data(
            **self.base_context(
                section=section,
                revisions=revisions,
                conflicts=list(section_conflict_list(section=section)),
                crumbs=self.crumbs((section.title, None)),
            ),
            **kwargs,
        )


class SectionRevisionDetailView(SectionMixin, PlanAccessMixin, TemplateView):
    template_name = "planning/plans/section_revision.html"
    allow_removed = True

    def get_context_data(self, **kwargs):
        section = self.get_section()
        revision = section_revision_get(section=section, number=self.kwargs["number"])
        return super().get_context_data(
            **self.base_context(
                section=section,
                revision=revision,
                crumbs=self.crumbs(
                    (section.title, self.section_url()),
                    (_("Version %(number)s") % {"number": revision.number}, None),
                ),
            ),
            **kwargs,
        )


def _int_param(request, name: str) -> int | None:
    try:
        return int(request.GET.get(name, ""))
    except ValueError:
        return None


class SectionDiffView(SectionMixin, PlanAccessMixin, TemplateView):
    """Word-level diff between two revisions (?fra=<number>&til=<number>; default: the last change)."""

    template_name = "planning/plans/section_diff.html"
    allow_removed = True

    def get_context_data(self, **kwargs):
        section = self.get_section()
        current_number = section.current_revision.number if section.current_revision else 1
        new_number = _int_param(self.request, "til") or current_number
        old_number = _int_param(self.request, "fra") or max(new_number - 1, 1)
        old = section_revision_get(section=section, number=old_number)
        new = section_revision_get(section=section, number=new_number)
        return super().get_context_data(
            **self.base_context(
                section=section,
                old=old,
                new=new,
                revisions=list(section_revision_list(section=section)),
                text_diff=html_diff(old_html=old.text, new_html=new.text),
                title_diff=html_diff(old_html=old.title, new_html=new.title),
                crumbs=self.crumbs((section.title, self.section_url()), (_("Forskelle"), None)),
            ),
            **kwargs,
        )


# --- Goals and initiatives -------------------------------------------------------------------------


class _ItemFormView(SectionMixin, PlanWriteMixin, View):
    """Create or edit a goal or an initiative of a section (subclasses name the form and services)."""

    template_name = "planning/plans/item_form.html"
    form_class = None
    noun = ""

    def get_item(self):
        return None

    def render_form(self, form, status=200):
        section = self.get_section()
        item = self.get_item()
        heading = (_("Rediger %(noun)s") if item else _("Nyt %(noun)s")) % {"noun": self.noun}
        context = self.base_context(
            section=section,
            item=item,
            form=form,
            heading=heading,
            crumbs=self.crumbs((section.title, self.section_url()), (heading, None)),
        )
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render_form(self.form_class(instance=self.get_item()))

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        form = self.form_class(request.POST, instance=item)
        if not form.is_valid():
            return self.render_form(form, status=400)
        try:
            self.save(item=item, data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.render_form(form, status=400)
        messages.success(request, _("Ændringen er gemt."))
        return HttpResponseRedirect(_plan_anchor(self.plan, self.get_section()))


class GoalCreateView(_ItemFormView):
    form_class = GoalForm
    noun = "mål"

    def save(self, *, item, data):
        plan_item_create(model=Goal, section=self.get_section(), created_by=self.request.user, **data)


class GoalUpdateView(_ItemFormView):
    form_class = GoalForm
    noun = "mål"

    def get_item(self):
        if not hasattr(self, "item"):
            self.item = goal_get_for_plan(plan=self.plan, pk=self.kwargs["item_pk"])
            self.kwargs["section_pk"] = self.item.section_id
        return self.item

    def save(self, *, item, data):
        plan_item_update(item=item, updated_by=self.request.user, **data)


class InitiativeCreateView(_ItemFormView):
    form_class = InitiativeForm
    noun = "indsats"

    def save(self, *, item, data):
        plan_item_create(model=Initiative, section=self.get_section(), created_by=self.request.user, **data)


class InitiativeUpdateView(_ItemFormView):
    form_class = InitiativeForm
    noun = "indsats"

    def get_item(self):
        if not hasattr(self, "item"):
            self.item = initiative_get_for_plan(plan=self.plan, pk=self.kwargs["item_pk"])
            self.kwargs["section_pk"] = self.item.section_id
        return self.item

    def save(self, *, item, data):
        plan_item_update(item=item, updated_by=self.request.user, **data)


class _ItemDeleteView(SectionMixin, PlanWriteMixin, View):
    template_name = "planning/plans/item_delete.html"

    def get(self, request, *args, **kwargs):
        item = self.get_item()
        section = self.get_section()
        context = self.base_context(
            section=section,
            item=item,
            crumbs=self.crumbs((section.title, self.section_url()), (_("Slet"), None)),
        )
        return render(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        section = self.get_section()
        self.delete(item=item)
        messages.success(request, _("“%(title)s” er slettet.") % {"title": item.title})
        return HttpResponseRedirect(_plan_anchor(self.plan, section))


class GoalDeleteView(_ItemDeleteView):
    def get_item(self):
        if not hasattr(self, "item"):
            self.item = goal_get_for_plan(plan=self.plan, pk=self.kwargs["item_pk"])
            self.kwargs["section_pk"] = self.item.section_id
        return self.item

    def delete(self, *, item):
        plan_item_delete(item=item, deleted_by=self.request.user)


class InitiativeDeleteView(_ItemDeleteView):
    def get_item(self):
        if not hasattr(self, "item"):
            self.item = initiative_get_for_plan(plan=self.plan, pk=self.kwargs["item_pk"])
            self.kwargs["section_pk"] = self.item.section_id
        return self.item

    def delete(self, *, item):
        plan_item_delete(item=item, deleted_by=self.request.user)


# --- Snapshots -------------------------------------------------------------------------------------


class SnapshotListView(PlanAccessMixin, TemplateView):
    template_name = "planning/plans/snapshot_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **self.base_context(
                snapshots=list(plan_snapshot_list(plan=self.plan)),
                form=SnapshotForm(),
                crumbs=self.crumbs((_("Navngivne versioner"), None)),
            ),
            **kwargs,
        )


class SnapshotCreateView(PlanWriteMixin, View):
    template_name = "planning/plans/snapshot_list.html"

    def post(self, request, *args, **kwargs):
        form = SnapshotForm(request.POST)
        if not form.is_valid():
            context = self.base_context(
                snapshots=list(plan_snapshot_list(plan=self.plan)),
                form=form,
                crumbs=self.crumbs((_("Navngivne versioner"), None)),
            )
            return render(request, self.template_name, context, status=400)
        snapshot = plan_snapshot_create(
            plan=self.plan, name=form.cleaned_data["name"], created_by=request.user
        )
        messages.success(request, _("Versionen “%(name)s” er gemt.") % {"name": snapshot.name})
        return HttpResponseRedirect(
            reverse("snapshot-detail", kwargs={"pk": self.plan.pk, "snapshot_pk": snapshot.pk})
        )

    def get(self, request, *args, **kwargs):
        return HttpResponseRedirect(reverse("snapshot-list", kwargs={"pk": self.plan.pk}))


class SnapshotDetailView(PlanAccessMixin, TemplateView):
    template_name = "planning/plans/snapshot_detail.html"

    def get_context_data(self, **kwargs):
        snapshot = plan_snapshot_get(plan=self.plan, pk=self.kwargs["snapshot_pk"])
        entries = snapshot_entry_list(snapshot=snapshot)
        labels = dict(Initiative.Responsible.choices)
        for entry in entries:
            for initiative in entry.initiatives:
                initiative["responsible_label"] = labels.get(initiative.get("responsible"), "")
        return super().get_context_data(
            **self.base_context(
                snapshot=snapshot,
                entries=entries,
                crumbs=self.crumbs(
                    (_("Navngivne versioner"), reverse("snapshot-list", kwargs={"pk": self.plan.pk})),
                    (snapshot.name, None),
                ),
            ),
            **kwargs,
        )


class SnapshotDiffView(PlanAccessMixin, TemplateView):
    """Per-section differences between two snapshots (?fra=<pk>&til=<pk>; default: the two newest)."""

    template_name = "planning/plans/snapshot_diff.html"

    def get_context_data(self, **kwargs):
        snapshots = list(plan_snapshot_list(plan=self.plan))
        context = self.base_context(
            snapshots=snapshots,
            crumbs=self.crumbs(
                (_("Navngivne versioner"), reverse("snapshot-list", kwargs={"pk": self.plan.pk})),
                (_("Forskelle"), None),
            ),
        )
        old_pk, new_pk = _int_param(self.request, "fra"), _int_param(self.request, "til")
        if not (old_pk and new_pk):
            if len(snapshots) < 2:
                return super().get_context_data(**context, **kwargs)
            new_pk, old_pk = snapshots[0].pk, snapshots[1].pk
        old = plan_snapshot_get(plan=self.plan, pk=old_pk)
        new = plan_snapshot_get(plan=self.plan, pk=new_pk)
        diffs = snapshot_diff(
            old_entries=snapshot_entry_list(snapshot=old), new_entries=snapshot_entry_list(snapshot=new)
        )
        counts = {status: sum(1 for d in diffs if d.status == status) for status in EntryStatus.LABELS}
        return super().get_context_data(**context, old=old, new=new, diffs=diffs, counts=counts, **kwargs)
