"""What stands around a number: its clause, cues, qualifier, statistic and rate.

The unit is read in tiedote.claims.unit and the change in tiedote.claims.change.

Scope is the clause: a sentence cut at commas, semicolons, colons, brackets
and spaced dashes ("Keskimääräinen palautus on noin 800 euroa, mutta mediaani
vain noin 350 euroa" gives 800 the mean and 350 the median).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tiedote.claims.unit import Unit
from tiedote.claims.wordform import tense
from tiedote.lang.lexicon import Lexicon
from tiedote.numbers.mentions import Num
from tiedote.text.segment import Token

_CLAUSE_SYMS: Final = frozenset(",;")
# "eli 35 prosenttia": a restatement starts a clause of its own
_CLAUSE_WORDS: Final = frozenset({"eli", "mutta", "kun", "vaikka"})
_DASH: Final = frozenset("–—")
_PER: Final = frozenset({"kohden", "kohti"})
_PERIOD_UNITS: Final = frozenset({"hour", "day", "week", "month", "quarter", "year"})


# How far (in tokens) a word may stand from its figure and still qualify it.
# A Finnish clause is rarely longer; the bound keeps a sentence with no
# punctuation (a pasted table, a hostile input) linear in its length.
WINDOW: Final = 40


@dataclass(slots=True, init=False)
class Cues:
    """The tokens of a sentence that can be a statistic, change or rate word, found once per sentence.

    Every figure of the sentence then looks only at these (in text order)
    instead of testing each word of its window against every list.
    """

    statistic: list[tuple[int, str]]  # (token index, statistic)
    change: list[int]  # comparatives, change words and weak-change words
    rate: list[tuple[int, str, int]]  # (token index, rate, index of the phrase's last token)
    # pronouns standing alone as a subject ("se oli", "mikä on"), not "niiden yhteismäärä"
    anaphora: list[int]
    kuin: bool  # the sentence compares ("suurempi kuin vuotta aiemmin")
    # a superlative before a period noun ("vilkkain kuukausi"): (token index, "max" | "min")
    superlative: list[tuple[int, str]]

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, statistic: list[tuple[int, str]], change: list[int],
                 rate: list[tuple[int, str, int]], anaphora: list[int], kuin: bool,
                 superlative: list[tuple[int, str]]) -> None:
        self.statistic = statistic
        self.change = change
        self.rate = rate
        self.anaphora = anaphora
        self.kuin = kuin
        self.superlative = superlative


# The tokens the cue pass passes by (on no cue list, no rate phrase nor its first token, neither "kuin"
# nor "/"): most tokens of a sentence, kept once seen so that each costs one set lookup; for one lexicon
# (another drops them).  A token's lower text goes in only when it would be passed by as a word and as a
# number or symbol alike, so the lookup needs no test of the token's kind.
_PLAIN: set[str] = set()
_PLAIN_OF: list[object] = [None]


def cues(toks: list[Token], lex: Lexicon) -> Cues:
    statistic: list[tuple[int, str]] = []
    change: list[int] = []
    rate: list[tuple[int, str, int]] = []
    anaphora: list[int] = []
    superlative: list[tuple[int, str]] = []
    kuin = False
    n = len(toks)
    classes, rate_words, comparatives = lex.classes, lex.rate_words, lex.comparatives
    known = lex.known_classes  # the kept answers read directly: no call per word once a word is known
    if _PLAIN_OF[0] is not lex or len(_PLAIN) >= 65536:
        _PLAIN.clear()
        _PLAIN_OF[0] = lex
    plain = _PLAIN
    for k, t in enumerate(toks):
        if t.lower in plain:
            continue
        low = t.lower
        if t.kind == "word":
            wc = known(low) or classes(low)
            if wc.cue:
                if wc.statistic is not None:
                    statistic.append((k, wc.statistic))
                if wc.change is not None or wc.weak_change is not None or low in comparatives:
                    change.append(k)
                if low in lex.anaphora and not (
                        k + 1 < n and toks[k + 1].kind == "word" and toks[k + 1].lower not in lex.stopwords
                        and tense(toks[k + 1].lower) is None):
                    anaphora.append(k)
                sup = lex.superlatives.get(low)
                # "Vilkkain kuukausi oli heinäkuu, 21 870 kävijää": the max over the period noun after it
                # ("kiireisimpänä kesäkuun vuorokautena": a genitive may stand between)
                if sup is not None and k + 1 < n and (lex.unit_forms.get(toks[k + 1].lower) in _PERIOD_UNITS or (
                        k + 2 < n and toks[k + 1].lower.endswith("n")
                        and lex.unit_forms.get(toks[k + 2].lower) in _PERIOD_UNITS)):
                    superlative.append((k, sup))
            if low == "kuin":
                kuin = True
            elif not wc.cue and low not in rate_words and f"{low} kohden" not in rate_words:
                if low != "/":
                    plain.add(low)
                continue
            if wc.content and not (k + 1 < n and toks[k + 1].lower in _PER):
                continue  # a content word is no rate word (Lexicon.classes), nor starts a "kohden" phrase
        elif low != "/" and low not in rate_words and f"{low} kohden" not in rate_words:
            # a number or symbol starting no rate phrase (a token's lower is "/" only when its text is)
            if low != "kuin" and not (known(low) or classes(low)).cue:
                plain.add(low)
            continue
        # the phrase read_rate reads at k: "viikossa", "asukasta kohden", "/kk"
        phrase, end = low, k
        if k + 1 < n and toks[k + 1].lower in _PER:
            two = f"{low} kohden"
            if two in rate_words:
                phrase, end = two, k + 1
        elif k + 1 < n and t.text == "/":
            phrase, end = "/" + toks[k + 1].lower, k + 1
        r = rate_words.get(phrase)
        if r is not None:
            rate.append((k, r, end))
    return Cues(statistic, change, rate, anaphora, kuin, superlative)


# the texts of the tokens that may open a clause: clauses() tests only these
_CLAUSE_OPENERS: Final = _CLAUSE_SYMS | _DASH | {":"} | _CLAUSE_WORDS


def clauses(toks: list[Token]) -> list[int]:
    """The clause index of every token."""
    out: list[int] = []
    c = 0
    first = 0  # the first token of clause c
    n = len(toks)
    # (a sym token's lower is its text: these symbols have no case)
    for k, t in enumerate(toks):
        if t.lower not in _CLAUSE_OPENERS:
            continue
        if t.kind == "sym":
            # a colon opens one before a space: "suureni hieman: asiointeja oli" but not "30 000:een"
            opens = t.text in _CLAUSE_SYMS or t.text in _DASH and t.space_before \
                or t.text == ":" and (k + 1 >= n or toks[k + 1].space_before)
        else:
            opens = k > 0 and toks[k - 1].text != ","
        if opens:
            out += [c] * (k - first)
            c += 1
            first = k
    out += [c] * (n - first)
    return out


@dataclass(slots=True, init=False)
class Found:
    value: str
    start: int
    end: int
    rule: str

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, value: str, start: int, end: int, rule: str) -> None:
        self.value = value
        self.start = start
        self.end = end
        self.rule = rule


# Lexicon.qualifier's answers per word ("" for none), for one lexicon (another drops them): asked of
# the word before every figure, each answer costs a dict lookup and no stem tests
_QUAL: dict[str, str] = {}
_QUAL_OF: list[object] = [None]


def read_qualifier(toks: list[Token], num: Num, lex: Lexicon) -> Found | None:
    if num.qualifier is not None:
        return Found(num.qualifier, toks[num.i].start, toks[num.i].end, "qualifier.vague_word")
    if _QUAL_OF[0] is not lex:
        _QUAL.clear()
        _QUAL_OF[0] = lex
    b = num.i - 1
    skipped = 0
    while b >= 0 and skipped <= 2:
        t = toks[b]
        if t.text == "~":
            return Found("approximate", t.start, t.end, "qualifier.tilde")
        if t.text == "." and b > 0 and not t.space_before:
            q = lex.qualifier(toks[b - 1].lower + ".")
            if q is not None:
                return Found(q, toks[b - 1].start, t.end, "qualifier.abbreviation")
            return None
        if t.kind != "word":
            return None
        q = _QUAL.get(t.lower)
        if q is None:
            if len(_QUAL) >= 65536:
                _QUAL.clear()
            q = _QUAL[t.lower] = lex.qualifier(t.lower) or ""
        if q:
            return Found(q, t.start, t.end, "qualifier.word")
        if t.lower not in lex.qualifier_skip:
            return None
        skipped += 1
        b -= 1
    return None


def nearest(cands: list[tuple[int, Found]], num: Num) -> Found | None:
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0][1]  # (most often: no key to compute)
    return min(cands, key=lambda c: (min(abs(c[0] - num.i), abs(c[0] - (num.j - 1))), c[0]))[1]


def read_statistic(toks: list[Token], num: Num, clause: list[int], lex: Lexicon,
                   figures: list[Num] | None = None, found: Cues | None = None) -> Found | None:
    """The statistic word of the figure's clause that stands nearer to it than to any other figure
    ("yhteensä 212 milj. euroa 118 400 eläkkeensaajalle": the total is the euros).

    ``found``: the sentence's cues, when the caller has them (else they are found here)."""
    cue = found or cues(toks, lex)
    stats = cue.statistic
    if cue.superlative:
        # "Vilkkain kuukausi oli heinäkuu, 21 870 kävijää": the first figure after the superlative,
        # in its clause or the apposition after it
        for k, name in cue.superlative:
            if k < num.i and clause[num.i] - clause[k] <= 1 and (
                    figures is None or next((f for f in figures if f.i > k), None) is num):
                t = toks[k]
                return Found(name, t.start, t.end, f"statistic.superlative_{name}")
    if not stats:  # most sentences name no statistic
        return None
    c = clause[num.i]
    lo, hi = max(0, num.i - WINDOW), min(len(toks), num.j + WINDOW)
    cands: list[tuple[int, Found]] = []
    for k, name in stats:
        if k < lo or k >= hi or clause[k] != c or num.i <= k < num.j:
            continue
        t = toks[k]
        cands.append((k, Found(name, t.start, t.end, f"statistic.{name}")))
    if figures:
        # the figures of the word's own clause ("keskimäärin 9 minuuttia, ja pahimmillaan ... 1 h 15 min")
        own = [f for f in figures if clause[f.i] == c] or figures
        cands = [(k, f) for k, f in cands if _owner(k, own) is num]
    # "matalin kattavuus on noin 6 prosenttia ja korkein 58": a word before its figure wins
    before = [c_ for c_ in cands if c_[0] < num.i]
    return nearest(before or cands, num)


