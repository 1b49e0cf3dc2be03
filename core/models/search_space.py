"""How a model family writes its default hyperparameter search space: plain JSON-ready dicts.

A family's ``search_space`` maps field names (its own or common ones,
named flat as in presets) to a spec:

- ``span(low, high, log=False)``: a number between ``low`` and ``high``;
  whole or not as the field is (``int`` or ``float``). Learning rates and
  sizes use ``log=True``: 1e-4 to 1e-3 weighs as much as 1e-3 to 1e-2.
- ``among(*options)``: one of the options (choices, sizes, true/false).

The specs are plain data so a study stores them, the GUI edits them and
the command line reads them from JSON; :mod:`core.tuning.space` checks
them against the fields' ranges and asks Optuna for values.
"""

from __future__ import annotations

from typing import Any

#: A search spec: {"low": ..., "high": ..., "log": bool} or {"choices": [...]}.
Spec = dict[str, Any]


def span(low: float, high: float, log: bool = False) -> Spec:
    """A number from ``low`` to ``high`` (inclusive), on a log scale if ``log``."""
    return {"low": low, "high": high, "log": log}


def among(*options: Any) -> Spec:
    """One of ``options``."""
    return {"choices": list(options)}
