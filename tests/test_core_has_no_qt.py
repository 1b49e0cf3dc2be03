"""core is the engine: it must never pull in Qt (or the GUI), and importing it must stay cheap.

Keras itself imports Matplotlib, so only the light modules are held to "no Matplotlib"."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
import core, core.models.config, core.data.loading, core.errors, core.progress, core.insight.metrics, core.models.model_file, core.cli.commands
light = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui', 'matplotlib', 'tensorflow', 'keras'))
import core.text.vectorizer, core.models.builder, core.training.trainer, core.models.sentiment_model
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui'))
print(repr((light, heavy)))
"""


def test_core_imports_no_qt_and_light_modules_no_tensorflow():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    light, heavy = eval(out.stdout.strip().splitlines()[-1])
    assert light == [], f"importing core's light modules pulled in {light}"
    assert heavy == [], f"core pulled in GUI modules: {heavy}"
