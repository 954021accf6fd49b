"""What each figure of a sentence measures, whose it is and who reports it (both readings).

Run per sentence after its figures, units and periods are known: the fast reading
fills them at once; the parser reading fills them after one batch parse of the
sentences that hold a figure (claims.syntax).  Nothing here changes a number, unit,
qualifier or period, so the two readings differ in measure, subject and source only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from tiedote.claims.context import WINDOW, Cues
from tiedote.claims.measure import MeasureHit, counted_noun, object_after, partitive_like, subject_noun
from tiedote.claims.measure_rules import CARRIED, is_event, refine, relative_antecedent
from tiedote.claims.measure_tree import tree_measure
from tiedote.claims.measure_words import DURATION_UNITS, measure_words
from tiedote.claims.source import SourceHit
from tiedote.claims.subject import find_subject, names_before
from tiedote.claims.syntax import SentParse, align, parse_texts, sentence_parse
from tiedote.claims.unit import after_number
from tiedote.claims.wordform import lemma
from tiedote.lang.lexicon import Lexicon
from tiedote.periods.find import PeriodMention
from tiedote.periods.state import SentenceContext, SpanMask
from tiedote.text.segment import Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from tiedote.claims.pending import Pending


@dataclass(slots=True, init=False)
class SentenceWork:
    """A sentence's figures and what filling their measures needs of it."""

    pendings: list[Pending]
    toks: list[Token]
    clause: list[int]
    cue: Cues | None
    mask: SpanMask
    source: SourceHit | None
    ctx: SentenceContext | None  # the period state's view of the sentence, for update_state
    used: list[PeriodMention]  # the time expressions that may be a figure's time (not the dateline)

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, pendings: list[Pending], toks: list[Token], clause: list[int], cue: Cues | None,
                 mask: SpanMask, source: SourceHit | None, ctx: SentenceContext | None,
                 used: list[PeriodMention]) -> None:
        self.pendings = pendings
        self.toks = toks
        self.clause = clause
        self.cue = cue
        self.mask = mask
        self.source = source
        self.ctx = ctx
        self.used = used


def fill_sentence(work: SentenceWork, lex: Lexicon, prev_claims: list[Pending], syn: SentParse | None,
                  redo: Callable[[Pending], bool] | None = None) -> None:
    """Measure, subject and source of every figure of one sentence, in order.

    ``redo``: fill again only the figures it picks (filled before by the fast reading), keeping the rest.
    """
    if not work.pendings:
        return
    cue = work.cue
    assert cue is not None
    last_measured: Pending | None = None
    toks, clause, mask = work.toks, work.clause, work.mask
    # the sentence's names and what they may not be taken from, once for all its figures
    # (the names after a sentence's last figure are no figure's: names_before leaves them unread; read_numbers
    # reads figures left to right, so the last one stands last)
    names = names_before(toks, work.pendings[0].sent, work.pendings[-1].num.i)
    covered: _Covered | None = None  # (made for the first figure with a name before it: few sentences have one)
    for p in work.pendings:
        if redo is not None:
            if not redo(p):
                if p.measure is not None:
                    last_measured = p
                continue
            _forget(p)
        if p.num.compared and last_measured is not None and last_measured.measure is not None:
            p.measure = last_measured.measure  # "45,2 (42,1)": the same measure a year earlier
            p.rules.append("measure.comparison")
        else:
            fill_measure(p, toks, clause, lex, cue, last_measured, prev_claims, mask, syn)
        if p.measure is not None:
            last_measured = p
        if names and names[0] < p.num.i:  # most sentences name nobody before a figure
            if covered is None:
                covered = _Covered(toks, mask, -1, work.source)
            covered.measure_start = p.measure.start if p.measure is not None else -1
            p.subject = find_subject(toks, p.num, clause, covered, names)
            if p.subject is not None:
                p.rules.append("subject.name")
        if work.source is not None:
            p.source = work.source
            p.rules.append("source.named")
    if len(work.pendings) > 1:
        _ellipsis_next(work)


