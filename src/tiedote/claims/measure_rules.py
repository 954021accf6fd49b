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

from collections.abc import Callable
from functools import lru_cache

from tiedote.claims.measure import MeasureHit, lemma, tense
from tiedote.claims.measure_tree import DURATION_UNITS
from tiedote.claims.measure_words import MeasureWords, measure_words
from tiedote.lang.lexicon import Lexicon
from tiedote.lang.morphology import is_adverb
from tiedote.numbers.mentions import Num
from tiedote.numbers.words import parse_number_words
from tiedote.text.segment import Token

_VERB_REACH = 8  # a clause's verb stands within a few words of its figure


@lru_cache(maxsize=16384)
def _is_number_word(w: str) -> bool:
    return parse_number_words([w]) is not None


def bad_word(w: str, lem: str, lex: Lexicon, mw: MeasureWords) -> bool:
    """A word that is never a measure: adverb, postposition, number/scale word, change verb, "olla"."""
    if w in mw.postpositions or w in mw.pointing or lem in mw.never_verbs or lem in mw.duration_verbs:
        return True
    if lem in mw.scale_nouns or _is_number_word(w) or is_adverb(w):
        return True
    wc = lex.classes(w)
    return tense(w) is not None and (wc.change is not None or wc.weak_change is not None)


def _clause_verb(toks: list[Token], num: Num, clause: list[int], lex: Lexicon, mw: MeasureWords) -> MeasureHit | None:
    """The nearest finite verb of the figure's clause that can name an activity."""
    c = clause[num.i]
    order = sorted((k for k in range(max(0, num.i - _VERB_REACH), min(len(toks), num.j + _VERB_REACH))
                    if clause[k] == c and not num.i <= k < num.j), key=lambda k: abs(k - num.i))
    for k in order:
        t = toks[k]
        if t.kind != "word" or t.text[:1].isupper() and k > 0:
            continue
        w = t.lower
        if tense(w) is None or not lex.classes(w).content:
            continue  # "vajaa", "noin": qualifiers look like verbs to the suffix test
        lem = lemma(w)
        if bad_word(w, lem, lex, mw) or w in lex.comparatives:
            continue
        return MeasureHit(lem, t.start, t.end, "measure.duration_verb")
    return None


def _lead_time(toks: list[Token], unit_token: int, mw: MeasureWords) -> bool:
    """"parin päivän päähän", "viikon päästä": how far ahead, not how long an activity took."""
    k = unit_token + 1
    return 0 <= unit_token and k < len(toks) and toks[k].lower in mw.lead_time


def _token_at(toks: list[Token], start: int) -> int:
    return next((k for k, t in enumerate(toks) if t.start == start), -1)


def refine(hit: MeasureHit | None, toks: list[Token], num: Num, unit: str | None, unit_token: int, rate: bool,
           clause: list[int], lex: Lexicon, carried: Callable[[], MeasureHit | None]) -> MeasureHit | None:
    """The fast reading's candidate, held to the conventions (see the module's docstring)."""
    mw = measure_words()
    event = unit_token >= 0 and lemma(toks[unit_token].lower) in mw.event_count
    if ((unit in DURATION_UNITS and not rate) or event) and not _lead_time(toks, unit_token, mw):
        verb = _clause_verb(toks, num, clause, lex, mw)
        if verb is not None:
            return verb
    if hit is None:
        return None
    k = _token_at(toks, hit.start)
    w = toks[k].lower if k >= 0 else ""
    if w in mw.pointing or hit.lemma in mw.pointing:
        return carried()  # "Heistä runsaat 210", "joista 38"
    if mw.is_statistic(hit.lemma) or mw.is_quantity(hit.lemma):
        # "korjausajan keskiarvo", "matkojen määrä": the genitive just before names the thing
        if k > 0 and toks[k - 1].kind == "word" and toks[k - 1].lower.endswith("n") \
                and not toks[k - 1].text[:1].isupper():
            g = toks[k - 1].lower
            glem = lemma(g)
            if glem != g and not bad_word(g, glem, lex, mw) and lex.classes(g).measurable:
                return MeasureHit(glem, toks[k - 1].start, toks[k - 1].end, "measure.owner")
        if mw.is_statistic(hit.lemma):
            return carried()
        return hit
    if bad_word(w, hit.lemma, lex, mw):
        return carried()
    return hit
