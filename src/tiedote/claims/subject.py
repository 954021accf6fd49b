"""Whose figure it is, when the text says: "Kelan puhelinpalvelussa", "HSL:n", "Poliisi".

A proper name stands out in Finnish text by its capital where a common noun
would have none: any capitalised word that does not open the sentence, and
any all-capitals abbreviation ("THL", "HSL:n").  A name in the genitive takes
the noun it owns with it ("Kelan puhelinpalvelussa", "THL:n rokotusrekisteri").
The nearest such name before the figure in its clause wins, else the nearest
in its sentence before it.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from tiedote.numbers.mentions import Num
from tiedote.text.segment import Token


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
    return k > 0 and toks[k - 1].text not in "–-\"”»(" and len(t.text) > 2


def find_subject(toks: list[Token], num: Num, clause: list[int], covered: Container[int]) -> SubjectHit | None:
    """``covered``: token indices already used (time expressions, the measure, names of things)."""
    c = clause[num.i]
    best: int | None = None
    for k in range(num.i - 1, max(-1, num.i - 40), -1):
        t = toks[k]
        # the first test of _is_name, inline: most tokens fail it, cheaper than a call each
        if t.kind != "word" or not t.text[:1].isupper():
            continue
        if not _is_name(toks, k) or k in covered:
            continue
        if clause[k] == c:
            best = k
            break
        if best is None:
            best = k
    if best is None:
        return None
    k = best
    end = toks[k].end
    # "HSL:n matkustajamäärät", "Kelan puhelinpalvelussa": a genitive name takes its noun
    j = k + 1
    if j + 1 < len(toks) and toks[j].text == ":" and not toks[j].space_before and toks[j + 1].lower == "n":
        j += 2
        genitive = True
    else:
        genitive = toks[k].lower.endswith("n") and not toks[k].text.isupper()
    if genitive and j < len(toks) and toks[j].kind == "word" and toks[j].text[:1].islower() \
            and j < num.i and j not in covered:
        end = toks[j].end
    elif j > k + 1:
        end = toks[j - 1].end
    return SubjectHit(toks[k].start, end)