# What the fast reading is unsure of, for the parser reading to read again: a figure with no noun of
# its own clause (the measure carried from the figure before, a bare verb, none at all), and a
# duration whose measure is a noun rather than the activity (durations measure the activity:
# "käsiteltiin 30 päivässä" → käsitellä, which a noun before the figure hides from the fast reading).
_DOUBTFUL_RULES: Final = frozenset({"measure.carried", "measure.verb"})
_ACTIVITY_RULES: Final = frozenset({"measure.duration_verb", "measure.duration_into"})


def doubtful(p: Pending) -> bool:
    """Is the fast reading's measure of ``p`` one the parser reading should read again?"""
    if p.measure is None:
        return True
    rule = p.measure.rule
    if rule in _DOUBTFUL_RULES:
        return True
    # "kone- ja sähkötekniikan opiskelijaa": a noun cut before a hyphen is the first part of a
    # coordinated compound, a modifier, not the head of the phrase
    at = p.measure.end - p.sent.start
    if p.sent.text[at:at + 1] == "-" and p.sent.text[at + 1:at + 2].isspace():
        return True
    if p.unit.unit not in DURATION_UNITS or p.rate is not None or rule in _ACTIVITY_RULES:
        return False
    # "Puhelinajan saa parin päivän päähän": how far ahead, not how long an activity takes; the
    # thing waited for is the measure
    # the word after the unit (split, not a regex: a sentence is short, and no search can go quadratic)
    after = next((w for w in (x.strip(_PUNCT) for x in p.sent.text[max(0, p.unit.end - p.sent.start):].split(None, 2))
                  if w), "")
    return after.lower() not in measure_words().lead_time


_PUNCT: Final = ".,;:!?()[]\"'–—-"


_FILLED: Final = ("measure.", "subject.", "source.")


def _forget(p: Pending) -> None:
    """Clear what fill_sentence set on ``p``, to fill it again."""
    p.measure = p.subject = p.source = None
    p.rules = [r for r in p.rules if not r.startswith(_FILLED)]


# units of the physical world (contract.md "Physical units"), after which a partitive names the stuff
_QUANTITY_UNITS: Final = frozenset({"g", "kg", "t", "mm", "cm", "m", "km", "m2", "ha", "km2", "l", "m3", "Wh", "kWh",
                             "MWh", "GWh", "TWh", "GB", "TB"})

_VERB_RULES: Final = frozenset({"measure.verb", "measure.tree_verb"})
_COUNTED_RULES: Final = frozenset({"measure.counted_noun", "measure.tree_noun"})


def _ellipsis_next(work: SentenceWork) -> None:
    """"Psykologiaan haki 1 930 ja liikuntapedagogiikkaan 1 120 hakijaa": a count with no noun of its
    own, joined by "ja" to the next figure, counts what that one counts (not the verb)."""
    toks = work.toks
    for p, q in zip(work.pendings, work.pendings[1:], strict=False):
        if p.measure is None or p.measure.rule not in _VERB_RULES or p.unit.unit != "count" \
                or q.measure is None or q.measure.rule not in _COUNTED_RULES or q.num.i - p.num.j > 4:
            continue
        between = [t.lower for t in toks[p.num.j:q.num.i]]
        if any(w in ("ja", "sekä", "tai") for w in between) and "," not in between:
            m = q.measure
            p.measure = MeasureHit(m.lemma, m.start, m.end, "measure.ellipsis_next")
            p.rules.append("measure.ellipsis_next")


class _Covered:
    """Tokens a subject may not be taken from: inside a time expression or URL, or the figure's measure.

    Asked only of the few names before a figure, so it is answered per token on
    demand rather than built as a set; one per sentence, its measure set per figure.
    """

    __slots__ = ("mask", "measure_start", "source", "toks")

    def __init__(self, toks: list[Token], mask: SpanMask, measure_start: int, source: SourceHit | None = None) -> None:
        self.toks = toks
        self.mask = mask
        self.measure_start = measure_start
        self.source = source  # the subject is never who reports the figure

    def __contains__(self, k: object) -> bool:
        if not isinstance(k, int):
            return False
        start = self.toks[k].start
        if self.source is not None and self.source.start <= start < self.source.end:
            return True
        return start == self.measure_start or self.mask.covers(start)


# what the fast reading names with a noun of the figure's own clause: preferred to the parser's verb
_NOUN_RULES: Final = frozenset({"measure.counted_noun", "measure.subject", "measure.elative_before",
                         "measure.elative_after", "measure.owner", "measure.relative", "measure.elative_group"})


