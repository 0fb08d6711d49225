"""The shared machinery of every reference-data import (admin uploads and `load_reform` alike).

One code path reads a file, cleans each cell and reports bad input in Danish, naming the row, the column
and the bad value. The fixtures in `fixtures/` go through exactly this path, so the real reference data is
validated the same way as an administrator's upload.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources, widgets
from import_export.formats import base_formats

from councils.selectors import council_get_by_name, municipality_get_by_name, region_get_by_name


class DanishCSV(base_formats.CSV):
    """CSV as Danish Excel writes it: `;` or `,` between cells, UTF-8 with or without BOM."""

    def get_title(self):
        return "csv"

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        in_stream = in_stream.lstrip("\ufeff")
        header = in_stream.split("\n", 1)[0]
        delimiter = ";" if header.count(";") > header.count(",") else ","
        return tablib.import_set(in_stream, format="csv", delimiter=delimiter)


IMPORT_FORMATS = [DanishCSV, base_formats.XLSX]


def cell_text(value) -> str:
    """A cell as stripped text; spreadsheets hand us numbers, dates and None as well."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\xa0", " ").strip()


def row_error_message(*, row_number: int, column: str | None, value, message: str) -> str:
    """The one format of every import error: row, column, bad value, what is wrong."""
    if column is None:
        return _("Række %(row)s: %(message)s") % {"row": row_number, "message": message}
    return _("Række %(row)s, kolonne »%(column)s«, værdi »%(value)s«: %(message)s") % {
        "row": row_number,
        "column": column,
        "value": cell_text(value),
        "message": message,
    }


class TextWidget(widgets.Widget):
    def __init__(self, *, required: bool = False, max_length: int | None = None):
        super().__init__()
        self.required = required
        self.max_length = max_length

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if self.required and not text:
            raise ValueError(_("Feltet skal udfyldes."))
        if self.max_length and len(text) > self.max_length:
            raise ValueError(_("Teksten må højst være %(max)s tegn.") % {"max": self.max_length})
        return text

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class NumberWidget(widgets.Widget):
    """Whole numbers; accepts "58000", "58.000", "58 000" and spreadsheet numbers. Never negative."""

    def __init__(self, *, required: bool = False):
        super().__init__()
        self.required = required

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            raise ValueError(_("Skal være et helt tal, fx 58000."))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int):
            number = value
        else:
            text = cell_text(value).replace(" ", "")
            if not text:
                if self.required:
                    raise ValueError(_("Feltet skal udfyldes."))
                return None
            if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
                text = text.replace(".", "")
            if not re.fullmatch(r"-?\d+", text):
                raise ValueError(_("Skal være et helt tal, fx 58000."))
            number = int(text)
        if number < 0:
            raise ValueError(_("Må ikke være negativt."))
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class DecimalNumberWidget(widgets.Widget):
    """Decimal numbers with a Danish ("0,6") or English ("0.6") decimal mark. Never negative."""

    def __init__(self, *, required: bool = False):
        super().__init__()
        self.required = required

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            raise ValueError(_("Skal være et tal, fx 3,5."))
        if isinstance(value, int | float):
            number = Decimal(str(value))
        else:
            text = cell_text(value).replace(" ", "")
            if not text:
                if self.required:
                    raise ValueError(_("Feltet skal udfyldes."))
                return None
            if "," in text:
                text = text.replace(".", "").replace(",", ".")
            try:
                number = Decimal(text)
            except InvalidOperation:
                raise ValueError(_("Skal være et tal, fx 3,5.")) from None
            if not number.is_finite():
                raise ValueError(_("Skal være et tal, fx 3,5."))
        if number < 0:
            raise ValueError(_("Må ikke være negativt."))
        return number

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return str(value.normalize()) if isinstance(value, Decimal) else str(value)


TRUE_WORDS = {"1", "ja", "j", "x", "true", "sand", "yes"}
FALSE_WORDS = {"", "0", "nej", "n", "false", "falsk", "no"}


class YesNoWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = cell_text(value).lower()
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
        raise ValueError(_("Skal være »ja« eller »nej«."))

    def render(self, value, obj=None, **kwargs):
        return "ja" if value else "nej"


