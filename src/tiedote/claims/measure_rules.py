"""The conventions of "What a figure measures" for the fast reading (no parser).

The fast reading finds a candidate by position and suffix (claims.measure); these
part-of-speech-free checks then hold it to the contract:

- a duration measures the activity, the verb of its clause ("Hakemus käsiteltiin
  15 päivässä" → käsitellä), and "57 300 kertaa" counts the verb's events;
- a statistic noun is never the measure ("korjausajan keskiarvo" → korjausaika),
  a bare quantity noun only when nothing else is named ("matkojen määrä" → matka);
- never an adverb, postposition, number or scale word, a verb of change,
  "olla" or a verb that only states a duration; a pointing pronoun ("heistä",
  "joista") stands for the figure before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter
from typing import Final, Protocol

from tiedote.claims.measure import ILLATIVE, MeasureHit, assimilated_participle
from tiedote.claims.measure_words import DURATION_UNITS, MeasureWords, measure_words
from tiedote.claims.wordform import lemma, tense
from tiedote.lang.lexicon import Lexicon
from tiedote.lang.morphology import is_adverb
from tiedote.numbers.mentions import Num
from tiedote.numbers.words import parse_number_words
from tiedote.text.segment import Token

_VERB_REACH: Final = 8  # a clause's verb stands within a few words of its figure
SHARE_UNITS: Final = frozenset({"percent", "percentage_point"})
# candidates a share's elative group outranks: an object or the verb ("on saanut rokotteen")
_WEAK_RULES: Final = frozenset({"measure.object_after", "measure.genitive_object", "measure.verb"})


@lru_cache(maxsize=16384)
def _is_number_word(w: str) -> bool:
    return parse_number_words([w]) is not None


# bad_word's answers, kept per (word, lemma): asked of the same words around every figure, and a
# pure function of them for one lexicon and one set of measure words (a test may load others:
# then the answers are dropped)
_BAD: dict[tuple[str, str], bool] = {}
_BAD_OF: list[object] = [None, None]


def bad_word(w: str, lem: str, lex: Lexicon, mw: MeasureWords) -> bool:
    """A word that is never a measure: adverb, postposition, number/scale word, change verb, "olla"."""
    if _BAD_OF[0] is not lex or _BAD_OF[1] is not mw:
        _BAD.clear()
        _BAD_OF[0], _BAD_OF[1] = lex, mw
    key = (w, lem)
    got = _BAD.get(key)
    if got is None:
        if len(_BAD) >= 65536:  # (bounded when an answer is added, not at every question)
            _BAD.clear()
        got = _BAD[key] = _bad_word(w, lem, lex, mw)
    return got


def _bad_word(w: str, lem: str, lex: Lexicon, mw: MeasureWords) -> bool:
    if w in mw.postpositions or w in mw.pointing or lem in mw.never_verbs or lem in mw.duration_verbs \
            or w in mw.superlatives or w in mw.adverbs:
        return True
    if lem in mw.scale_nouns or _is_number_word(w) or (is_adverb(w) and tense(w) is None):
        return True  # ("äänesti" ends like an adverb in -sti, but is a verb)
    wc = lex.classes(w)
    if wc.change is None and wc.weak_change is None:
        return False
    # "ovat nousseet 5,6 prosenttia": the past participle of a change verb is no measure either
    return tense(w) is not None or assimilated_participle(w)


def _clause_verb(toks: list[Token], num: Num, clause: list[int], lex: Lexicon, mw: MeasureWords) -> MeasureHit | None:
    """The nearest finite verb of the figure's clause that can name an activity."""
    order = _nearest_first(num, clause, len(toks))
    for k in order:
        t = toks[k]
        if t.kind != "word" or t.text[:1].isupper() and k > 0:
            continue
        w = t.lower
        if tense(w) is None or not lex.classes(w).content:
            continue  # "vajaa", "noin": qualifiers look like verbs to the suffix test
        lem = lemma(w)
        if lem in mw.duration_verbs:
            # "käsittelyyn kului 9 arkipäivää": what the time went into, in the illative before the verb
            into = _illative_noun(toks, [i for i in order if i < k], lex, mw)
            if into is not None:
                return into
        if bad_word(w, lem, lex, mw) or w in lex.comparatives:
            continue
        return MeasureHit(lem, t.start, t.end, "measure.duration_verb")
    return None


def _nearest_first(num: Num, clause: list[int], n: int) -> list[int]:
    """The tokens of the figure's clause within _VERB_REACH of it, nearest first (before it on a tie)."""
    c, i, j = clause[num.i], num.i, num.j
    # the words before the figure at distances 1, 2, ... and those after it at j - i, j - i + 1, ...,
    # merged by distance; clause indices never decrease, so the clause's tokens are one run, bisected
    before = list(range(i - 1, max(0, i - _VERB_REACH, bisect_left(clause, c)) - 1, -1))
    after = list(range(j, min(n, j + _VERB_REACH, bisect_right(clause, c))))
    if not after:
        return before
    if not before:
        return after
    out: list[int] = []
    a = b = 0
    while a < len(before) and b < len(after):
        if i - before[a] <= after[b] - i:
            out.append(before[a])
            a += 1
        else:
            out.append(after[b])
            b += 1
    return out + before[a:] + after[b:]


