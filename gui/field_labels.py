"""How the config's fields, their choices and the model families are named in the window, in every language.

The names live with the fields themselves (their ``label`` metadata and a
choice field's ``labels``, :mod:`core.models.fields`), marked for
translation under the context ``"core"``: a field a family adds is named
here with no change. The form and the run comparison's legend both use them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.models.config import field_info
from core.models.families import DEFAULT_FAMILY, model_family


def _tr(text: str) -> str:
    return QCoreApplication.translate("core", text)


def label_for(name: str, family: str = DEFAULT_FAMILY) -> str:
    """The field's label in the current language; one made from its name if it has none."""
    try:
        known = field_info(name, family).get("label")
    except KeyError:
        known = None
    return _tr(known) if known else name.replace("_", " ").capitalize()


def choice_label(name: str, value: str, family: str = DEFAULT_FAMILY) -> str:
    """How one choice of a field is shown ("last state" for pooling's "last")."""
    label = field_info(name, family).get("labels", {}).get(value)
    return _tr(label) if label else value


def family_label(name: str) -> str:
    """The family's name in the current language ("Recurrent network")."""
    return _tr(model_family(name).label)


def preset_label(name: str) -> str:
    """A preset's name in the current language ("Bag of n-grams")."""
    return _tr(name)