def fill_measure(p: Pending, toks: list[Token], clause: list[int], lex: Lexicon, cue: Cues,
                 last_measured: Pending | None, prev_claims: list[Pending], masked: SpanMask,
                 syn: SentParse | None = None) -> None:
    hit: MeasureHit | None = None
    if syn is not None and not _grade(p, toks):
        hit = tree_measure(syn, toks, p.num, p.unit, lex, lambda: _carried(last_measured, prev_claims), rate=p.rate is not None, masked=masked)
        hit = _second_opinion(hit, p, toks, clause, lex, cue, last_measured, prev_claims, masked)
    if hit is None:
        hit = _fast_hit(p, toks, clause, lex, cue, last_measured, prev_claims, masked, side_effects=True)
    if hit is not None:
        p.measure = hit
        p.rules.append(hit.rule)


def _grade(p: Pending, toks: list[Token]) -> bool:
    """"arvosanan 9": a grade noun is itself what a score measures; a scale's points ("3,6 pisteeseen")
    are not, the clause names what they measure."""
    return p.unit.unit == "score" and p.unit.token >= 0 \
        and lemma(toks[p.unit.token].lower) not in measure_words().scale_nouns


def _second_opinion(hit: MeasureHit | None, p: Pending, toks: list[Token], clause: list[int], lex: Lexicon,
                    cue: Cues, last_measured: Pending | None, prev_claims: list[Pending],
                    masked: SpanMask) -> MeasureHit | None:
    """Where the parse is weakest, the fast reading's noun or the figure before it in the sentence."""
    if hit is None:
        return None
    mw = measure_words()
    duration = (p.unit.unit in DURATION_UNITS and p.rate is None) or is_event(toks, p.num, p.unit.token, mw)
    same = last_measured.measure if last_measured is not None else None
    weak = hit.rule == "measure.tree_verb" and not duration or hit.rule == "measure.carried" and same is None
    listed = same is not None and p.unit.unit == "count" and not duration and hit.rule != "measure.tree_noun" \
        and counted_noun(toks, after_number(toks, p.num), lex) is None and last_measured is not None \
        and last_measured.unit.unit == "count"
    if not (weak or listed):
        return hit
    fast = _fast_hit(p, toks, clause, lex, cue, last_measured, prev_claims, masked, side_effects=False)
    if fast is not None and fast.rule in _NOUN_RULES:
        # "oleskelulupahakemuksia jätettiin noin 28 400", "kiireettömistä päivystyspotilaista 30–40
        # prosenttia voitaisiin hoitaa", "kävijämäärää ei ole laskettu, mutta viime vuonna se oli
        # 612 000": a noun of the clause (or the one a pronoun points back to) before a verb
        return fast if weak else hit
    if listed and same is not None:
        # "lokakuussa matkustajia oli 96 000, marraskuussa runsaat 81 000", "vastattiin 40 000
        # puheluun viikossa, helmikuussa noin 30 000:een": a noun-less count in a list counts what
        # the figure before it in the sentence counts
        return MeasureHit(same.lemma, same.start, same.end, "measure.carried")
    return hit


