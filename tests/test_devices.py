"""``devices=2``: MirroredStrategy over two logical CPU devices trains the same model as one device.

The CPU is split into two logical devices before TensorFlow initialises,
so the run happens in a subprocess of its own.

Tolerance: 1e-4 on every epoch's loss and validation loss, and equal
accuracies. Mirrored over two devices, each replica computes the mean
gradient of half the batch and the all-reduce averages the two: the same
number as one device's mean over the whole batch, up to float32 rounding
in a different order of summation (about 1e-7 per step; measured here:
differences under 1e-6 after 3 epochs). A real fault is far larger: gradients
summed instead of averaged double the step, which moves the first epoch's
loss by some 1e-3 at this learning rate; a different initialisation or data
order, by more.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Two logical devices in a subprocess: CI runs this in its main run, not again at the dependency floors.
pytestmark = pytest.mark.heavy

SCRIPT = """
import json, sys
import tensorflow as tf
cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
from core.data.loading import load_corpus
from core.models.config import TrainingConfig
from core.training.trainer import train
corpus = load_corpus(sys.argv[1])
config = TrainingConfig.from_dict({"vocab_size": 200, "max_length": 40, "embedding_dim": 8, "units": 8, "epochs": 3,
                                   "batch_size": 8, "learning_rate": 0.01})
runs = {}
for devices in (1, 2):
    model = train(corpus, config, devices=devices)
    runs[devices] = {"history": model.history, "test": model.test_metrics,
                     "replicas": model.classifier.distribute_strategy.num_replicas_in_sync}
print("RESULT " + json.dumps(runs))
"""


def test_mirrored_over_two_logical_cpus_matches_one_device(small_corpus_dir):
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(small_corpus_dir)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    runs = json.loads(line.removeprefix("RESULT "))
    one, two = runs["1"], runs["2"]
    assert (one["replicas"], two["replicas"]) == (1, 2)
    for name in ("loss", "val_loss"):
        assert two["history"][name] == pytest.approx(one["history"][name], abs=1e-4), name
    assert two["history"]["accuracy"] == one["history"]["accuracy"]
    assert two["test"]["loss"] == pytest.approx(one["test"]["loss"], abs=1e-4)
    assert two["test"]["accuracy"] == one["test"]["accuracy"]


def test_more_devices_than_the_machine_has_is_one_line(small_corpus_dir, tmp_path):
    import io

    from core.cli.commands import run

    err = io.StringIO()
    code = run(["train", "--data", str(small_corpus_dir), "--devices", "64", "--epochs", "1", "--vocab-size", "200", "--max-length", "40",
                "--out", str(tmp_path / "m.keras")], stdout=io.StringIO(), stderr=err)
    assert code == 1 and "--devices 64" in err.getvalue().splitlines()[-1]
