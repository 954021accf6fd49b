"""What a figure measures or counts, as a Finnish base-form lemma, and whose figure it is.

Open-class words need a lemmatizer: simplemma ships Finnish data in its wheel,
loads in well under a second and needs no download (docs/lemmatizer.md has
the measured comparison).  Its lemmas are memoised per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import simplemma

from tiedote.lexicon import Lexicon
from tiedote.numbers import Num
from tiedote.text import Token


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    return str(simplemma.lemmatize(word, lang="fi")).lower()


# Infinitive endings: a word whose lemma ends in one of these is a verb form.
_INFINITIVE = ("aa", "ää", "da", "dä", "ta", "tä", "la", "lä", "na", "nä", "ra", "rä", "ea", "eä", "ia", "iä",
               "oa", "öä", "ua", "yä")
# "nousee", "saa", "vie", "kasvavat", passive "arvioidaan"; not "-naan" ("miljoonaan" is an illative)
_PRESENT_END = ("aa", "ää", "ee", "ii", "oo", "uu", "yy", "öö", "ie", "uo", "yö", "vat", "vät", "taan", "tään",
                "daan", "dään")
_PAST_END = ("i", "ivat", "ivät", "tiin")


def tense(word: str) -> str | None:
    """"past", "present" or None for one word (a cheap guess, no parser)."""
    if word in ("on", "ovat", "olemme", "ollaan"):
        return "present"
    if word in ("oli", "olivat", "olimme", "oltiin", "olleet"):
        return "past"
    if len(word) < 3:
        return None
    lem = lemma(word)
    if not lem.endswith(_INFINITIVE):
        return None
    if word != lem and (word == lem + lem[-1] or word in (lem + "ta", lem + "tä")):
        return None  # "kertaa", "määrää": a partitive noun, not a verb
    if word == lem and len(word) > 4 and lem.endswith(("aa", "ää")):
        return "present"  # "kasvaa", "kestää": 3rd person singular = infinitive (not "määrä")
    if word.endswith(("aan", "ään")) and not word.endswith(("taan", "tään", "daan", "dään")):
        return None  # an illative ("miljoonaan", "päivään"), not a verb
    if word.endswith(_PAST_END):
        return "past"
    if word.endswith(_PRESENT_END):
        return "present"
    return None


@dataclass(slots=True)
class MeasureHit:
    lemma: str
    start: int
    end: int
    rule: str


def _content(t: Token, lex: Lexicon, stop: frozenset[str]) -> bool:
    if t.kind != "word" or len(t.lower) < 3 or t.lower in stop:
        return False
    if t.lower in lex.unit_forms or t.lower in lex.rate_words or lex.qualifier(t.lower) is not None:
        return False
    return not any(t.lower in ws for _, ws in lex.statistics)


def counted_noun(toks: list[Token], k: int, lex: Lexicon, stop: frozenset[str]) -> MeasureHit | None:
    """"40 000 puheluun" → puhelu; "120 määräaikaista etuuskäsittelijää" → etuuskäsittelijä."""
    if k >= len(toks) or not _content(toks[k], lex, stop) or toks[k].text[:1].isupper():
        return None
    # skip partitive adjectives agreeing with the noun ("uutta asukasta")
    while k + 1 < len(toks) and _content(toks[k + 1], lex, stop) and toks[k].lower[-1:] == toks[k + 1].lower[-1:] \
            and toks[k].lower[-1:] in "aä" and not toks[k + 1].text[:1].isupper() \
            and tense(toks[k + 1].lower) is None:
        k += 1
    t = toks[k]
    if tense(t.lower) is not None:
        return None
    return MeasureHit(lemma(t.lower), t.start, t.end, "measure.counted_noun")


_ELATIVE = ("sta", "stä")


_PARTITIVE_PLURAL = ("ia", "iä", "ja", "jä", "ita", "itä")


def subject_noun(toks: list[Token], num: Num, clause: list[int], lex: Lexicon,
                 stop: frozenset[str], anywhere_before: int | None = None) -> MeasureHit | None:
    """The noun a figure is about: the clause's subject or an elative partitive.

    "jonotusaika oli keskimäärin 6 minuuttia" → jonotusaika;
    "hakemuksista 97,4 prosenttia" / "88 prosenttia vastaajista" → hakemus / vastaaja;
    "asiointeja oli noin 10 700" → asiointi (the partitive subject of an existential clause).
    With ``anywhere_before`` (a pronoun's index) the search goes back over earlier
    clauses of the sentence from that pronoun.
    """
    c = clause[num.i]
    if anywhere_before is None:
        for k in range(num.j, min(len(toks), num.j + 3)):
            t = toks[k]
            if clause[k] == c and _content(t, lex, stop) and t.lower.endswith(_ELATIVE) and not t.text[:1].isupper():
                return MeasureHit(lemma(t.lower), t.start, t.end, "measure.elative_after")
    best: MeasureHit | None = None
    start = num.i - 1 if anywhere_before is None else anywhere_before - 1
    for k in range(start, -1, -1):
        if anywhere_before is None and clause[k] != c:
            break
        t = toks[k]
        if not _content(t, lex, stop) or tense(t.lower) is not None:
            continue
        if t.text[:1].isupper() and k > 0:
            continue  # a name, not the thing measured
        lem = lemma(t.lower)
        if t.lower == lem or t.lower == lem + "t":
            return MeasureHit(lem, t.start, t.end, "measure.subject")  # nominative: the subject
        if best is None and t.lower != lem and t.lower.endswith(_PARTITIVE_PLURAL):
            best = MeasureHit(lem, t.start, t.end, "measure.partitive_subject")
        if best is None and t.lower.endswith(_ELATIVE) and k == num.i - 1:
            best = MeasureHit(lem, t.start, t.end, "measure.elative_before")
    return best