def _illative_noun(toks: list[Token], order: list[int], lex: Lexicon, mw: MeasureWords) -> MeasureHit | None:
    for k in order:
        t = toks[k]
        w = t.lower
        if t.kind != "word" or not w.endswith(ILLATIVE) or (t.text[:1].isupper() and k > 0) \
                or not lex.classes(w).measurable or w.endswith(("mpaan", "mpään")):
            continue
        lem = lemma(w)
        if lem != w and tense(w) is None and not bad_word(w, lem, lex, mw):
            return MeasureHit(lem, t.start, t.end, "measure.duration_into")
    return None


def _lead_time(toks: list[Token], unit_token: int, mw: MeasureWords) -> bool:
    """"parin päivän päähän", "viikon päästä": how far ahead, not how long an activity took."""
    k = unit_token + 1
    return 0 <= unit_token and k < len(toks) and toks[k].lower in mw.lead_time


def relative_antecedent(toks: list[Token], num: Num, clause: list[int], lex: Lexicon) -> MeasureHit | None:
    """"yksityinen kulutus, joka lisääntyi 1,8 prosenttia": "joka"/"jotka" as the figure clause's subject
    stands for the noun before its comma."""
    mw = measure_words()
    c = clause[num.i]
    for k in range(num.i - 1, max(1, num.i - 8), -1):
        if clause[k] != c and toks[k].text != ",":
            break
        if toks[k].lower in mw.relative_subject and toks[k - 1].text == "," and k >= 2:
            t = toks[k - 2]
            w = t.lower
            lem = lemma(w)
            if t.kind == "word" and not (t.text[:1].isupper() and k - 2 > 0) and lex.classes(w).measurable \
                    and not bad_word(w, lem, lex, mw) and tense(w) is None:
                return MeasureHit(lem, t.start, t.end, "measure.relative")
            return None
    return None


def is_event(toks: list[Token], num: Num, unit_token: int, mw: MeasureWords) -> bool:
    """"vuokrattiin 57 300 kertaa": the figure counts the events of its clause's verb."""
    k = unit_token if unit_token >= 0 else num.j
    return k < len(toks) and toks[k].kind == "word" and lemma(toks[k].lower) in mw.event_count


def pointing_before(toks: list[Token], num: Num, mw: MeasureWords, lex: Lexicon) -> int:
    """"joista 5", "Heistä noin 300": the index of an elative pronoun right before the figure, or -1."""
    # back over at most two function words or qualifiers ("Heistä noin 300", "joista vain 5")
    pointing, classes, known = mw.pointing, lex.classes, lex.known_classes
    for k in range(num.i - 1, max(-1, num.i - 4), -1):
        t = toks[k]
        if t.kind != "word":
            return -1
        w = t.lower
        if w in pointing:
            return k if w.endswith(("sta", "stä")) else -1
        if (known(w) or classes(w)).content:  # (the kept answer, without a call, once a word is known)
            return -1
    return -1


def _whole_compound(toks: list[Token], hit: MeasureHit, k: int) -> tuple[MeasureHit, int]:
    """"LED-lamppuja", "Keski-ikä": a hyphenated compound is measured whole, by its last part's lemma."""
    if k < 0:
        return hit, k
    a = b = k
    while b + 2 < len(toks) and toks[b + 1].text == "-" and not toks[b + 1].space_before \
            and toks[b + 2].kind == "word" and not toks[b + 2].space_before:
        b += 2
    while a - 2 >= 0 and toks[a - 1].text == "-" and not toks[a - 1].space_before \
            and toks[a - 2].kind == "word" and not toks[a].space_before:
        a -= 2
    if a == b:
        return hit, k
    text = "".join(t.lower for t in toks[a:b + 1])
    return MeasureHit(lemma(text), toks[a].start, toks[b].end, hit.rule), b


def _token_at(toks: list[Token], start: int) -> int:
    # tokens stand in text order with distinct starts: a bisection, not a walk from the first token
    # for every figure
    k = bisect_left(toks, start, key=_start)
    return k if k < len(toks) and toks[k].start == start else -1


_start = attrgetter("start")


def _elative_group(toks: list[Token], num: Num, clause: list[int], lex: Lexicon, mw: MeasureWords,
                   masked: Mask | None, reach: int = 8) -> MeasureHit | None:
    """"Kyselyyn vastanneista 74 prosenttia", "65 vuotta täyttäneistä ... 71 prosenttia": a share's group."""
    c = clause[num.i]
    for k in range(num.i - 1, max(-1, num.i - reach), -1):
        if clause[k] != c:
            break
        t = toks[k]
        w = t.lower
        if t.kind != "word" or not w.endswith(("sta", "stä")) or (t.text[:1].isupper() and k > 0):
            continue
        if masked is not None and masked.covers(t.start):
            continue
        lem = lemma(w)
        if lem == w or w in lex.change_time or bad_word(w, lem, lex, mw) or not lex.classes(w).measurable:
            continue
        return MeasureHit(lem, t.start, t.end, "measure.elative_group")
    return None


