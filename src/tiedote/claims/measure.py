"""What a figure measures or counts, as a Finnish base-form lemma, and whose figure it is.

Open-class words need a lemmatizer: simplemma ships Finnish data in its wheel,
loads in well under a second and needs no download (docs/lemmatizer.md has
the measured comparison).  Its lemmas are memoised per process.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Final, Protocol

from tiedote.claims.measure_words import measure_words
from tiedote.claims.wordform import lemma, tense
from tiedote.lang.lexicon import Lexicon
from tiedote.lang.morphology import is_adverb
from tiedote.numbers.mentions import Num
from tiedote.text.segment import Token

_PARTICIPLE: Final = ("nut", "nyt", "neet", "ttu", "tty", "tut", "tyt", "nnut", "nnyt")


@dataclass(slots=True, init=False)
class MeasureHit:
    lemma: str
    start: int
    end: int
    rule: str

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, lemma: str, start: int, end: int, rule: str) -> None:
        self.lemma = lemma
        self.start = start
        self.end = end
        self.rule = rule


def _content(t: Token, lex: Lexicon) -> bool:
    """A word that could name what a figure measures (Lexicon.classes keeps the answer per word)."""
    return t.kind == "word" and lex.classes(t.lower).content


def counted_noun(toks: list[Token], k: int, lex: Lexicon) -> MeasureHit | None:
    """"40 000 puheluun" → puhelu; "120 määräaikaista etuuskäsittelijää" → etuuskäsittelijä."""
    if k >= len(toks) or toks[k].kind != "word" or not lex.classes(toks[k].lower).content \
            or toks[k].text[:1].isupper():
        return None
    while True:
        if k + 2 < len(toks) and toks[k + 1].text == "-" and not toks[k + 1].space_before \
                and toks[k + 2].kind == "word" and not toks[k + 2].space_before:
            k += 2  # "vuokra-asunnon": a hyphenated compound is one word here
        elif _modifies_next(toks, k, lex):
            k += 1
        else:
            break
    t = toks[k]
    w = t.lower
    if tense(w) is not None or w in lex.comparatives or is_adverb(w):
        return None  # "10 400 suurempi": a comparison, not a counted thing
    lem = lemma(w)
    if lem in measure_words().scale_nouns:
        return None  # "71,2 pisteestä": a scale, the thing measured is named in the clause
    return MeasureHit(lem, t.start, t.end, "measure.counted_noun")


def _modifies_next(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """A partitive adjective agreeing with the noun after it ("uutta asukasta") or a genitive owned by
    it ("92 000 sähkönmyynnin asiakasta"; not an illative: "40 000 puheluun viikossa")."""
    if k + 1 >= len(toks) or not _content(toks[k + 1], lex) or toks[k + 1].text[:1].isupper() \
            or tense(toks[k + 1].lower) is not None:
        return False
    if k + 2 < len(toks) and toks[k + 2].lower in measure_words().per_after:
        return False  # "20,4 hakijaa aloituspaikkaa kohden": the next word is the denominator
    w, nxt = toks[k].lower, toks[k + 1].lower
    if w[-1:] in "aä" and nxt[-1:] in "aä":
        return True
    return w.endswith("n") and not w.endswith(_ILLATIVE) and lemma(w) != w and nxt.endswith(
        PARTITIVE_PLURAL + ("a", "ä"))


def _is_adjective(toks: list[Token], k: int, lem: str) -> bool:
    """"kielteistä 125 päivää", "keskimääräinen keskeytysaika": an -inen adjective, not a noun."""
    w = toks[k].lower
    if not lem.endswith("inen"):
        return False
    if w != lem:
        return True
    # a nominative -inen word right before another word modifies it
    return k + 1 < len(toks) and toks[k + 1].kind == "word"


_ELATIVE: Final = ("sta", "stä")
_LOCATIVE: Final = ("lla", "llä", "ssa", "ssä", "lta", "ltä")


def partitive_like(w: str) -> bool:
    """"asukasta", "aloituspaikkaa": a partitive singular's ending, not a locative ("matkalla")."""
    return w.endswith(("a", "ä")) and not w.endswith(_LOCATIVE)  # "asukasta" ends like an elative, rightly


