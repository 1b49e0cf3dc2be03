"""Any valid configuration survives JSON and back unchanged; any value out of its field's range is named."""

from __future__ import annotations

import json

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.errors import ConfigError
from core.models.config import TrainingConfig, config_fields
from core.models.families import FAMILIES


def _is_bool(f) -> bool:
    return f.type in ("bool", bool)


def _is_int(f) -> bool:
    return f.type in ("int", int)


def valid_value(f) -> st.SearchStrategy:
    """Any value the field's own metadata allows."""
    info = f.metadata
    if _is_bool(f):
        return st.booleans()
    if "choices" in info:
        return st.sampled_from(info["choices"])
    low, high = info["range"]
    return st.integers(int(low), int(high)) if _is_int(f) else st.floats(low, high, allow_nan=False)


def invalid_value(f) -> st.SearchStrategy:
    """A value of the wrong kind, or out of the field's range."""
    info = f.metadata
    wrong_kind = st.sampled_from(["yes", None, [1], {"a": 1}])
    if _is_bool(f):
        return st.one_of(wrong_kind, st.integers(0, 1))
    if "choices" in info:
        return st.one_of(wrong_kind, st.text(max_size=8).filter(lambda text: text not in info["choices"]))
    low, high = info["range"]
    outside = st.one_of(st.floats(max_value=low, exclude_max=True), st.floats(min_value=high, exclude_min=True), st.just(float("nan")))
    if _is_int(f):
        outside = st.one_of(st.integers(max_value=int(low) - 1), st.integers(min_value=int(high) + 1), st.just(low + 0.5))
    return st.one_of(wrong_kind, st.booleans(), outside)


#: Any family, with every field of its config (flat: the common ones and the family's own).
CONFIGS = st.one_of(*(
    st.fixed_dictionaries({"family": st.just(family), **{f.name: valid_value(f) for f in config_fields(family)}}) for family in FAMILIES
))
FIELDS = [(family, f) for family in FAMILIES for f in config_fields(family)]


@settings(max_examples=300, deadline=None)
@given(CONFIGS)
def test_a_valid_config_survives_json_and_back(values):
    try:
        config = TrainingConfig.from_dict(values)
    except ConfigError as error:  # only a rule between fields may refuse values each in range
        assert not any(str(error).startswith(f"{name} must be") for name in values), str(error)
        return
    text = config.to_json()
    assert TrainingConfig.from_json(text) == config
    assert TrainingConfig.from_dict(json.loads(text)) == config
    assert TrainingConfig.from_dict(config.to_dict()) == config
    assert config.to_json() == TrainingConfig.from_json(text).to_json()


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_bad_value_is_named_by_its_field_in_one_line(data):
    family, f = data.draw(st.sampled_from(FIELDS), label="field")
    value = data.draw(invalid_value(f), label="value")
    assume(not (_is_int(f) and isinstance(value, float) and value.is_integer()))  # JSON's 3.0 is read as 3
    try:
        TrainingConfig.from_json(json.dumps({"family": family, f.name: value}))
    except ConfigError as error:
        message = str(error)
        assert message.startswith(f"{f.name} must be") and "\n" not in message, message
    else:
        raise AssertionError(f"{f.name}={value!r} was accepted")
