"""Every model family through the real window: trained, watched, classified; and an ensemble made in the Runs tab.

Each family trains for real on the small corpus (one or two epochs, or an
ensemble's members on their own presets), by clicking Train; the review is
then classified by clicking Classify, and the probability shown must be the
model's own. The ensemble is made by selecting two runs with the mouse and
clicking "Combine into ensemble", then saved, opened again and classified.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.models.config import TrainingConfig, preset
from core.models.families.convolutional import ConvolutionalConfig
from core.models.families.ngram import NGramConfig
from core.models.families.recurrent import RecurrentConfig
from core.models.sentiment_model import EnsembleModel, SentimentModel

SMALL = Path(__file__).parent / "data" / "small_reviews"
TIMEOUT = 180_000
REVIEW = "Saw it with friends. The film was wonderful, and the cast was superb too. I loved it!"
#: One small config of each family that trains a network, and the ensemble preset.
CONFIGS = {
    "recurrent": TrainingConfig(vocab_size=200, max_length=40, model=RecurrentConfig(embedding_dim=8, units=8), epochs=2, batch_size=8),
    "masked recurrent": TrainingConfig(vocab_size=200, max_length=40, model=RecurrentConfig(embedding_dim=8, units=8, padding="post"),
                                       epochs=2, batch_size=8),
    "ngram": TrainingConfig(family="ngram", model=NGramConfig(hash_bits=12), epochs=2, batch_size=8, learning_rate=0.05),
    "convolutional": TrainingConfig(family="convolutional", vocab_size=200, max_length=40, epochs=2, batch_size=8,
                                    model=ConvolutionalConfig(embedding_dim=8, filters=8, kernel_size=3)),
    "ensemble": preset("Best accuracy"),
}


def train_in(qtbot, window, config: TrainingConfig):
    window.data_panel.set_source(str(SMALL))
    window.form.set_config(config)
    assert window.form.config() == config
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT) as ended:
        qtbot.mouseClick(window.train_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["train"] and window.model is not None
    return window.model


def classify_in(qtbot, window, text: str) -> float:
    panel = window.classify_panel
    panel.text_edit.setPlainText(text)
    with qtbot.waitSignal(panel.classified, timeout=30_000) as classified:
        qtbot.mouseClick(panel.classify_button, Qt.MouseButton.LeftButton)
    return classified.args[0]


def test_the_family_chooser_offers_every_family_and_the_ensemble_uses_only_the_split_and_the_seed(window):
    form = window.form
    assert [form.family_combo.itemData(i) for i in range(form.family_combo.count())] == ["recurrent", "ngram", "convolutional", "ensemble"]
    form.set_config(preset("Best accuracy"))
    widgets = form.widgets
    assert widgets["members"].isEnabled() and widgets["seed"].isEnabled() and widgets["validation_split"].isEnabled()
    assert not widgets["epochs"].isEnabled() and not widgets["learning_rate"].isEnabled()  # each member takes its preset's
    form.set_config(TrainingConfig())
    assert form.widgets["epochs"].isEnabled()


@pytest.mark.parametrize("family", list(CONFIGS))
def test_each_family_trains_through_the_window_and_classifies(qtbot, window, family):
    headings = []
    window.controller.member.connect(lambda index, count, name: headings.append(window.chart.note.get_text()))
    model = train_in(qtbot, window, CONFIGS[family])
    probability = classify_in(qtbot, window, REVIEW)
    assert probability == pytest.approx(float(model.predict([REVIEW])[0]), abs=1e-6)
    assert window.runs.runs and window.runs.runs[-1].config == model.config.to_dict()
    if family == "ensemble":
        assert isinstance(model, EnsembleModel) and len(model.members) == 3
        assert headings == [f"Ensemble member {i} of 3: {name}" for i, name in enumerate(["Bag of n-grams", "Convolutional", "Masked LSTM"], 1)]
        assert "Ensemble of 3 models; curves of its last, a recurrent network" in window.chart.note.get_text()  # the chart keeps the last member's curves
        assert window.chart.epoch_count() == len(model.members[-1].history["loss"])
    else:
        assert window.chart.epoch_count() == 2 and not headings


def test_an_ensemble_of_two_runs_from_the_runs_tab_saves_reopens_and_classifies_alike(qtbot, window, tmp_path):
    first = train_in(qtbot, window, CONFIGS["recurrent"])
    second = train_in(qtbot, window, CONFIGS["ngram"])
    view = window.runs_view
    window.tabs.setCurrentWidget(view)
    assert not view.combine_button.isEnabled()  # one run selected: nothing to combine
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier), (1, Qt.KeyboardModifier.ControlModifier)):
        rect = view.table.visualItemRect(view.table.item(row, 1))
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert len(view.selected_runs()) == 2 and view.combine_button.isEnabled()
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT) as ended:
        qtbot.mouseClick(view.combine_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["combine"]

    ensemble = window.model
    assert isinstance(ensemble, EnsembleModel) and len(window.runs.runs) == 3
    run = window.runs.runs[-1]
    assert run.name == "Ensemble of Run 1 + Run 2" and run.config["family"] == "ensemble"
    expected = (first.predict([REVIEW]) + second.predict([REVIEW])) / 2
    assert classify_in(qtbot, window, REVIEW) == pytest.approx(float(expected[0]), abs=1e-6)
    assert window.results.metric_values["accuracy"].text() == f"{ensemble.test_metrics['accuracy']:.4f}"

    saved = tmp_path / "ensemble.keras"
    assert window.files.save_model_to(saved)
    np.testing.assert_allclose(SentimentModel.load(window.runs.model_path(run)).predict([REVIEW]), expected, atol=1e-6)
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT):
        assert window.open_model(saved)
    assert isinstance(window.model, EnsembleModel) and window.model.path == saved
    assert classify_in(qtbot, window, REVIEW) == pytest.approx(float(expected[0]), abs=1e-6)