def _fast_hit(p: Pending, toks: list[Token], clause: list[int], lex: Lexicon, cue: Cues,
              last_measured: Pending | None, prev_claims: list[Pending], masked: SpanMask,
              side_effects: bool) -> MeasureHit | None:
    """The fast reading's measure (``side_effects``: it may also carry a statistic over "se")."""
    num, unit = p.num, p.unit
    hit: MeasureHit | None = None
    if cue.anaphora:  # (most sentences have no such pronoun: no generator made for them)
        # a pronoun standing alone as the subject ("se oli", "mikä on"), not "niiden yhteismäärä"
        lo = num.i - WINDOW
        anaphora = next((k for k in cue.anaphora if lo <= k < num.i and clause[k] == p.clause), None)
        if anaphora is not None:
            # "vuonna 2018 se oli noin 8 minuuttia", "kun koko maassa se on 43,2 vuotta":
            # the pronoun stands for the last figure's measure, or the last subject before it
            if last_measured is not None:
                src = last_measured
                assert src.measure is not None
                hit = MeasureHit(src.measure.lemma, src.measure.start, src.measure.end, "measure.anaphora")
                if side_effects and p.statistic is None and src.statistic is not None \
                        and toks[anaphora].lower == "se":
                    p.statistic = src.statistic  # "mediaani-ikä on 39,8 vuotta, kun koko maassa se on 43,2"
            else:
                hit = subject_noun(toks, num, clause, lex, anywhere_before=anaphora, masked=masked)
    if hit is None and unit.unit == "score" and _grade(p, toks):
        # "arvosanan 9": the grade itself is what is measured
        t = toks[unit.token]
        hit = MeasureHit(lemma(t.lower), t.start, t.end, "measure.grade")
    if hit is None and unit.unit == "count" and not unit.bare:
        hit = counted_noun(toks, after_number(toks, num), lex)
    if hit is None and unit.unit in _QUANTITY_UNITS and unit.token >= 0 \
            and unit.token + 1 < len(toks) and partitive_like(toks[unit.token + 1].lower):
        # "290 kilometriä putkea", "240 000 litraa kevyttä polttoöljyä": the partitive after a unit of
        # measurement is the stuff measured
        hit = counted_noun(toks, unit.token + 1, lex)
    if hit is None:
        hit = subject_noun(toks, num, clause, lex, masked=masked)
    if hit is None or hit.rule == "measure.verb":
        # "72 prosenttia on saanut rokotteen": the object after the verb
        hit = object_after(toks, num, clause, lex, masked) or hit
    if hit is None and last_measured is None:
        # "Käyttöaste oli korkein maaliskuussa, 88 prosenttia, ...": an aside's figure belongs to the
        # head clause before it (a noun there; the verb of another clause says nothing of it)
        hit = subject_noun(toks, num, clause, lex, anywhere_before=num.i, masked=masked)
        if hit is not None and hit.rule == "measure.verb":
            hit = None
        if hit is not None:
            hit = MeasureHit(hit.lemma, hit.start, hit.end, "measure.head_clause")
    if hit is None or hit.rule in _RELATIVE_RULES:
        # "yksityinen kulutus, joka lisääntyi 1,8 prosenttia": the relative pronoun's antecedent
        hit = relative_antecedent(toks, num, clause, lex) or hit
    if hit is None or hit.rule != "measure.grade":
        hit = refine(hit, toks, num, unit.unit, unit.token, p.rate is not None, clause, lex, masked)
        if hit is CARRIED:
            hit = _carried(last_measured, prev_claims)
    if hit is None:
        hit = _carried(last_measured, prev_claims)
    return hit


_RELATIVE_RULES: Final = frozenset({"measure.verb", "measure.object_after", "measure.genitive_object"})


def _carried(last_measured: Pending | None, prev_claims: list[Pending]) -> MeasureHit | None:
    """The measure of the figure before in the sentence, else of the last claim of the sentence before."""
    src = last_measured if last_measured is not None else (
        prev_claims[-1] if prev_claims and prev_claims[-1].measure else None)
    if src is None or src.measure is None:
        return None
    return MeasureHit(src.measure.lemma, src.measure.start, src.measure.end, "measure.carried")


def read_doubtful(works: Sequence[tuple[Sentence, SentenceWork]], lex: Lexicon, parser: Language | None,
                   doc: Doc | None) -> None:
    """The parser reading: the figures the fast reading is unsure of, read again from the parse.

    Only their sentences are parsed (a tenth of the words of a release dense in figures, against
    two thirds for every sentence with a figure); the other figures keep the fast reading's measure,
    where it names a noun of the figure's own clause and is right more often than the parse.
    """
    chosen = [k for k, (_, work) in enumerate(works) if any(doubtful(p) for p in work.pendings)]
    if not chosen:
        return
    if doc is not None:
        parses = [sentence_parse(doc, works[k][0].start, works[k][0].end, works[k][1].toks) for k in chosen]
    else:
        assert parser is not None
        docs = parse_texts(parser, [works[k][0].text for k in chosen])
        parses = [align(d, works[k][0].start, works[k][1].toks) for k, d in zip(chosen, docs, strict=True)]
    for k, syn in zip(chosen, parses, strict=True):
        work = works[k][1]
        prev = works[k - 1][1].pendings if k > 0 else []
        fill_sentence(work, lex, prev, syn, redo=doubtful)
