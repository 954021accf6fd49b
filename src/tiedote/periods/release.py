"""The release's own time: a few fields kept from sentence to sentence (contract.md, "Which time a figure belongs to").

* ``frame`` — the period the title or lead reports ("Tammi–maaliskuussa …"),
  and ``heading`` — a sub-heading's period, the frame for the figures under it;
* ``current`` — the period in force in this paragraph (a list introduced by
  "X:" continues the paragraph that introduces it);
* ``year`` — the year in force, from which "edellisvuonna", "koko vuonna" and
  "vuoden aikana" count;
* ``previous`` — the previous figure's time, for a figure that restates or
  compares it ("mikä on", "eli", "Osuus on");
* ``span`` — the earliest and latest time of the last comparison, for
  "samassa ajassa" (in the same stretch of time);
* ``events`` — the time named where an event was first told ("Viikolla 34
  riehunut myrsky" → "myrskyn aikana").

A base of a comparison, a year word pointing back ("edellisvuonna"), a peak
("Vilkkaimpana päivänä 28. kesäkuuta") and the dateline never become the
period in force.  Updating is a few comparisons per sentence with a time
expression: no second pass over the release.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Final, Protocol

import regex

from tiedote.periods import find as periods
from tiedote.periods.calendar import granularity_of
from tiedote.periods.named import REVIEW_END, REVIEW_PERIOD, YEAR_IN_FORCE
from tiedote.periods.patterns import rules
from tiedote.periods.release_words import release_words
from tiedote.text.segment import Sentence, lower_text


@dataclass(slots=True, init=False)
class When:
    """A figure's period as the engine keeps it; it becomes a ``models.Period`` record only in the claim.

    Never changed after it is made (``with_basis`` makes a new one); a plain
    dataclass because thousands are made per archive and a validated record
    per sentence would cost more than the rest of the period logic.
    """

    start: dt.date | None = None  # inclusive
    end: dt.date | None = None  # inclusive
    granularity: str = "open"
    basis: str = "unresolved"
    span: tuple[int, int] | None = None  # offsets of the time expression in the release text

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, start: dt.date | None = None, end: dt.date | None = None, granularity: str = "open",
                 basis: str = "unresolved", span: tuple[int, int] | None = None) -> None:
        self.start = start
        self.end = end
        self.granularity = granularity
        self.basis = basis
        self.span = span

    def with_basis(self, basis: str) -> When:
        # not dataclasses.replace: it looks the fields up anew on every call, ten times the cost
        return When(self.start, self.end, self.granularity, basis, self.span)


@dataclass(slots=True)
class PeriodState:
    frame: When | None = None  # the release's own period (title or lead)
    heading: When | None = None  # the period of the sub-heading the figures stand under
    current: When | None = None  # the period in force in this paragraph
    year: int | None = None  # the year in force
    previous: When | None = None  # the last figure's time
    span: tuple[When, When] | None = None  # earliest and latest time of the last comparison
    events: dict[str, When] = field(default_factory=dict)
    paragraph: int = -1
    list_open: bool = False  # the last sentence ended in ":" ("Muita kaupunkeja:")
    seen: bool = False  # a figure of the body has been read: a later time no longer sets the frame
    ended: bool = True  # the last sentence ended in a stop (or was a heading)
    last_paragraph: int = -1

    def year_in_force(self, published: dt.date | None) -> int | None:
        # asked once per sentence: the three periods tested in turn, with no tuple to loop over
        w = self.current
        if w is not None and w.end is not None:
            return w.end.year
        w = self.heading
        if w is not None and w.end is not None:
            return w.end.year
        w = self.frame
        if w is not None and w.end is not None:
            return w.end.year
        return self.year if self.year is not None else published.year if published is not None else None

    def begin(self, sent: Sentence) -> None:
        """A new sentence: a new paragraph resets the period in force, unless it is a list item
        continuing the line that introduced it ("Muita kaupunkeja:" / "• Lahti: 21,10 euroa")."""
        if sent.paragraph != self.paragraph:
            self.paragraph = sent.paragraph
            if not (self.list_open and _LIST_ITEM.match(sent.text)):
                self.current = None

    def carried(self) -> tuple[When, str, str] | None:
        """The period a figure with no time of its own takes from the release: (period, rule, basis)."""
        if self.current is not None:
            return self.current, "period.in_force", "context"
        if self.heading is not None:
            return self.heading, "period.heading", "frame"
        if self.frame is not None:
            return self.frame, "period.frame", "frame"
        return None


# a list item: the sentence text is stripped, so no leading space is looked for
_LIST_ITEM: Final = regex.compile(r"(?:[-–—•*·▪]|\d{1,2}[.)])\s")
_HAS_DIGIT: Final = regex.compile(r"[0-9]")
_WORD: Final = regex.compile(r"[^\W\d_]{3,}")
_CLOCK: Final = regex.compile(r"\b(?:klo|kello)\s*[0-9]{1,2}(?:[.:][0-9]{2})?")
_DATELINE_WORDS: Final = 6  # "Pohjolan Pakkaus Oyj, pörssitiedote 26.10.2023 klo 8.00"
# what may follow a dateline's date on the line of the body text: a clock time, then a dash
_DATELINE_TAIL: Final = regex.compile(r"[ \t]{0,3}(?:(?:klo|kello)[ \t]{0,3}[0-9]{1,2}(?:[.:][0-9]{2})?[ \t]{0,3})?(?:[—–-]|$)")


def is_dateline(sent: Sentence, mentions: list[periods.PeriodMention]) -> bool:
    """A line of its own that is a date and at most a few words (a place, "TIEDOTE", a time)."""
    if not sent.line_start or sent.paragraph > 1 or len(mentions) != 1 or mentions[0].granularity != "day":
        return False
    m = mentions[0]
    rest = sent.text[:m.start_char] + sent.text[m.end_char:]
    # "TIEDOTE 9.6.2020 klo 10.00": a written date and a few words, no figure
    rest = _CLOCK.sub("", rest)
    return (_HAS_DIGIT.search(m.text) is not None and _HAS_DIGIT.search(rest) is None
            and len(_WORD.findall(rest)) <= _DATELINE_WORDS and len(sent.text) <= 60)


def body_mentions(sent: Sentence, mentions: list[periods.PeriodMention]) -> list[periods.PeriodMention]:
    """The mentions that may be a figure's time: not the dateline ("Oulu 12.3.2021 klo 10.15 —
    Viikonloppuna poliisi tavoitti …": the publication stamp, no period for the body)."""
    if sent.paragraph > 2 or not mentions or not sent.line_start:
        return mentions
    m = mentions[0]
    if m.granularity != "day" or _HAS_DIGIT.search(m.text) is None:
        return mentions
    before = sent.text[:m.start_char]
    if _HAS_DIGIT.search(before) is not None or len(_WORD.findall(before)) > 3 \
            or _DATELINE_TAIL.match(sent.text, m.end_char) is None:
        return mentions
    return mentions[1:]


