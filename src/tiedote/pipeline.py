"""The spaCy pipeline: ``spacy.blank("fi")`` and tiedote's component.

The component reads ``doc.text`` and sets ``doc._.claims``; the publication
date comes from ``doc._.published`` (set per document) or the component's
config.  Tokenization is spaCy's; claims are found on the text itself so that
every span is an exact offset into it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from tiedote.claims.assemble import extract_claims
from tiedote.claims.syntax import PARSER, load_parser
from tiedote.io.dates import optional_date, read_date
from tiedote.lang.lexicon import lexicon
from tiedote.models import Claim

COMPONENT = "tiedote"


def _ensure_extensions() -> None:
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)


_CLAIM_KEY = "__tiedote_claim__"
_DATE_KEY = "__tiedote_date__"


def _encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack encoder for ``Doc.to_bytes``: claims and dates in ``doc.user_data``.

    ``nlp.pipe(n_process=N)`` sends every Doc back from its worker with
    ``to_bytes``, user data (``doc._.claims``, ``doc._.published``) included;
    msgpack knows neither a pydantic record nor a date.
    """
    if isinstance(obj, Claim):
        return {_CLAIM_KEY: obj.model_dump_json()}
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return {_DATE_KEY: obj.isoformat()}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict):
        if _CLAIM_KEY in obj:
            return Claim.model_validate_json(obj[_CLAIM_KEY])
        if _DATE_KEY in obj:
            return dt.date.fromisoformat(obj[_DATE_KEY])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("tiedote", func=_encode)
srsly.msgpack_decoders.register("tiedote", func=_decode)


def _context_published(context: Any) -> Any:
    """The date in ``nlp.pipe(..., as_tuples=True)`` context: ``{"published": date}`` or a date itself."""
    if isinstance(context, Mapping):
        return context.get("published")
    if isinstance(context, (dt.date, str)):
        return context
    return None


class TiedoteComponent:
    """Sets ``doc._.claims`` to the claims of ``doc.text``."""

    def __init__(self, nlp: Language, name: str, published: str | None = None, parser: str | None = PARSER) -> None:
        _ensure_extensions()
        self.name = name
        self.published = optional_date(published)
        self.parser = parser  # the reading: a spaCy package parsing the doubtful sentences, None the fast one
        self.lexicon = lexicon()  # built once per process, shared by every call

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if published is None:
            # spaCy keeps nlp.pipe(..., as_tuples=True)'s context on the Doc while it runs the pipeline.
            published = _context_published(getattr(doc, "_context", None))
        if published is None:
            published = self.published
        if published is not None:
            published = read_date(published)
        # Inside a pipeline that already parses (spacy.load("spacy_fi_experimental_web_md") +
        # add_pipe("tiedote")), the parser reading uses the Doc's own parse instead of parsing again;
        # in a blank one it parses the sentences it needs with its own model, as Extractor does.
        parsed = doc if doc.has_annotation("DEP") and doc.has_annotation("POS") else None
        parser = load_parser(self.parser) if parsed is None and self.parser is not None else None
        doc._.claims = extract_claims(doc.text, published, self.lexicon, parser=parser, doc=parsed)
        return doc


@Language.factory(COMPONENT, default_config={"published": None, "parser": PARSER})
def make_tiedote_component(nlp: Language, name: str, published: str | None,
                           parser: str | None) -> TiedoteComponent:
    return TiedoteComponent(nlp, name, published, parser)


def build_nlp(parser: str | None = PARSER) -> Language:
    """``spacy.blank("fi")`` with the tiedote component of a reading, built once per Extractor."""
    _ensure_extensions()
    nlp = spacy.blank("fi")
    nlp.add_pipe(COMPONENT, config={"parser": parser})
    return nlp
