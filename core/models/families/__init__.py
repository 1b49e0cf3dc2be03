"""The registry of model families: every kind of network the studio can train.

The config (:mod:`core.models.config`), the builder, the GUI form, the
command line and the run comparison all read this registry; none of them
names a family. Adding a family is one module here with its
:class:`~core.models.families.base.ModelFamily` (config fields with their
metadata, ``build``, ``describe``, presets), its Keras module, one line in
:data:`FAMILIES`, its tests and translations.
"""

from __future__ import annotations

from core.errors import QT_TRANSLATE_NOOP, ConfigError
from core.models.families import convolutional, ensemble, ngram, recurrent
from core.models.families.base import FamilyConfig, ModelFamily

#: The families by name, in the order the form and ``--help`` list them; the first is the default.
FAMILIES: dict[str, ModelFamily] = {family.name: family for family in (recurrent.FAMILY, ngram.FAMILY, convolutional.FAMILY, ensemble.FAMILY)}
DEFAULT_FAMILY = next(iter(FAMILIES))

__all__ = ["DEFAULT_FAMILY", "FAMILIES", "FamilyConfig", "ModelFamily", "model_family"]


def model_family(name: object) -> ModelFamily:
    """The family called ``name``; ConfigError naming the families there are if none is."""
    family = FAMILIES.get(name) if isinstance(name, str) else None
    if family is None:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "Unknown model family {name!r}; choose one of: {families}."),
                          name=name, families=", ".join(FAMILIES))
    return family
