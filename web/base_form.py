"""The base of every HTML form: text fields read only the posted form, file fields only uploads.

Flask-WTF would also feed uploaded files and JSON bodies into any field of the same name, so a
file posted as "name" reached a text validator as a FileStorage (a 500). Here it is just absent."""

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from flask_wtf.form import _Auto
from werkzeug.datastructures import CombinedMultiDict, MultiDict
from wtforms.fields.choices import SelectChoice


class Form(FlaskForm):
    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form, formdata):
            if formdata is not _Auto:
                return formdata
            if not form.is_submitted():
                return None
            file_fields = {name for name, field in form._fields.items() if isinstance(field, FileField)}
            files = MultiDict([(k, v) for k, v in request.files.items(multi=True) if k in file_fields])
            return CombinedMultiDict((files, request.form))


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices."""
    return [SelectChoice(value, label) for value, label in pairs]
