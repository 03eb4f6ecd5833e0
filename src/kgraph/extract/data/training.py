"""What the scripts that train this folder's CRF models share (scripts/train_org_tagger.py,
scripts/train_type_taggers.py): training a pycrfsuite model into its file atomically (a temporary file in the same
folder, renamed when the model is whole), so that a failed or interrupted run leaves the old model in place."""

import os
import tempfile
from pathlib import Path
from typing import Any


def train_atomically(trainer: Any, parameters: dict[str, Any], out: Path) -> None:
    """Train `trainer` (a pycrfsuite.Trainer with its items appended) with `parameters` and write the model to `out`."""
    trainer.set_params(parameters)
    handle, temporary = tempfile.mkstemp(dir=out.parent, suffix=".tmp")
    os.close(handle)
    try:
        trainer.train(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, out)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
