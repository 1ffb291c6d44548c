"""Small JSON notes kept on this machine about files dibao has checked (a Prefect database's migrations, the
DuckLake binary's signature), each written whole by a rename so that a concurrent run reads the old notes or
the new ones."""
from __future__ import annotations

import json
import os
from pathlib import Path


def read_marks(path: Path) -> dict:
    """The notes in `path`; {} when the file is missing, unreadable or not a JSON object."""
    try:
        marks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return marks if isinstance(marks, dict) else {}


def write_marks(path: Path, marks: dict) -> None:
    """Write the notes whole (OSError when the folder cannot be written: the caller keeps checking)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        tmp.write_text(json.dumps(marks, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