def _owner(k: int, figures: list[Num]) -> Num:
    """The figure nearest to token k; on a tie the one after it ("yhteensä noin 310 000")."""
    # the first figure at or after k (figures are in text order; a sentence has few: no bisection's key calls)
    at = 0
    while at < len(figures) and figures[at].i < k:
        at += 1
    if at == 0 or at == len(figures):
        return figures[min(at, len(figures) - 1)]
    a, b = figures[at - 1], figures[at]
    # (distance, after-first) of each: the nearer wins, the one before on equal keys (as min() picks)
    da = (a.i - k if k < a.i else k - (a.j - 1), 0 if a.i > k else 1)
    db = (b.i - k if k < b.i else k - (b.j - 1), 0 if b.i > k else 1)
    return b if db < da else a


def read_rate(toks: list[Token], num: Num, unit: Unit, clause: list[int], lex: Lexicon,
              has_change: bool, cue: Cues | None = None) -> Found | None:
    rates = (cue or cues(toks, lex)).rate
    if not rates:
        return None
    c = clause[num.i]
    lo, hi = max(0, num.i - WINDOW), min(len(toks), num.j + WINDOW)
    cands: list[tuple[int, Found]] = []
    for k, rate, end in rates:
        if k < lo or k >= hi or clause[k] != c or num.i <= k < num.j or k == unit.token:
            continue
        if unit.start <= toks[k].start < unit.end:
            continue  # "134 km/h": the "/h" is the unit's, not a rate
        t, end_tok = toks[k], toks[end]
        # "kahdessa viikossa" is a duration of its own, not "per week"
        if k > 0 and toks[k - 1].kind == "num" and k - 1 != num.j - 1:
            continue
        # "kasvoi vuodessa 10 400:lla", "kasvanut jopa 20 prosenttia vuodessa": a window
        # of change, not a rate (contract.md)
        if has_change and rate in ("year", "month", "week", "quarter") and (
                k < num.i or unit.unit in ("percent", "percentage_point")):
            continue
        cands.append((k, Found(rate, t.start, end_tok.end, f"rate.{rate}")))
    return nearest(cands, num)