# not "-een": that is also the genitive of e-stems ("rokotteen", "koneen")
_ILLATIVE: Final = ("hin", "iin", "seen", "aan", "ään", "oon", "öön", "uun", "yyn")
ILLATIVE: Final = _ILLATIVE
PARTITIVE_PLURAL: Final = ("ia", "iä", "ja", "jä", "ita", "itä")


# ``w`` is the lemma + a partitive ending ("asukasta", "päivää"), tested as a prefix and a tail in
# this set rather than by building the four candidate strings for every word of a walk
_PARTITIVE_TAILS: Final = frozenset({"a", "ä", "ta", "tä"})


def _is_participle(word: str) -> bool:
    return word.endswith(_PARTICIPLE) or assimilated_participle(word)


# "-nut" assimilates after s, l, r: "ovat nousseet", "on tullut", "olivat purreet"
_ASSIMILATED: Final = ("ssut", "ssyt", "sseet", "llut", "llyt", "lleet", "rrut", "rryt", "rreet")


def assimilated_participle(word: str) -> bool:
    """"nousseet", "tullut": an active past participle whose "-nut" took the verb stem's s, l or r."""
    if not word.endswith(_ASSIMILATED):
        return False
    lem = lemma(word)
    return lem != word and lem.endswith(("a", "ä"))


class SpanMask(Protocol):
    def covers(self, pos: int) -> bool: ...


def _usable(toks: list[Token], k: int, lex: Lexicon, masked: SpanMask | None) -> bool:
    """A content word, no adverb or comparative, outside the masked spans and no hyphenated number's tail."""
    t = toks[k]
    if t.kind != "word" or not lex.classes(t.lower).measurable:
        return False
    if masked is not None and masked.covers(t.start):
        return False
    # "3–6-vuotiaista": the tail of a hyphenated number compound
    return not (k > 0 and toks[k - 1].text in "-–" and not t.space_before)


def _preposition_at(toks: list[Token], k: int) -> bool:
    """"ennen kertaluonteisia eriä", "ilman ... eriä": a preposition with a partitive right after it."""
    if toks[k].lower not in measure_words().prepositions:
        return False
    return any(t.kind == "word" and t.lower.endswith(_PARTITIVE_ANY) and lemma(t.lower) != t.lower
               for t in toks[k + 1:k + 4])


_PARTITIVE_ANY: Final = ("a", "ä")


def _modifier_lemma(lem: str) -> bool:
    # an -inen adjective ("kertaluonteinen") or a present participle in -va/-vä ("vaikuttava")
    return lem.endswith("inen") or lem[-1:] in _PARTITIVE_ANY and lem[:-1].endswith("v")


def _governed(toks: list[Token], k: int) -> bool:
    """Is toks[k] in the partitive phrase of a preposition before it?  The phrase ends at its head, the
    first partitive that is no modifier: "ennen uusia vyöhykkeitä kasvua oli" leaves "kasvua" free."""
    for b in range(max(0, k - 3), k):
        if not _preposition_at(toks, b):
            continue
        for h in range(b + 1, k + 1):
            w = toks[h].lower
            lem = lemma(w)
            if toks[h].kind == "word" and w.endswith(_PARTITIVE_ANY) and lem != w \
                    and not _modifier_lemma(lem):
                return k <= h
        return True
    return False


