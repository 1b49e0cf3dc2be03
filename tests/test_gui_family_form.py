"""The form's family chooser: the rows are the chosen family's, made from the registry."""

from __future__ import annotations

import pytest
from families_for_tests import AVERAGED, AveragedConfig
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QSpinBox, QWidget

from core.models.config import TrainingConfig
from core.models.families import FAMILIES
from core.models.families.recurrent import RecurrentConfig
from gui.panels.config_form import ConfigForm


@pytest.fixture
def form(qtbot, monkeypatch):
    monkeypatch.setitem(FAMILIES, AVERAGED.name, AVERAGED)
    form = ConfigForm()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from ``widget``: the next widget in the focus chain that takes Tab focus, outside it."""
    candidate = widget.nextInFocusChain()
    while candidate is not widget and (widget.isAncestorOf(candidate) or not candidate.focusPolicy() & Qt.FocusPolicy.TabFocus):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_the_chooser_lists_the_registry_on_the_first_row_with_the_recurrent_family_chosen(qtbot):
    form = ConfigForm()
    qtbot.addWidget(form)
    chooser = form.widgets["family"]
    assert list(form.widgets)[:3] == ["family", "vocab_size", "max_length"]
    assert [chooser.itemData(i) for i in range(chooser.count())] == list(FAMILIES)
    assert chooser.currentText() == "Recurrent network" and form.labels["family"].text() == "Model family"
    assert form.values()["family"] == "recurrent" and form.config() == TrainingConfig()


def test_choosing_a_family_shows_its_fields_at_their_defaults_and_keeps_the_common_ones(qtbot, form):
    form.set_config(TrainingConfig().replace(units=12, epochs=3, learning_rate=0.01))
    chooser = form.widgets["family"]
    assert [chooser.itemText(i) for i in range(chooser.count())] == [family.label for family in FAMILIES.values()]
    assert chooser.itemText(chooser.count() - 1) == "Averaged embeddings"
    with qtbot.waitSignal(form.changed, timeout=1000):
        chooser.setCurrentIndex(chooser.findData("averaged"))
    assert "units" not in form.widgets and "cell" not in form.widgets
    assert isinstance(form.widgets["hidden"], QSpinBox) and isinstance(form.widgets["normalise"], QCheckBox)
    assert form.widgets["embedding_dim"].maximum() == 64 and form.labels["hidden"].text() == "Hidden units"
    assert form.config() == TrainingConfig(family="averaged", model=AveragedConfig(), epochs=3, learning_rate=0.01)
    assert form.description.text() == "averaged 4-d vectors"
    form.widgets["hidden"].setValue(5)
    assert form.config().model.hidden == 5
    # An opened config of the other family brings its rows back, with its values.
    form.set_config(TrainingConfig(model=RecurrentConfig(units=6, cell="gru")))
    assert chooser.currentData() == "recurrent" and "hidden" not in form.widgets
    assert form.widgets["units"].value() == 6 and form.config().model == RecurrentConfig(units=6, cell="gru")


def test_the_new_rows_are_in_the_tab_order_and_follow_read_only(form):
    form.set_config(TrainingConfig(family="averaged"))
    chain = list(form.widgets.values())
    start = chain.index(form.widgets["max_length"])
    for before, after in zip(chain[start:], chain[start + 1:start + 5]):
        stop = next_tab_stop(before)
        assert stop is after or after.isAncestorOf(stop), (before.objectName(), stop.objectName())
    form.set_read_only(True)
    assert not form.widgets["hidden"].isEnabled() and not form.widgets["family"].isEnabled()
    form.set_read_only(False)
    assert form.widgets["hidden"].isEnabled()


def test_the_run_legend_names_the_family_where_families_differ(form):
    from gui.charts.run_compare_chart import run_labels
    from gui.i18n import describe_config
    from gui.run_store import Run

    recurrent = Run(id="a", name="a", config=TrainingConfig().to_dict())
    averaged = Run(id="b", name="b", config=TrainingConfig(family="averaged").to_dict())
    wider = Run(id="c", name="c", config=TrainingConfig(family="averaged", model=AveragedConfig(hidden=3)).to_dict())
    assert run_labels([recurrent, averaged]) == ["Recurrent network, LSTM, 32 units", "Averaged embeddings, averaged 4-d vectors"]
    assert run_labels([averaged, wider]) == ["Hidden units 0", "Hidden units 3"]  # one family: its field, not its name
    assert describe_config(TrainingConfig(), with_family=True) == "Recurrent network, LSTM, 32 units"
