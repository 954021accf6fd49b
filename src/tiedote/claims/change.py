"""A figure's change: the verb or comparative that says it grew or fell, and over what.

"kasvoi 4 prosenttia" is an increase, "(−2,4 %)" a decrease by its sign, "laski 9 viikosta
5 viikkoon" a decrease on the to-value only (the from-value is the old level), and "172 enemmän
kuin syntyneitä" compares two groups, no change over time (contract.md).
"""

from __future__ import annotations

import bisect
from typing import Final

import regex

from tiedote.claims.context import WINDOW, Cues, Found, cues, nearest
from tiedote.lang.lexicon import Lexicon
from tiedote.numbers.mentions import Num
from tiedote.text.segment import Token


def read_change(toks: list[Token], num: Num, clause: list[int], lex: Lexicon, unit: str | None = None,
                cue: Cues | None = None) -> Found | None:
    if num.compared:
        return None  # "45,2 (42,1)": the bracketed figure is the old level, no change of its own
    if num.sign:
        signed = _signed_change(toks, num)
        if signed is not None:
            return signed
    cue = cue or cues(toks, lex)
    if not cue.change:
        return None
    if _from_value(toks, num, clause):
        return None  # "laski 14 päivästä 5 päivään": the old level (contract.md), the to-value changes
    c = clause[num.i]
    found = _change_in_clause(toks, num, clause, c, lex, unit, cue)
    if found is None and c > 0:
        # the clause's first token (clause indices never decrease), if the previous clause ends in the window
        first = bisect.bisect_left(clause, c)
        if first - 1 > num.i - WINDOW:
            opener = next((toks[k].lower for k in range(first, num.i) if toks[k].kind == "word"), "")
            # "väheni vuodentakaisesta 142:lla eli 4 prosenttia": a restatement shares the change;
            # "pysyi ennallaan, sillä muutos ... oli 0,0 prosenttia": so does an explanation
            # that speaks of the change itself (not "sillä vuotta aiemmin käyntejä kertyi …")
            explains = opener in ("sillä", "koska") and any(
                toks[k].lower in lex.change_explained_by for k in range(first, num.i))
            if opener == "eli" or explains:
                found = _change_in_clause(toks, num, clause, c - 1, lex, unit, cue)
    return found


# "päivästä", "4 310:stä": the elative of the old level; "päivään", "pisteeseen", "4 655:een": the
# illative of the new one (a doubled vowel and n, or -seen/-siin/-hin)
_ELATIVE_END: Final = ("sta", "stä")
_ILLATIVE_END: Final = regex.compile(r"(?:([aeiouyäö])\1n|seen|siin|hin)$")


def _case_word(toks: list[Token], j: int) -> str:
    """The case-bearing word at toks[j] after a figure: its colon ending ("4 310:stä") or its unit word."""
    if j + 1 < len(toks) and toks[j].text == ":" and not toks[j].space_before:
        return toks[j + 1].lower
    return toks[j].lower if j < len(toks) and toks[j].kind == "word" else ""


def _from_value(toks: list[Token], num: Num, clause: list[int]) -> bool:
    """"kasvoi 4 310:stä 4 655:een", "lyheni 14 päivästä 5 päivään": the figure in the elative with a
    figure in the illative after it in its clause is the old level of a change from X to Y."""
    if not _case_word(toks, num.j if num.tail < 0 else num.tail).endswith(_ELATIVE_END):
        return False
    c = clause[num.i]
    for k in range(num.j, min(len(toks), num.j + 6)):
        if clause[k] != c:
            return False
        if toks[k].kind == "num":
            m = k + 1  # past the later groups of a grouped figure ("4 655:een")
            while m < len(toks) and toks[m].kind == "num" and toks[m].space_before:
                m += 1
            return _ILLATIVE_END.search(_case_word(toks, m)) is not None
    return False


def _signed_change(toks: list[Token], num: Num) -> Found | None:
    """"(+3,1 %)" is an increase, "(−2,4 %)" a decrease: a signed figure in brackets is a change
    (contract.md); a plain "+4 %" is one too, a plain "-40 asukasta" only a negative value."""
    if not num.sign:
        return None
    sign = toks[num.i - 1]
    bracketed = num.i >= 2 and toks[num.i - 2].text in "(["
    if num.sign == "+" or bracketed:
        direction = "increase" if num.sign == "+" else "decrease"
        return Found(direction, sign.start, sign.end, f"change.sign_{direction}")
    return None


def _change_in_clause(toks: list[Token], num: Num, clause: list[int], c: int, lex: Lexicon,
                      unit: str | None, cue: Cues) -> Found | None:
    lo, hi = max(0, num.i - WINDOW), min(len(toks), num.j + WINDOW)
    cands: list[tuple[int, Found]] = []
    for k in cue.change:
        if k < lo or k >= hi or clause[k] != c or num.i <= k < num.j:
            continue
        t = toks[k]
        comp = lex.comparatives.get(t.lower)
        if comp is not None:
            if _comparison_is_over_time(toks, k, clause, lex):
                cands.append((k, Found(comp, t.start, t.end, "change.comparative")))
            continue
        wc = lex.classes(t.lower)
        direction = wc.change if wc.change is not None else (
            wc.weak_change if unit not in (None, "count") else None)
        if direction is not None:
            cands.append((k, Found(direction, t.start, t.end, f"change.{direction}")))
    return nearest(cands, num)


def _comparison_is_over_time(toks: list[Token], k: int, clause: list[int], lex: Lexicon) -> bool:
    """"enemmän kuin vuotta aiemmin" is a change; "enemmän kuin syntyneitä" compares groups."""
    c = clause[k]
    for m in range(k + 1, min(len(toks), k + 3)):
        if toks[m].lower == "kuin":
            rest = [toks[x] for x in range(m + 1, min(len(toks), m + 5)) if clause[x] == c]
            return any(t.lower in lex.change_time or t.kind == "num" for t in rest)
    return True
