"""A word's base form and tense, guessed per word without a parser.

``lemma`` is simplemma's lemma with the repairs Finnish figures need; ``tense`` a cheap guess of a
verb form's tense.  Both are asked of every word of every sentence with a figure, and a word's
answer never changes: each is kept per word.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from tiedote.lang.lexicon import lexicon
from tiedote.lang.morphology import is_back
from tiedote.text.lemmatizer import is_known, lemmatize
from tiedote.text.segment import Token

# (ending, back-vowel lemma ending, front-vowel lemma ending) of plural participles
_PARTICIPLE_PLURAL: Final = (("neita", "nut", "nyt"), ("neitä", "nut", "nyt"), ("neiden", "nut", "nyt"),
                      ("neista", "nut", "nyt"), ("neistä", "nut", "nyt"), ("neille", "nut", "nyt"),
                      ("ttuja", "ttu", "tty"), ("ttyjä", "ttu", "tty"), ("ttujen", "ttu", "tty"),
                      ("ttyjen", "ttu", "tty"))
_FOURTH_INFINITIVE: Final = ("minen", "misen", "mista", "mistä", "miseen", "misessa", "misessä", "misella", "misellä")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """simplemma's lemma, with two Finnish repairs it needs.

    - "-minen" nouns ("jonottaminen", "muuttamisen") keep their noun: simplemma
      turns them into the verb.
    - A compound whose lemma is only its first part ("puhelinajan" → "puhelin")
      gets its last part lemmatised and joined back ("puhelinaika").
    """
    w = word.lower()
    overrides = lexicon().lemma_overrides
    if w in overrides:
        return overrides[w]
    head, dash, last = w.rpartition("-")
    if dash and head and len(last) >= 3 and last.isalpha():
        # "65-vuotiaiden", "led-valaisimia", "mediaani-iän": the last part inflects, the rest stays
        return head + dash + lemma(last)
    for ending in _FOURTH_INFINITIVE:
        if w.endswith(ending) and len(w) > len(ending) + 2:
            return w[: -len(ending)] + "minen"
    # substantivised participles in the plural: "syntyneitä" → syntynyt, "lomautettuja" → lomautettu
    for ending, back, front in _PARTICIPLE_PLURAL:
        if w.endswith(ending) and len(w) > len(ending) + 2:
            stem = w[: -len(ending)]
            return stem + (back if is_back(stem) else front)
    lem = lemmatize(w).lower()
    if len(lem) >= 3 and len(lem) <= len(w) - 4 and w.startswith(lem):
        rest = w[len(lem):]
        rest_lemma = overrides.get(rest) or lemmatize(rest).lower()
        if (rest_lemma != rest or is_known(rest)) and len(rest_lemma) >= 3:
            return lem + rest_lemma
    if lem == w and "-" not in w:
        # "lukukertoja", "käsittelyajat": a compound simplemma leaves whole, whose last part is a
        # noun of lang/fi/lemmas.toml (the longest such part wins)
        for k in range(3, len(w) - 3):
            part = overrides.get(w[k:])
            if part is not None:
                return w[:k] + part
    if lem == w and w.endswith("t") and len(w) > 5:
        # "kulutusmenot": a nominative plural the lemmatizer leaves alone
        single = lemmatize(w[:-1]).lower()
        if single == w[:-1]:
            return single
    return lem


# Infinitive endings: a word whose lemma ends in one of these is a verb form.
_INFINITIVE: Final = ("aa", "ää", "da", "dä", "ta", "tä", "la", "lä", "na", "nä", "ra", "rä", "ea", "eä", "ia", "iä",
               "oa", "öä", "ua", "yä")
# "nousee", "saa", "vie", "kasvavat", passive "arvioidaan"; not "-naan" ("miljoonaan" is an illative)
_PRESENT_END: Final = ("aa", "ää", "ee", "ii", "oo", "uu", "yy", "öö", "ie", "uo", "yö", "vat", "vät", "taan", "tään",
                "daan", "dään")
_PAST_END: Final = ("i", "ivat", "ivät", "tiin")


@lru_cache(maxsize=65536)  # asked of every word of every sentence with a figure; a word's answer never changes
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


@lru_cache(maxsize=65536)  # asked of every word of every sentence with a figure; a word's answer never changes
def _tense(word: str) -> str | None:
    # "teimme", "palkkasimme": the first person plural past, which the guess in measure misses;
    # "voi", "ennakoi", "arvioi": a verb in -oida is the same word in the present and the past
    if len(word) > 5 and word.endswith("imme") and not word.endswith(("oimme", "öimme")):
        return "past"
    if word.endswith(("oi", "öi")) and lemma(word).endswith(("oida", "öidä")):
        return None
    return tense(word)


def sentence_tense(toks: list[Token], lo: int = 0, hi: int | None = None) -> str | None:
    for t in (toks if lo == 0 and hi is None else toks[lo:hi]):
        if t.kind == "word":
            tn = _tense(t.lower)
            if tn is not None:
                return tn
    return None
