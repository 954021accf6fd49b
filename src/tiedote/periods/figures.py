"""How a figure stands to the figures around it, for its period.

A from-value and its to-value ("laski 9 viikosta 5 viikkoon"), a comparison
figure in brackets ("45,2 (42,1) milj. euroa", "(2021: 198 M€)", "(+7,2 %)"),
a figure that restates the one before it ("mikä on", "eli", "Osuus on") and a
change over a year ("kasvoi vuodessa"); and a time named inside a comparison
bracket.  Read from the tokens alone; the choice of period is
:mod:`tiedote.periods.state`'s.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from typing import Final, Protocol

from tiedote.claims.wordform import tense
from tiedote.lang.lexicon import lexicon
from tiedote.numbers.mentions import Num
from tiedote.periods import find as periods
from tiedote.periods.release import When
from tiedote.periods.release_words import release_words
from tiedote.text.segment import Token


class Figure(Protocol):
    """What the period rules read of a claim under construction."""

    num: Num
    clause: int
    rules: list[str]
    period: When | None


def from_values(toks: list[Token], figures: Sequence[Figure]) -> dict[int, int]:
    """"laski 9 viikosta 5 viikkoon", "kasvoi 4 310:stä 4 655:een": {to-value index: from-value index}.

    The from-value is a figure in the elative ("viikosta", ":stä", "yhdeksästä") with the next
    figure of its clause right after it; it is the old level (contract.md)."""
    out: dict[int, int] = {}
    words = release_words()
    for k in range(len(figures) - 1):
        f, g = figures[k], figures[k + 1]
        if f.clause != g.clause or g.num.i - f.num.j > 3:
            continue
        between = toks[f.num.j:g.num.i]
        if any(t.lower in words.from_to_joiners or t.text in ",;()" for t in between):
            continue  # "5 000 Suomesta ja 300 ulkomailta": two figures side by side
        tail = toks[max(f.num.i, f.num.j - 1):min(len(toks), f.num.j + 2)]
        head = toks[max(g.num.i, g.num.j - 1):min(len(toks), g.num.j + 2)]
        if any(t.kind == "word" and t.lower.endswith(words.from_endings) for t in tail) \
                and any(t.kind == "word" and t.lower.endswith(words.to_endings) for t in head):
            out[k + 1] = k
        elif any(t.kind == "word" and t.lower.endswith(words.to_endings) for t in tail) \
                and any(t.kind == "word" and t.lower.endswith(words.from_endings) for t in head):
            # "laski 18,7 miljoonaan euroon vuoden takaisesta 20,5 miljoonasta eurosta": the to-value first
            out[k] = k + 1
    return out


def attribute(m: periods.PeriodMention) -> bool:
    # "edellisvuoden -205 asukkaasta": a genitive time qualifies the level after it, not the clause
    return m.text.lower().endswith("n")


def restates(toks: list[Token], p: Figure, clause_start: int) -> bool:
    """"mikä on 8 prosenttia", "eli 0,6 prosenttia", "Osuus on", "Se olisi": the figure restates or
    compares the one before it."""
    words = release_words().restating
    k = clause_start
    while k < p.num.i and toks[k].kind != "word":
        k += 1
    if k < p.num.i and toks[k].lower in words:
        return True
    j = p.num.i - 1
    qualifiers = lexicon().qualifier_words  # "eli noin 0,6 prosenttia"
    while j > clause_start and toks[j].kind == "word" and toks[j].lower in qualifiers:
        j -= 1
    return j >= clause_start and toks[j].lower == "eli"


def over_year(toks: list[Token], lo: int, i: int) -> bool:
    # "kasvoi vuodessa noin 2 100:lla": a change over a year
    words = release_words().over_year
    return any(t.lower in words for t in toks[lo:min(len(toks), i + 4)])


def bracketed(toks: list[Token], p: Figure, before: Figure | None) -> When | None:
    """Financial releases give the comparison figure in brackets: "45,2 (42,1) milj. euroa" is the
    same period a year earlier; "(2021: 198 M€)" the year it names; "(+7,2 %)" the change of the
    figure before, in its period."""
    i = p.num.i
    if before is None or before.period is None or i < 1:
        return None
    k = i - 1
    signed = toks[k].text in ("+", "-", "−", "–")
    if signed:
        k -= 1
    if k >= 2 and toks[k].text == ":" and toks[k - 1].kind == "num" and len(toks[k - 1].text) == 4 \
            and toks[k - 2].text == "(":
        y = int(toks[k - 1].text)
        if 1900 <= y <= 2100:
            p.rules.append("period.bracket_year")
            return When(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "explicit",
                        (toks[k - 1].start, toks[k - 1].end))
        return None
    if k < 1 or toks[k].text != "(":
        return None
    if signed and not p.num.compared:
        # "(+7,2 %)" after a figure: its change; "4,8 (−1,2) milj. euroa" is a comparison figure
        # (the number reader marks it), a negative level a year earlier
        p.rules.append("period.previous_figure")
        return before.period
    prev_end = before.num.j
    if not (0 <= k - prev_end <= 3) or before.period.start is None or before.period.end is None:
        return None
    s, e = periods.shift_range(before.period.start, before.period.end, before.period.granularity, years=-1)
    p.rules.append("period.bracket_comparison")
    return When(s, e, before.period.granularity, "context", before.period.span)


def aside_goes_on(toks: list[Token], clause: list[int], c: int) -> bool:
    """Is clause ``c`` (``clause``: each token's clause) an aside between commas, the sentence going on
    with a verb right after it ("Edellinen ennätys, 181 300 käyntiä, tehtiin vuonna 2019")?"""
    lo, hi = bisect.bisect_left(clause, c), bisect.bisect_right(clause, c)
    if lo == 0 or hi + 1 >= len(toks):
        return False
    # a clause starts with the comma that opens it: ", 181 300 käyntiä" then ", tehtiin …"
    return toks[lo].text == "," and toks[hi].text == "," and tense(toks[hi + 1].lower) is not None


_BRACKET_REACH: Final = 12  # tokens from a bracket's "(" to a time inside it


def comparison_bracket(toks: list[Token], k: int, k_end: int) -> int:
    """"46,6 milj. euroa (35,5 milj. euroa tammi–syyskuussa 2007)": a time in a bracket after a figure, with
    a figure of its own inside, is that figure's time and only a base outside.  The "(" index, else -1."""
    open_at = -1
    for i in range(k - 1, max(-1, k - 1 - _BRACKET_REACH), -1):
        if toks[i].text == ")":
            return -1
        if toks[i].text == "(":
            open_at = i
            break
    if open_at < 1 or not any(t.kind == "num" for t in toks[max(0, open_at - 5):open_at]):
        return -1
    close = next((i for i in range(k_end, min(len(toks), k_end + _BRACKET_REACH)) if toks[i].text in ")("), -1)
    if close < 0 or toks[close].text != ")":
        return -1
    inside = [i for i in range(open_at + 1, close) if toks[i].kind == "num" and not k <= i < k_end]
    return open_at if inside else -1
