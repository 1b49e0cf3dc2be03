"""The model file saved by 0.1.0, built from its parts as text (see ``tests/data/models/README.md``).

The repository keeps no model files. Its entries are kept as they were
written, and its weights file as a dump of every HDF5 group (with its
attributes) and dataset (dtype, shape, values; float32 values round-trip
through JSON exactly). :func:`legacy_model_file` writes the archive once per
test process, entry by entry as that version did.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
import zipfile
from functools import cache
from pathlib import Path

import h5py
import numpy as np

PARTS = Path(__file__).parent / "data" / "models" / "saved_by_0.1.0_recurrent"
#: The archive's entries in their order, and how each was stored.
ENTRIES = (("metadata.json", zipfile.ZIP_STORED), ("config.json", zipfile.ZIP_STORED),
           ("model.weights.h5", zipfile.ZIP_STORED), ("studio.json", zipfile.ZIP_DEFLATED))


def write_weights(dump_path: Path, target: Path) -> None:
    """The HDF5 weights file that ``dump_path`` describes."""
    dump = json.loads(dump_path.read_text(encoding="utf-8"))
    with h5py.File(target, "w") as weights:
        for name, attributes in dump["groups"].items():
            group = weights.require_group(name)
            for key, value in attributes.items():
                group.attrs[key] = value
        for name, data in dump["datasets"].items():
            weights.create_dataset(name, data=np.asarray(data["values"], dtype=data["dtype"]).reshape(data["shape"]))


@cache
def legacy_model_file() -> Path:
    """``saved_by_0.1.0_recurrent.keras``, written into a folder removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix="legacy-model-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    write_weights(PARTS / "model.weights.json", folder / "model.weights.h5")
    path = folder / "saved_by_0.1.0_recurrent.keras"
    with zipfile.ZipFile(path, "w") as archive:
        for entry, compression in ENTRIES:
            source = folder / entry if entry.endswith(".h5") else PARTS / entry
            archive.write(source, entry, compress_type=compression)
    return path
