"""The JSON Schemas of tiedote's records, generated from the Pydantic models and kept in the repo.

``tiedote schema [NAME]`` prints the committed file; a test checks it equals
what the models generate now, so a model change without a schema update
fails the suite.  Regenerate with ``python -m tiedote.schema``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import BaseModel

from tiedote.io.results import Release, ReleaseResult
from tiedote.models import Claim

RECORDS: dict[str, tuple[type[BaseModel], str]] = {
    # name: (model, mode).  Outputs are described as they are serialised, the input as it is validated.
    "result": (ReleaseResult, "serialization"),
    "release": (Release, "validation"),
    "claim": (Claim, "serialization"),
}


def file_name(name: str) -> str:
    return f"{name}.schema.json"


def generate(name: str) -> str:
    """The schema text for record ``name``, exactly as the committed file should hold it."""
    model, mode = RECORDS[name]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(mode="serialization" if mode == "serialization" else "validation"),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def committed(name: str) -> str:
    """The schema file shipped with the package."""
    return resources.files(__package__).joinpath(file_name(name)).read_text(encoding="utf-8")


def write_all(folder: Path | None = None) -> list[Path]:
    target = folder or Path(__file__).parent
    written = []
    for name in RECORDS:
        path = target / file_name(name)
        path.write_text(generate(name), encoding="utf-8")
        written.append(path)
    return written