def is_peak(text: str, m: periods.PeriodMention) -> bool:
    """"Vilkkaimpana päivänä 28. kesäkuuta", "pahimmillaan maanantaina": a peak's own time."""
    before = text[max(0, m.start_char - 40):m.start_char]
    if "mp" not in before and "mm" not in before:  # every peak ending holds one ("-mpana", "-immillaan")
        return False
    rw = release_words()
    words = before.lower().split()[-2:]
    if words and words[-1] in rw.peak_nouns:
        words = words[:-1]
    return bool(words) and words[-1].endswith(rw.peak_endings)


def points_back(m: periods.PeriodMention) -> bool:
    """"edellisvuonna", "edellisvuoden": the year before the one in force, an old level."""
    return m.rule == "period.relative.year" and _points_back(m.text)


@lru_cache(maxsize=4096)
def _points_back(text: str) -> bool:
    ref = rules()[0].yref(text)
    return ref is not None and ref[2] == "context"


def update(state: PeriodState, mentions: Sequence[periods.PeriodMention], whens: Sequence[When | None],
           is_base: Sequence[bool], sent: Sentence, has_figures: bool, peaks: Sequence[bool] | None = None) -> None:
    """After a sentence: what it names becomes the period in force, the frame or a heading (``is_base``:
    per mention, whether it is only a comparison's base)."""
    text = sent.text
    # a sub-heading: a short line of its own with no figure and no closing stop, after a line that
    # ended (a hard-wrapped line of running text follows one that did not)
    if has_figures or not sent.line_start or sent.paragraph == 0 or not text[:1].isupper() \
            or not (sent.paragraph != state.last_paragraph or state.ended):
        heading = False
    else:
        heading = text[-1:] not in ".!?:;," and ":" not in text and len(text.split()) <= 7
    in_force: When | None = None
    times: list[When] = []
    # most sentences name no time: no zip, no enumerate (the three sequences are as long)
    for k, (m, w, base) in enumerate(zip(mentions, whens, is_base, strict=True)) if mentions else ():
        if w is None or w.start is None:
            continue
        if w.end is not None:  # "1.1.2021 alkaen" with no publication date has no end
            times.append(w)
        # a time named, not one counted from another ("vuotta aiemmin" is an old level) or "nyt"
        named = m.kind == "absolute" or m.kind == "event" or m.rule in (YEAR_IN_FORCE, REVIEW_PERIOD, REVIEW_END)
        if not base and named and m.shift is None and not points_back(m) \
                and not (peaks[k] if peaks is not None else is_peak(text, m)):
            in_force = w
    if heading:
        # "Heinä–syyskuu 2023 lyhyesti": the frame for the figures under it, until the next one
        state.heading = in_force.with_basis("frame") if in_force is not None else None
        state.current = None
    elif in_force is not None and _older(in_force, state.current):
        # "Marraskuussa odotus kesti 4,3 tuntia" after a lead about December: an older level the
        # release compares with, not the time it goes on about
        pass
    elif in_force is not None:
        state.current = in_force.with_basis("context")
        state.year = in_force.end.year if in_force.end is not None else state.year
        # the release's own period: the first time named in its opening paragraphs
        # (title, then lead; a dateline between them does not count)
        # (title, then lead; a dateline between them does not count), never one named only after
        # the lead's figures ("Palvelu on kiinni joulukuussa" is no time of the figures before it)
        if state.frame is None and sent.paragraph <= 2 and (has_figures or not state.seen):
            state.frame = state.current.with_basis("frame")
        low = lower_text(text)  # lower-cased once per sentence for every stage (text.segment)
        for stem in _event_stems():
            if stem in low and stem not in state.events:
                state.events[stem] = state.current
    if len(times) >= 2 and has_figures:
        ordered = sorted(times, key=lambda w: (w.start, w.end))
        state.span = (ordered[0], ordered[-1])
    state.list_open = text.endswith(":")
    state.ended = text[-1:] in ".!?:" or heading
    state.last_paragraph = sent.paragraph
    state.seen = state.seen or (has_figures and sent.paragraph > 0)


