"""Whose figure it is, when the text says: "Kelan puhelinpalvelussa", "HSL:n", "Poliisi".

A proper name stands out in Finnish text by its capital where a common noun
would have none: any capitalised word that does not open the sentence, and
any all-capitals abbreviation ("THL", "HSL:n").  A name in the genitive takes
the noun it owns with it ("Kelan puhelinpalvelussa", "THL:n rokotusrekisteri").
The nearest such name before the figure in its clause wins, else the nearest
in its sentence before it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass
from typing import Final

from tiedote.claims.wordform import tense
from tiedote.lang.lexicon import lexicon
from tiedote.numbers.mentions import Num
from tiedote.text.segment import Sentence, Token


@dataclass(slots=True)
class SubjectHit:
    start: int
    end: int


def _is_name(toks: list[Token], k: int) -> bool:
    t = toks[k]
    if t.kind != "word" or not t.text[:1].isupper():
        return False
    if len(t.text) >= 2 and t.text.isupper():
        return True  # "THL", "HSL", "EU"
    if k > 1 and _joined(toks, k - 1):
        return True  # "Keski-Suomen": the part after the hyphen belongs to the name
    return k > 0 and toks[k - 1].text not in "–-\"”»(" and len(t.text) > 2


def name_tokens(toks: list[Token]) -> list[int]:
    """The indices of the words that read as names, in order: found once per sentence, for all its figures."""
    return [k for k, t in enumerate(toks) if t.kind == "word" and t.text[:1].isupper() and _is_name(toks, k)]


def names_before(toks: list[Token], sent: Sentence, upto: int) -> list[int]:
    """``name_tokens`` among toks[:upto], all a sentence's figures before ``upto`` ask of it (a name is told
    by the tokens before it only).

    Most sentences have no capital after their first word: a string test at C speed says so, and
    only the first token is then looked at."""
    if upto <= 1 or not toks:
        return name_tokens(toks[:upto])
    base = sent.start
    # (no character of the text is uppercase: none starts a name)
    if sent.text[toks[0].end - base:toks[upto - 1].end - base].islower():
        return [0] if _is_name(toks, 0) else []  # the first token: only an abbreviation there is a name
    return [k for k in range(upto) if toks[k].kind == "word" and toks[k].text[:1].isupper() and _is_name(toks, k)]


def find_subject(toks: list[Token], num: Num, clause: list[int], covered: Container[int],
                 names: list[int] | None = None) -> SubjectHit | None:
    """``covered``: token indices already used (time expressions, the measure, names of things);
    ``names``: the sentence's ``name_tokens``, when the caller has them."""
    if names is None:
        names = name_tokens(toks)
    c = clause[num.i]
    best: int | None = None
    # the names among the 39 tokens before the figure, nearest first
    for x in range(bisect_left(names, num.i) - 1, -1, -1):
        k = names[x]
        if k <= num.i - 40:
            break
        if k in covered:
            continue
        if clause[k] == c:
            best = k
            break
        if best is None:
            best = k
    if best is None:
        return None
    first, k = _whole_name(toks, best, num.i, covered)
    end = toks[k].end
    # "HSL:n matkustajamäärät", "Kelan puhelinpalvelussa": a genitive name takes its noun
    j = k + 1
    if j + 1 < len(toks) and toks[j].text == ":" and not toks[j].space_before and toks[j + 1].lower == "n":
        j += 2
        genitive = True
    else:
        w = toks[k].lower
        # "Kiinaan", "Suomeen": an illative ends in -n too, and owns nothing
        genitive = w.endswith("n") and not toks[k].text.isupper() and not w.endswith(_ILLATIVE)
    if genitive and j < len(toks) and toks[j].kind == "word" and toks[j].text[:1].islower() \
            and j < num.i and j not in covered and toks[j].lower not in _stopwords() and tense(toks[j].lower) is None:
        end = toks[j].end
    elif j > k + 1:
        end = toks[j - 1].end
    return SubjectHit(toks[first].start, end)


# "Kiinaan", "Suomeen", "Ouluun": illative endings (a genitive owns the noun after it; these do not)
_ILLATIVE: Final = ("aan", "ään", "een", "iin", "oon", "öön", "uun", "yyn", "hin", "seen")


def _stopwords() -> frozenset[str]:
    return lexicon().stopwords


def _joined(toks: list[Token], a: int) -> bool:
    """Token ``a`` is a hyphen written tight between two words ("Keski-Suomen", "Helsinki-Vantaa")."""
    return 0 < a < len(toks) - 1 and toks[a].text in "-–" and not toks[a].space_before \
        and not toks[a + 1].space_before and toks[a - 1].kind == "word" and toks[a + 1].kind == "word"


def _whole_name(toks: list[Token], k: int, limit: int, covered: Container[int]) -> tuple[int, int]:
    """The whole name around token ``k``: hyphenated parts and the capitalised words next to it
    ("Keski-Suomen sairaanhoitopiirin", "Pohjolan Pakkaus", "Helsinki-Vantaan"), never a fragment."""
    first = last = k
    while first - 2 >= 0 and _joined(toks, first - 1) and first - 2 not in covered:
        first -= 2
    while last + 2 < limit and _joined(toks, last + 1) and last + 2 not in covered:
        last += 2
    # capitalised words written next to it, not the sentence's first word alone ("Toukokuussa Kelan")
    while first - 1 > 0 and _capital_word(toks, first - 1) and first - 1 not in covered \
            and not toks[first - 1].lower.endswith("n"):
        first -= 1
    while last + 1 < limit and _capital_word(toks, last + 1) and last + 1 not in covered:
        last += 1
        while last + 2 < limit and _joined(toks, last + 1) and last + 2 not in covered:
            last += 2
    return first, last


def _capital_word(toks: list[Token], k: int) -> bool:
    t = toks[k]
    return t.kind == "word" and t.text[:1].isupper() and t.space_before