class DateWidget(widgets.Widget):
    """ISO dates (2027-04-01), Danish dates (01-04-2027, 1.4.2027) and spreadsheet dates."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = cell_text(value)
        if not text:
            raise ValueError(_("Feltet skal udfyldes."))
        for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a date, no time)
            except ValueError:
                continue
        raise ValueError(_("Skal være en dato, fx 2027-04-01 eller 01-04-2027."))

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class ChoiceWidget(widgets.Widget):
    """A TextChoices value by its code or its Danish label, case-insensitive."""

    def __init__(self, *, choices, required: bool = True, extra: dict[str, str] | None = None):
        super().__init__()
        self.required = required
        self.lookup = {}
        for code, label in choices:
            self.lookup[str(code).lower()] = code
            self.lookup[str(label).lower()] = code
        for word, code in (extra or {}).items():
            self.lookup[word.lower()] = code
        self.codes = [code for code, _label in choices]

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value).lower()
        if not text:
            if self.required:
                raise ValueError(_("Feltet skal udfyldes."))
            return ""
        if text not in self.lookup:
            raise ValueError(_("Ukendt værdi; tilladt er: %(allowed)s.") % {"allowed": ", ".join(self.codes)})
        return self.lookup[text]

    def render(self, value, obj=None, **kwargs):
        return value or ""


class ReferenceWidget(widgets.Widget):
    """A cell naming an existing reference record; an unknown name is an error, never a new record."""

    unknown_message = ""
    default_required = True

    def __init__(self, *, required: bool | None = None):
        super().__init__()
        self.required = self.default_required if required is None else required

    def lookup(self, *, name: str):
        raise NotImplementedError

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            if self.required:
                raise ValueError(_("Feltet skal udfyldes."))
            return None
        found = self.lookup(name=text)
        if found is None:
            raise ValueError(str(self.unknown_message))
        return found

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class RegionWidget(ReferenceWidget):
    unknown_message = gettext_lazy("Ukendt region. Regioner oprettes ikke ved import.")

    def lookup(self, *, name: str):
        return region_get_by_name(name=name)


class CouncilWidget(ReferenceWidget):
    """A council by its name or a known alias ("Sjælland og øerne")."""

    unknown_message = gettext_lazy(
        "Ukendt sundhedsråd. Brug rådets navn eller et kendt alternativt navn; "
        "sundhedsråd oprettes ikke ved import."
    )

    def lookup(self, *, name: str):
        return council_get_by_name(name=name)


class MunicipalityWidget(ReferenceWidget):
    unknown_message = gettext_lazy("Ukendt kommune. Kommuner oprettes ikke ved import.")
    default_required = False

    def lookup(self, *, name: str):
        return municipality_get_by_name(name=name)


class ReferenceResource(resources.ModelResource):
    """Base of every reference import.

    - headers are matched case-insensitively, blank lines are ignored, missing columns are reported;
    - every row error is rewritten as "Række N, kolonne »x«, værdi »v«: ..." (see `row_error_message`);
    - `create_missing=False` (the admin) turns an unknown key into an error instead of a new record;
      only `load_reform` bootstraps the reference data with `create_missing=True`.
    """

    required_columns: tuple[str, ...] = ()
    creatable_by_admin = False  # may an admin upload create new rows of this model?

    def __init__(self, *, create_missing: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.create_missing = create_missing

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    # --- the file ---------------------------------------------------------------------------
    def before_import(self, dataset, **kwargs):
        if dataset.headers:
            dataset.headers = [cell_text(header).lower() for header in dataset.headers]
        blank_rows = [index for index, row in enumerate(dataset) if not any(cell_text(cell) for cell in row)]
        for index in reversed(blank_rows):
            del dataset[index]
        headers = set(dataset.headers or [])
        missing = [column for column in self.required_columns if column not in headers]
        if missing:
            raise ValidationError(
                _("Filen mangler kolonnen/kolonnerne %(missing)s. Fundne kolonner: %(found)s.")
                % {
                    "missing": ", ".join(f"»{column}«" for column in missing),
                    "found": ", ".join(f"»{column}«" for column in dataset.headers or []) or "ingen",
                }
            )

    # --- one row ----------------------------------------------------------------------------
    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None  # a bad key cell: import_instance reports it with row and column

    def after_init_instance(self, instance, new, row, **kwargs):
        if new and not (self.create_missing or self.creatable_by_admin):
            key_field = self.fields[self.get_import_id_fields()[0]]
            raise ValidationError(
                {
                    key_field.attribute: _("Findes ikke, og %(model)s oprettes ikke ved import.")
                    % {"model": self._meta.model._meta.verbose_name_plural}
                }
            )

    def row_checks(self, instance, row) -> dict[str, str]:
        """Cross-field rules of one row; {attribute: Danish message}. Override per resource."""
        return {}

    def complete_instance(self, instance) -> None:
        """Fill derived fields (e.g. the slug) before validation. Override per resource."""

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        self.complete_instance(instance)
        errors = dict(import_validation_errors or {})
        if not errors:
            for attribute, message in self.row_checks(instance, self._current_row).items():
                errors[attribute] = ValidationError(message)
        super().validate_instance(instance, errors, validate_unique)

    def import_row(self, row, instance_loader, **kwargs):
        self._current_row = row
        row_result = super().import_row(row, instance_loader, **kwargs)
        if row_result.validation_error is not None:
            row_result.validation_error = self._located(
                row_result.validation_error, row, kwargs["row_number"]
            )
        return row_result

    def _located(self, error: ValidationError, row, row_number: int) -> ValidationError:
        columns = {
            field.attribute: field.column_name for field in self.get_import_fields() if field.attribute
        }
        located: dict[str, list[str]] = {}
        for attribute, messages in error.message_dict.items():
            column = columns.get(attribute)
            for message in messages:
                if message.startswith(_("Række")):
                    text = message
                elif attribute == NON_FIELD_ERRORS:
                    text = row_error_message(row_number=row_number, column=None, value=None, message=message)
                elif column is None:
                    label = self._meta.model._meta.get_field(attribute).verbose_name
                    text = _("Række %(row)s, feltet »%(field)s«: %(message)s") % {
                        "row": row_number,
                        "field": label,
                        "message": message,
                    }
                else:
                    text = row_error_message(
                        row_number=row_number, column=column, value=row.get(column), message=message
                    )
                located.setdefault(attribute, []).append(text)
        return ValidationError(located)


def import_result_messages(*, result, file_name: str = "") -> list[str]:
    """Every error of an import result as Danish text (row, column and value are already in each)."""
    prefix = f"{file_name}: " if file_name else ""
    texts = [f"{prefix}{error.error}" for error in result.base_errors]
    for row_number, errors in result.row_errors():
        texts += [
            prefix + _("Række %(row)s: %(error)s") % {"row": row_number, "error": error.error}
            for error in errors
        ]
    for invalid in result.invalid_rows:
        for error_list in invalid.error_dict.values():
            texts += [f"{prefix}{message}" for message in error_list]
    return texts
