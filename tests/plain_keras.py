"""Run a saved model the way someone else's program would: ``import core``, then plain Keras, in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def plain_keras_probabilities(path: Path, texts: list[str]) -> list[float]:
    """``keras.saving.load_model(path)`` after ``import core`` (this checkout's, via PYTHONPATH), on raw strings."""
    script = (
        "import json, sys\n"
        "import core, keras\n"
        "assert core.__file__.startswith(sys.argv[1]), core.__file__\n"
        "model = keras.saving.load_model(sys.argv[2])\n"
        "reviews = keras.ops.convert_to_tensor(json.loads(sys.argv[3]))\n"
        "print(json.dumps(model.predict(reviews, verbose=0).ravel().tolist()))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script, str(ROOT), str(path), json.dumps(texts)],
                         cwd=path.parent, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])