def _older(w: When, than: When | None) -> bool:
    return than is not None and than.start is not None and w.end is not None and w.end < than.start


@cache
def _event_stems() -> tuple[str, ...]:
    # "myrskyn" → "myrsky": the event nouns as the lexicon lists them, in any case
    return tuple(g[:-1] for g in rules()[0].lex.event_genitive)


def resolve_release(m: periods.PeriodMention, state: PeriodState, published: dt.date | None,
                    span: tuple[int, int]) -> When | None:
    """A mention the release's own time resolves: "koko vuonna", "katsauskaudella", "myrskyn aikana",
    "alkuvuonna" narrowed to the frame, "mennessä" counted from the frame's start."""
    if m.rule == YEAR_IN_FORCE:
        y = state.year_in_force(published)
        return None if y is None else When(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "context", span)
    if m.rule in (REVIEW_PERIOD, REVIEW_END):
        frame = state.frame
        if frame is None or frame.start is None or frame.end is None:
            return None
        if m.rule == REVIEW_END:
            return When(frame.end, frame.end, "day", "frame", span)
        return When(frame.start, frame.end, frame.granularity, "frame", span)
    if m.kind == "event" and m.start is None:
        low = m.text.lower()
        for stem, w in state.events.items():
            if stem in low:
                return When(w.start, w.end, w.granularity, "context", span)
        return None
    frame = state.frame
    if frame is None or frame.start is None or frame.end is None or m.start is None or m.end is None:
        return None
    if m.role == "by" and frame.granularity != "year" and frame.start.year == m.end.year \
            and m.start < frame.start <= m.end == frame.end:
        # "marraskuun loppuun mennessä" in a release about "loka- ja marraskuussa": from the frame's start
        return When(frame.start, m.end, granularity_of(frame.start, m.end), "explicit", span)
    if m.rule == "period.year.compound.early" and frame.start == m.start and frame.end != m.end \
            and published is not None and frame.end < published and frame.start.year == published.year:
        # "alkuvuonna" is the months the release itself gives ("tammi–kesäkuussa")
        return When(frame.start, frame.end, frame.granularity, "explicit", span)
    return None


