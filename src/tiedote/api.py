"""The public entry points: ``extract`` and ``Extractor``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from tiedote.claims.assemble import Dropped, extract_claims
from tiedote.claims.syntax import PARSER
from tiedote.errors import InputTypeError, InputValueError, TextTooLongError
from tiedote.lang.lexicon import Lexicon, lexicon
from tiedote.models import Claim

if TYPE_CHECKING:
    from spacy.language import Language

    from tiedote.explanation import Mention

DEFAULT_MAX_CHARS = 2_000_000
MIN_PUBLISHED = dt.date(1800, 1, 1)
MAX_PUBLISHED = dt.date(2200, 12, 31)


def _check(text: object, published: object, max_chars: int) -> dt.date | None:
    if not isinstance(text, str):
        kind = type(text).__name__
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise InputTypeError(f"text must be str, got {kind}{hint}")
    if published is not None:
        if isinstance(published, dt.datetime):
            published = published.date()
        if not isinstance(published, dt.date):
            raise InputTypeError(
                f"published must be a datetime.date or None, got {type(published).__name__} {published!r}; "
                "parse strings first, e.g. datetime.date.fromisoformat('2020-06-09')")
        if not MIN_PUBLISHED <= published <= MAX_PUBLISHED:
            # relative periods are counted from it ("viime vuonna", "vuotta aiemmin"): keep them in the calendar
            raise InputValueError(
                f"published {published.isoformat()} is outside {MIN_PUBLISHED.isoformat()}..{MAX_PUBLISHED.isoformat()}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # a lone surrogate (bytes decoded with errors="surrogateescape") cannot be written as JSON or UTF-8
        raise InputValueError(
            f"text has a lone surrogate {text[exc.start]!r} at offset {exc.start}; decode the bytes with "
            "errors='replace' or fix the encoding") from None
    if len(text) > max_chars:
        raise TextTooLongError(
            f"text is {len(text)} characters, over the limit of {max_chars}; "
            "split it or raise the limit with Extractor(max_chars=...)")
    return published


class Extractor:
    """Loads the word lists once; reuse one per process for many releases.

    ``extract`` and ``extract_many`` read the text itself: tiedote finds its
    claims on the characters, so every span is an exact offset, and a spaCy
    ``Doc`` would be built only to be thrown away.  The spaCy pipeline with the
    same component is ``Extractor().nlp`` (built on first use) or
    ``spacy.blank("fi").add_pipe("tiedote")``; it gives the same claims on
    ``doc._.claims``.

    ``parser`` picks the reading.  The default, the parser reading, reads every
    figure by position and suffix and then asks spaCy's Finnish parser
    (``spacy-fi-experimental-web-md``, loaded once per process on first use)
    about the figures that reading is unsure of, parsing only their sentences.
    ``parser=None`` is the fast reading: no parser, no model to load; the same
    numbers, units, qualifiers and periods, and a measure that is right a little
    less often on text the rules were not written from.

    >>> import datetime as dt
    >>> ex = Extractor()
    >>> [c.quantity.value for c in ex.extract("Jonotusaika oli keskimäärin 6 minuuttia.")]
    [6]
    """

    def __init__(self, *, max_chars: int = DEFAULT_MAX_CHARS, parser: str | None = PARSER) -> None:
        if not isinstance(max_chars, int) or isinstance(max_chars, bool):
            raise InputTypeError(f"max_chars must be a positive int, got {type(max_chars).__name__} {max_chars!r}")
        if max_chars <= 0:
            raise InputValueError(f"max_chars must be a positive int, got {max_chars!r}")
        self.max_chars = max_chars
        self._lexicon: Lexicon = lexicon()  # built once per process, shared by every Extractor
        self._nlp: Language | None = None
        # The parser reading (claims.syntax): a spaCy package name, loaded once per process on first use.
        # None is the fast reading.  A missing package is named now, not at the first release.
        if parser is not None:
            if not isinstance(parser, str) or not parser:
                raise InputTypeError(f"parser must be a spaCy package name or None, got {parser!r}")
            import importlib.util

            if importlib.util.find_spec(parser) is None:
                from tiedote.claims.syntax import load_parser

                load_parser(parser)  # raises ParserMissingError naming the package to install
        self.parser = parser

    def _parser(self) -> Language | None:
        if self.parser is None:
            return None
        from tiedote.claims.syntax import load_parser

        return load_parser(self.parser)

    @property
    def nlp(self) -> Language:
        """``spacy.blank("fi")`` with the tiedote component of this reading, for ``doc._.claims``; spaCy
        loads on first use."""
        if self._nlp is None:
            from tiedote.pipeline import build_nlp

            nlp = build_nlp(self.parser)
            # spaCy refuses texts over nlp.max_length (1 000 000); our own limit is the one that counts
            nlp.max_length = max(nlp.max_length, self.max_chars + 1)
            self._nlp = nlp
        return self._nlp

    def extract(self, text: str, *, published: dt.date | None = None) -> list[Claim]:
        """The claims of one release, in text order."""
        published = _check(text, published, self.max_chars)
        return extract_claims(text, published, self._lexicon, parser=self._parser())

    def explain(self, text: str, *, published: dt.date | None = None) -> list[Mention]:
        """Every number of the text in order: the claim it became, or the reason it was dropped."""
        from tiedote.explanation import mentions_of

        published = _check(text, published, self.max_chars)
        dropped: list[Dropped] = []
        claims = extract_claims(text, published, self._lexicon, dropped, parser=self._parser())
        return mentions_of(text, claims, dropped)

    def extract_many(self, items: Iterable[tuple[str, dt.date | None]] | Iterable[str], *,
                     batch_size: int = 32) -> Iterator[list[Claim]]:
        """Stream over many releases: one list of claims per item, in order.

        ``batch_size`` is accepted for compatibility with ``nlp.pipe``-style
        callers; items are read one at a time, so memory stays flat whatever
        it is.
        """
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise InputValueError(f"batch_size must be a positive int, got {batch_size!r}")
        for item in items:
            if isinstance(item, tuple):
                text, published = item
            else:
                text, published = item, None
            yield extract_claims(text, _check(text, published, self.max_chars), self._lexicon, parser=self._parser())


@cache
def _default() -> Extractor:
    return Extractor()


def extract(text: str, *, published: dt.date | None = None) -> list[Claim]:
    """The numeric claims of a Finnish press release.

    ``published`` is the release's publication date; relative periods resolve
    against it, never against today.
    """
    return _default().extract(text, published=published)