def _predicate_of(toks: list[Token], hit: MeasureHit | None, num: Num, clause: list[int]) -> bool:
    """"Liikevoitto oli 6,2 prosenttia liikevaihdosta": the share is the predicate of a nominative
    subject (its copula between them), so the subject is measured, the elative after only its whole."""
    if hit is None or hit.rule != "measure.subject":
        return False
    k = _token_at(toks, hit.start)
    if k < 0 or k >= num.i or clause[k] != clause[num.i] or toks[k].lower != lemma(toks[k].lower):
        return False
    copula = measure_words().never_verbs  # "olla" and the verbs of its chain
    return any(t.kind == "word" and lemma(t.lower) in copula for t in toks[k + 1:num.i])


def _elative_at(toks: list[Token], k: int, lex: Lexicon, mw: MeasureWords) -> MeasureHit | None:
    if k >= len(toks) or toks[k].kind != "word" or not toks[k].lower.endswith(("sta", "stä")):
        return None
    w = toks[k].lower
    lem = lemma(w)
    if lem == w or w in lex.change_time or bad_word(w, lem, lex, mw) or not lex.classes(w).measurable:
        return None
    return MeasureHit(lem, toks[k].start, toks[k].end, "measure.elative_group")


class Mask(Protocol):
    def covers(self, pos: int) -> bool: ...


# what refine returns for "the measure of the figure before" (the caller knows which that is)
CARRIED: Final = MeasureHit("", -1, -1, "measure.carried")


def refine(hit: MeasureHit | None, toks: list[Token], num: Num, unit: str | None, unit_token: int, rate: bool,
           clause: list[int], lex: Lexicon, masked: Mask | None = None) -> MeasureHit | None:
    """The fast reading's candidate, held to the conventions (see the module's docstring); CARRIED when
    the figure is measured by what the figure before it measures."""
    mw = measure_words()
    if unit in SHARE_UNITS:
        if hit is None or hit.rule in _WEAK_RULES:
            group = _elative_group(toks, num, clause, lex, mw, masked)
            if group is not None:
                return group
        if hit is None or hit.rule == "measure.subject" and hit.lemma not in mw.quantity_nouns:
            # "Kaihileikkausta odottaneista yli puolet", "lähes puolet hakijoista": the group written next
            # to a share is what it is a share of, before any subject of the clause
            after = unit_token + 1 if unit_token >= num.j else num.j
            group = _elative_group(toks, num, clause, lex, mw, masked, reach=3)
            if group is None and not _predicate_of(toks, hit, num, clause):
                group = _elative_at(toks, after, lex, mw)
            if group is not None:
                return group
    if ((unit in DURATION_UNITS and not rate) or is_event(toks, num, unit_token, mw)) \
            and not _lead_time(toks, unit_token, mw):
        verb = _clause_verb(toks, num, clause, lex, mw)
        if verb is not None:
            return verb
    if pointing_before(toks, num, mw, lex) >= 0:
        return CARRIED  # "joista 5 tehohoidossa", "Heistä noin 300 sai paikan"
    if hit is None:
        return None
    k = _token_at(toks, hit.start)
    hit, k = _whole_compound(toks, hit, k)
    w = toks[k].lower if k >= 0 else ""
    lem = hit.lemma
    if w in mw.pointing or lem in mw.pointing:
        return CARRIED  # "Heistä runsaat 210", "joista 38"
    statistic = lem in mw.statistic_nouns
    if (statistic or lem in mw.quantity_nouns) and lem not in mw.fractions:
        # "korjausajan keskiarvo", "matkojen määrä": the genitive just before names the thing
        if k > 0 and toks[k - 1].kind == "word" and toks[k - 1].lower.endswith("n") \
                and (k - 1 == 0 or not toks[k - 1].text[:1].isupper()):
            g = toks[k - 1].lower
            glem = lemma(g)
            if glem != g and not bad_word(g, glem, lex, mw) and lex.classes(g).measurable:
                return MeasureHit(glem, toks[k - 1].start, toks[k - 1].end, "measure.owner")
        if statistic:
            return CARRIED
        return hit
    if lem in mw.fractions:
        # "Vastaajista yli puolet, 56 prosenttia": the group the fraction is of
        near = Num(i=k, j=k + 1, start=hit.start, end=hit.end, value=None)
        group = _elative_group(toks, near, clause, lex, mw, masked, reach=4)
        return group or CARRIED
    if bad_word(w, lem, lex, mw):
        return CARRIED
    return hit