# What the walk of subject_noun may make of a word, by the word alone (lower wins among the kinds);
# the answers that also depend on the word's neighbours are told apart by position in the walk.
_SUBJECT, _ELATIVE_BEFORE, _GENITIVE_OBJECT, _VERB = 0, 1, 2, 3
_NONE: Final = 4  # no candidate ("olla", an adjective or participle, a superlative, a place, no content word)
_SUBJECT_ALONE: Final = 5  # a nominative -inen word: an adjective when a word follows it, else the subject
_ELATIVE_CASE: Final = 6  # an elative: the figure's group when right before it, else nothing
_GENITIVE_CASE: Final = 7  # a genitive: the object when no word or a verb follows it
_RULES: Final = ("measure.subject", "measure.elative_before", "measure.genitive_object", "measure.verb")

# subject_noun's word-only answers, kept per word (asked of the same words around every figure),
# for one lexicon and one set of measure words: another drops them
_WALK: dict[str, tuple[str, int]] = {}
_WALK_OF: list[object] = [None, None]


def _walk_kind(w: str, lex: Lexicon, superlatives: frozenset[str], adverbs: frozenset[str]) -> tuple[str, int]:
    """(lemma, kind) of a word for subject_noun's walk."""
    if not lex.classes(w).measurable or w in superlatives or w in adverbs:
        return "", _NONE  # "korkein 58 prosenttia": the extreme, not the thing; "oli tuolloin": a time
    lem = lemma(w)
    if len(w) >= 7 and w.endswith(_LOCATIVE) and lem == w:
        return lem, _NONE  # "alueella", "kunnassa": a place the lemmatizer left inflected, not a nominative
    if tense(w) is not None:
        # the copula says nothing of what is measured
        return lem, (_NONE if lem == "olla" else _VERB)
    if lem.endswith("inen") and w != lem:
        return lem, _NONE  # an inflected -inen adjective (_is_adjective)
    if (_is_participle(lem) or _is_participle(w)) and not w.endswith(PARTITIVE_PLURAL):
        return lem, _NONE  # "saa varattua", "on lyhentynyt": part of the verb
    if lem.endswith("inen"):
        return lem, _SUBJECT_ALONE
    if w == lem or (w.endswith("t") and w != lem) or (w.endswith(PARTITIVE_PLURAL) and w != lem) \
            or (w.startswith(lem) and w[len(lem):] in _PARTITIVE_TAILS):
        return lem, _SUBJECT
    if w.endswith(_ELATIVE):
        return lem, _ELATIVE_CASE
    if w.endswith("n") and not w.endswith(_ILLATIVE) and w != lem:
        return lem, _GENITIVE_CASE
    return lem, _NONE


