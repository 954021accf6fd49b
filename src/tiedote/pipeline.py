"""The spaCy pipeline: ``spacy.blank("fi")`` and tiedote's component.

The component reads ``doc.text`` and sets ``doc._.claims``; the publication
date comes from ``doc._.published`` (set per document) or the component's
config.  Tokenization is spaCy's; claims are found on the text itself so that
every span is an exact offset into it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tiedote.claims import extract_claims
from tiedote.lexicon import lexicon
from tiedote.models import Claim

COMPONENT = "tiedote"


def _ensure_extensions() -> None:
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)


class TiedoteComponent:
    """Sets ``doc._.claims`` to the claims of ``doc.text``."""

    def __init__(self, nlp: Language, name: str, published: str | None = None) -> None:
        _ensure_extensions()
        self.name = name
        self.published = dt.date.fromisoformat(published) if published else None
        self.lexicon = lexicon()  # built once per process, shared by every call

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published if doc._.published is not None else self.published
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        doc._.claims = extract_claims(doc.text, published, self.lexicon)
        return doc


@Language.factory(COMPONENT, default_config={"published": None})
def make_tiedote_component(nlp: Language, name: str, published: str | None) -> TiedoteComponent:
    return TiedoteComponent(nlp, name, published)


def build_nlp() -> Language:
    """``spacy.blank("fi")`` with the tiedote component, built once per Extractor."""
    _ensure_extensions()
    nlp = spacy.blank("fi")
    nlp.add_pipe(COMPONENT)
    return nlp


def claims_of(doc: Doc) -> list[Claim]:
    claims: Any = doc._.claims
    return list(claims or [])