class _Measured(Protocol):
    @property
    def lemma(self) -> str: ...


class _Valued(Protocol):
    @property
    def value(self) -> int | float | None: ...


class TitleFigure(Protocol):
    """What the title rule reads and sets of a claim under construction."""

    period: When | None
    rules: list[str]

    @property
    def num(self) -> _Valued: ...

    @property
    def measure(self) -> _Measured | None: ...


def title_periods(title: Sequence[TitleFigure], state: PeriodState, first_of: dict[tuple[str, object], When]) -> None:
    """A figure in the title takes its period from the body when the title names none (contract.md):
    the body's first figure of the same value ("Maastopaloja jo 46" … "jo 46 maasto- ja ruohikkopaloa"),
    else of the same measure ("verkossa asioi yli miljoona asiakasta" … "Toukokuun 23. päivään mennessä
    … yli 1,1 miljoonaa asiakasta"), else the release's frame.  A title's "alkuvuonna" is the months
    the body gives for the same figures ("tammi–kesäkuussa")."""
    for p in title:
        same = first_of.get(("value", p.num.value)) if p.num.value is not None else None
        if same is None and p.measure is not None:
            same = first_of.get(("measure", p.measure.lemma))
        if p.period is None or p.period.basis in ("published", "unresolved"):
            if p.rules and p.rules[-1] == "period.published":
                p.rules.pop()
            if same is not None:
                p.period = same.with_basis("context")
                p.rules.append("period.title_from_body")
            elif state.frame is not None:
                p.period = state.frame.with_basis("frame")
                p.rules.append("period.frame")
        elif "period.year.compound.early" in p.rules and same is not None and same.start == p.period.start \
                and same.end != p.period.end:
            p.period = When(same.start, same.end, same.granularity, "context", p.period.span)
            p.rules.append("period.title_from_body")


def resolve_mention(m: periods.PeriodMention, usable: list[periods.PeriodMention], state: PeriodState,
             published: dt.date | None, base: int) -> When | None:
    """A mention as a figure's period; None when it names nothing resolvable (use the context)."""
    span = (base + m.start_char, base + m.end_char)
    got = resolve_release(m, state, published, span)
    if got is not None:
        return got
    if m.shift is not None and m.start is None:
        earlier_abs = [x for x in usable if x.kind == "absolute" and x.start is not None and x.end is not None
                       and x.end_char <= m.start_char]
        ref: tuple[dt.date, dt.date, str] | None = None
        context = state.current or state.heading or state.frame
        if earlier_abs:
            ref = (earlier_abs[-1].start, earlier_abs[-1].end, earlier_abs[-1].granularity)  # type: ignore[assignment]
        elif context is not None and context.start is not None and context.end is not None:
            ref = (context.start, context.end, context.granularity)
        if ref is None:
            return None
        y, mo, w = m.shift
        s, e = periods.shift_range(ref[0], ref[1], ref[2], years=y, months=mo, weeks=w)
        return When(s, e, ref[2], "context", span)
    if m.start is None:
        if m.kind in ("event", "absolute", "now"):
            # "ennen epidemiaa", or "toukokuussa" with no publication date: a time the
            # text names but no calendar resolves; keep its span
            return When(span=span)
        return None  # "ensimmäisten kolmen arkipäivän aikana" without a month: the context decides
    return When(m.start, m.end, m.granularity, m.basis, span)