def subject_noun(toks: list[Token], num: Num, clause: list[int], lex: Lexicon, anywhere_before: int | None = None,
                 masked: SpanMask | None = None) -> MeasureHit | None:
    """The thing a figure is about, from the words of its clause.

    In order of preference: the clause's subject — a nominative ("jonotusaika
    oli keskimäärin 6 minuuttia", "työtunnit 3,3 prosenttia"), a partitive
    subject of an existential clause ("asiointeja oli noin 10 700", "päätöstä
    odotettiin 55 päivää"); an elative right after ("88 prosenttia vastaajista")
    or right before ("hakemuksista 97,4 prosenttia"); a genitive object
    ("oleskeluluvan saa 23 päivässä"); and last the verb ("jonotettiin 2
    minuuttia" → jonottaa).  With ``anywhere_before`` (a pronoun's index) the
    search goes back over earlier clauses from that pronoun.
    """
    c = clause[num.i]
    n = len(toks)
    mw = measure_words()
    if _WALK_OF[0] is not lex or _WALK_OF[1] is not mw or len(_WALK) >= 65536:
        _WALK.clear()
        _WALK_OF[0], _WALK_OF[1] = lex, mw
    walk_get, postpositions = _WALK.get, mw.postpositions
    start = num.i - 1 if anywhere_before is None else anywhere_before - 1
    # within the clause, back to its first token (clause indices never decrease): no clause test per token
    stop = max(-1, start - 40) if anywhere_before is not None else max(-1, start - 40, bisect_left(clause, c) - 1)
    best_kind, best = _NONE, None
    for k in range(start, stop, -1):  # a clause's words stand near its figure
        t = toks[k]
        if t.kind != "word":
            continue
        w = t.lower
        got = walk_get(w)
        if got is None:
            got = _WALK[w] = _walk_kind(w, lex, mw.superlatives, mw.adverbs)
        lem, kind = got
        # the word's kind first (most words are no candidate), then what its neighbours make of it
        if kind >= _NONE:
            if kind == _NONE:
                continue  # (most words)
            if kind == _SUBJECT_ALONE:
                kind = _SUBJECT if k + 1 >= n or toks[k + 1].kind != "word" else _NONE
            elif kind == _ELATIVE_CASE:
                kind = _ELATIVE_BEFORE if k == num.i - 1 else _NONE
            elif kind == _GENITIVE_CASE and (
                    k + 1 >= n or toks[k + 1].kind != "word" or tense(toks[k + 1].lower) is not None):
                kind = _GENITIVE_OBJECT
            if kind >= _NONE:
                continue
        if k > 0 and not t.space_before and toks[k - 1].text in "-–:":
            # "3–6-vuotiaista": the tail of a hyphenated number compound; "4 310:stä": a number's case ending
            continue
        if t.text[:1].isupper() and k > 0 and (toks[0].kind != "sym" or k > next(
                (x for x, u in enumerate(toks) if u.kind != "sym"), 0)) and toks[k - 1].text != ":":
            # a name, not the thing measured ("- Liikevaihto kasvoi": a list item's first word is not (it is
            # searched for only after a leading symbol), nor the first word after a lead's colon:
            # "Tammi–syyskuu 2023: Liikevaihto kasvoi 31 %")
            continue
        if k + 1 < n and toks[k + 1].lower in postpositions and not _preposition_at(toks, k + 1):
            continue  # "epidemian alusta lähtien": governed by a postposition
        if _governed(toks, k):
            continue  # "ennen kertaluonteisia eriä": governed by a preposition, it qualifies the measure
        if masked is not None and masked.covers(t.start):
            continue
        if kind == _SUBJECT:
            return MeasureHit(lem, t.start, t.end, "measure.subject")
        if kind < best_kind:
            best_kind, best = kind, MeasureHit(lem, t.start, t.end, _RULES[kind])
    if anywhere_before is None:
        # an elative right after the figure, preferred to any candidate but a subject
        for k in range(num.j, min(n, num.j + 3)):
            t = toks[k]
            if clause[k] == c and t.lower.endswith(_ELATIVE) and _usable(toks, k, lex, masked) \
                    and not t.text[:1].isupper() and not _is_adjective(toks, k, lemma(t.lower)):
                return MeasureHit(lemma(t.lower), t.start, t.end, "measure.elative_after")
    return best


def object_after(toks: list[Token], num: Num, clause: list[int], lex: Lexicon,
                 masked: SpanMask | None = None) -> MeasureHit | None:
    """"72 prosenttia on saanut rokotteen": the object of the verb that follows the figure.

    Only a genitive/accusative or partitive noun within a few words after a verb
    of the figure's clause counts, so a stray noun further on is not taken.
    """
    c = clause[num.i]
    seen_verb = False
    for k in range(num.j, min(len(toks), num.j + 6)):
        if clause[k] != c:
            break
        t = toks[k]
        w = t.lower
        if t.kind == "word" and (tense(w) is not None or _is_participle(w)):
            seen_verb = True
            continue
        if not seen_verb or not _usable(toks, k, lex, masked) or t.text[:1].isupper():
            continue
        lem = lemma(w)
        if _is_adjective(toks, k, lem) or w == lem:
            continue
        if w.endswith("n") and not w.endswith(_ILLATIVE) \
                or (w.startswith(lem) and w[len(lem):] in _PARTITIVE_TAILS) \
                or w.endswith(PARTITIVE_PLURAL):
            return MeasureHit(lem, t.start, t.end, "measure.object_after")
    return None
