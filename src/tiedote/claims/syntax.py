"""The parser reading: spaCy's Finnish parse of the sentences that hold a figure.

Part of speech, case and dependencies come from ``spacy-fi-experimental-web-md``
(MIT, on PyPI), loaded once per process on first use, without its Voikko
lemmatizer and its NER (tiedote lemmatizes with simplemma and needs no names).
Only sentences that may hold a figure are parsed, in one ``nlp.pipe`` batch per
release; a Doc a spaCy pipeline has already parsed is used as it is.

The parse is aligned to tiedote's own tokens by character offsets, so every
span the rules give stays an exact offset into the caller's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from tiedote.errors import ParserMissingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from tiedote.text.segment import Token  # only a type here: the CLI imports PARSER without the engine

PARSER: Final = "spacy_fi_experimental_web_md"
"""The default parser: the spaCy package name ``Extractor(parser=...)`` takes."""
PIP_NAME: Final = {"spacy_fi_experimental_web_md": "spacy-fi-experimental-web-md"}
# tiedote neither lemmatizes with Voikko (its lemmatizer needs the native library) nor uses names;
# the fine-grained tagger only feeds the attribute ruler's punctuation tags (20 of 6 400 tokens of
# ../shared differ without it, all punctuation) and costs a sixth of the parse time
EXCLUDE: Final = ("lemmatizer", "ner", "tagger")


def load_parser(name: str = PARSER) -> Language:
    """The spaCy pipeline ``name`` without lemmatizer, NER and tagger, loaded once per process."""
    return _load(name)  # one cache key per name, however the caller passes it


@cache
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(EXCLUDE))
    except (OSError, ImportError) as exc:
        pip = PIP_NAME.get(name, name.replace("_", "-"))
        raise ParserMissingError(
            f"the parser reading needs the spaCy model package {name!r}, which cannot be loaded ({exc}); "
            f"install it with `pip install {pip}`, or use the fast reading: Extractor(parser=None) "
            "or `tiedote batch --fast`") from exc
    if "parser" not in nlp.pipe_names:
        raise ParserMissingError(f"spaCy pipeline {name!r} has no dependency parser (pipes: {nlp.pipe_names})")
    return nlp


# "28 400", "1 930": a space between digit groups.  The parser reads each group as a number of
# its own and hangs them on different heads; a "0" in the space (same length, so every offset
# holds) makes one number token of them, as in the text's meaning.
_GROUP_SPACE: Final = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def parse_texts(nlp: Language, texts: Sequence[str]) -> list[Doc]:
    """One Doc per sentence text, in one batch (digit groups joined, offsets kept)."""
    if not texts:
        return []
    return list(nlp.pipe((_GROUP_SPACE.sub("0", t) for t in texts), batch_size=256))


@dataclass(slots=True)
class SentParse:
    """One sentence's parse, as lists indexed by the parser's own token order (local index).

    ``at[t]`` is the local index of tiedote token ``t`` (the parser token its first
    character falls in); ``tok[k]`` the tiedote token a parser token starts in, or -1.
    """

    pos: list[str]
    case: list[str]
    dep: list[str]
    head: list[int]  # a root (or a head outside the sentence) is its own head
    pron: list[str]  # PronType: "Rel", "Prs", "Dem", ... or ""
    verbform: list[str]
    tok: list[int]
    end: list[int]  # end offset of each parser token, in tiedote's coordinates
    at: list[int]
    children: list[list[int]]

    def __len__(self) -> int:
        return len(self.pos)


def _first(morph: Any, key: str) -> str:
    values = morph.get(key)
    return str(values[0]) if values else ""


def align(tokens: Iterable[Any], base: int, toks: list[Token]) -> SentParse:
    """The parse of ``tokens`` (spaCy tokens of one sentence, char offsets + ``base`` = tiedote's)."""
    tokens = list(tokens)
    local = {t.i: k for k, t in enumerate(tokens)}
    pos, case, dep, head, pron, verbform, tok, end = [], [], [], [], [], [], [], []
    starts = [t.start for t in toks]
    t_idx = 0
    for k, t in enumerate(tokens):
        pos.append(t.pos_)
        dep.append(t.dep_)
        head.append(local.get(t.head.i, k))
        m = t.morph
        case.append(_first(m, "Case"))
        pron.append(_first(m, "PronType"))
        verbform.append(_first(m, "VerbForm"))
        a = base + t.idx
        end.append(a + len(t.text))
        while t_idx < len(toks) and toks[t_idx].end <= a:
            t_idx += 1
        tok.append(t_idx if t_idx < len(toks) and toks[t_idx].start <= a + len(t.text) - 1 else -1)
    at: list[int] = []
    k = 0
    for s in starts:
        while k + 1 < len(tokens) and base + tokens[k + 1].idx <= s:
            k += 1
        at.append(k)
    children: list[list[int]] = [[] for _ in tokens]
    for k, h in enumerate(head):
        if h != k:
            children[h].append(k)
    return SentParse(pos, case, dep, head, pron, verbform, tok, end, at, children)


def sentence_parse(doc: Doc, start: int, end: int, toks: list[Token]) -> SentParse | None:
    """The part of an already-parsed Doc of the whole text between ``start`` and ``end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return align(span, 0, toks)
