"""Lookups the period rules share, derived once from the time lexicon.

:class:`Grammar` answers the questions a handler asks about a matched word
("which month is 'toukokuun'?", "what does the case of 'vuodesta' do?",
"which year does 'viime vuoden' mean?") and does the calendar work that needs
lexicon data (holidays for "arkipäivä").  :func:`alt` turns a word list into
a trie-shaped regular expression.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Final

from tiedote.periods.calendar import (
    DatePair,
    YearRef,
    add_months,
    month_end,
    month_range,
    quarter_range,
    week_of,
    year_range,
)
from tiedote.periods.lexicon import TimeLexicon

_Trie = dict[str, "_Trie"]
_FOUR_DIGITS: Final = re.compile(r"\d{4}")

# Nouns a relative word can govern, and the unit each stands for.
_RELATIVE_UNITS: Final = {"year": "year", "quarter": "quarter", "quarter_loan": "quarter", "half": "half",
                   "month": "month", "month_short": "month", "week": "week"}
# Nouns that are counted ("vuosi sitten", "kaksi viikkoa aiemmin").
_COUNT_UNITS: Final = {"year": "year", "month": "month", "week": "week", "day": "day", "quarter": "quarter"}


def alt(words: Iterable[str]) -> str:
    """A non-capturing regex matching any of ``words`` (lower case; a space matches 1–3 spaces).

    Built as a trie so that shared prefixes are tried once: a long list costs
    no more backtracking than a short one.  Longer words win over their
    prefixes because every optional tail is greedy.
    """
    trie: _Trie = {}
    for word in {w.lower() for w in words}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    return "(?:" + _emit(trie) + ")"


def _emit(node: _Trie) -> str:
    branches = [(r"\s{1,3}" if ch == " " else re.escape(ch)) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def low(text: str) -> str:
    """A matched word or phrase as the lexicon keys it: lower case, single spaces (NBSP too)."""
    if text.isalpha():  # most matches are one word: no whitespace to fold, no list to split into
        return text.lower()
    return " ".join(text.lower().split())


def int_group(m: re.Match[str], name: str) -> int | None:
    v = m.group(name)
    return int(v) if v else None


def count_group(m: re.Match[str], g: Grammar, name: str) -> int | None:
    """A count in digits or words ("kaksi", "kahdella"); 1 when the text gives none ("vuosi sitten")."""
    v = m.group(name)
    if v is None:
        return 1
    if v.isdigit():
        return int(v)
    f = g.lex.cardinals.get(low(v))
    return None if f is None else f.value


def span_of_part(year: int, month: int, first: int, last: int) -> DatePair:
    """Days ``first``…``last`` of a month, -1 standing for its last day."""
    end = month_end(year, month).day
    return dt.date(year, month, end if first == -1 else first), dt.date(year, month, end if last == -1 else last)


def nth_days(year: int, month: int, nth: int, length: int) -> DatePair | None:
    """The ``nth`` run of ``length`` days from the start of a month (-1: the run ending on its last day)."""
    end = month_end(year, month)
    if nth == -1:
        return max(end - dt.timedelta(days=length - 1), dt.date(year, month, 1)), end
    first = 1 + 7 * (nth - 1)
    if first > end.day:
        return None
    return dt.date(year, month, first), min(dt.date(year, month, first) + dt.timedelta(days=length - 1), end)


def season_span(span: Callable[[int], DatePair], published: dt.date, offset: int) -> DatePair | None:
    """"viime kesänä" is the last summer over before publication, "ensi kesänä" the next to begin."""
    cands = [span(y) for y in range(published.year - 3, published.year + 4)]
    if offset < 0:
        over = [c for c in cands if c[1] < published]
        return over[offset] if len(over) >= -offset else None
    if offset > 0:
        ahead = [c for c in cands if c[0] > published]
        return ahead[offset - 1] if len(ahead) >= offset else None
    for c in cands:
        if c[0] <= published <= c[1]:
            return c
    return span(published.year)


class Grammar:
    """The lexicon plus the derived lookups the handlers need; built once per process."""

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        w = lex.words
        self.unit_noun: dict[str, tuple[str, str]] = {}
        self.count_unit: dict[str, str] = {}
        self.gen_unit: dict[str, str] = {}
        for key, unit in _RELATIVE_UNITS.items():
            for form, f in lex.units[key].items():
                if f.role in ("in", "from", "to") and f.number == "sg":
                    self.unit_noun.setdefault(form, (unit, f.role))
        for key, unit in _COUNT_UNITS.items():
            for form, f in lex.units[key].items():
                if f.number == "sg" and f.case in ("nominative", "partitive"):
                    self.count_unit[form] = unit
                if f.number == "sg" and f.case == "genitive":
                    self.gen_unit[form] = unit
        for form, f in lex.units["turn"].items():
            self.unit_noun.setdefault(form, ("turn", f.role))
        self.quarter_nouns = [f for u in ("quarter", "quarter_loan", "half") for f, x in lex.units[u].items()
                              if x.number == "sg" and x.role in ("in", "from", "to")]
        self.workday_forms = frozenset(lex.units["workday"])
        self._clock = re.compile(rf"(?<!\w)(?:{alt(w['clock'])})\.?\s{{1,3}}$", re.IGNORECASE)
        self._base_before = re.compile(rf"(?<!\w)(?:{alt(w['base_before'])})\s{{1,3}}$", re.IGNORECASE)
        self._base_after = re.compile(rf"^\s{{1,3}}(?:(?:{alt(w['base_between'])})\s{{1,3}})?"
                                      rf"(?:{alt(w['base_after'])})(?!\w)", re.IGNORECASE)
        # the modifier prefixes ("edellis", "viime"), longest first, for yref
        self._prefixes = sorted(lex.modifier_prefixes.items(), key=lambda kv: -len(kv[0]))
        self._since = frozenset(w["since"])
        self._by = frozenset(w["by"])
        self._until = frozenset(w["until"])

    # ---- words
    def month_of(self, word: str) -> int | None:
        key = low(word)
        form = self.lex.months.get(key)
        return form.value if form is not None else self.lex.month_abbr.get(key.rstrip("."))

    def year_word_role(self, word: str) -> str:
        form = self.lex.units["year"].get(low(word))
        return form.role if form is not None and form.role in ("from", "to") else "in"

    def year_words_of(self, role: str) -> list[str]:
        return [x for x in self.lex.words["year_words"] if self.year_word_role(x) == role]

    def yref(self, text: str | None) -> YearRef | None:
        """"vuoden 2022" → (2022, 0, explicit); "viime vuoden" → (None, -1, published)."""
        if not text:
            return None
        digits = _FOUR_DIGITS.search(text)
        if digits:
            return int(digits.group()), 0, "explicit"
        key = low(text)
        first = key.split()[0]
        if first in self.lex.modifiers:
            off, anchor = self.lex.modifiers[first]
            return None, off, anchor
        for pre, (off, anchor) in self._prefixes:
            if key.startswith(pre):
                return None, off, anchor
        return None

    @staticmethod
    def base_role(role: str) -> bool:
        return role in ("from", "to")

    def suffixed(self, role: str, suffix: str | None) -> str:
        """What "lähtien", "mennessä", "asti" after a time do to its case role."""
        if not suffix:
            return role
        word = low(suffix)
        if role in ("to", "date") and word in self._by:
            return "by"
        if role in ("to", "date") and word in self._until:
            return "until"
        if role in ("from", "date") and word in self._since:
            return "since"
        return role

    # ---- context
    def after_clock(self, text: str, start: int) -> bool:
        """A dotted number after "klo"/"kello" is a time of day ("kello 21.40.")."""
        return self._clock.search(text, max(0, start - 10), start) is not None

    def is_base(self, text: str, start: int, end: int) -> bool:
        """"kuin maaliskuussa 2019", "vuodentakaiseen verrattuna": a comparison base."""
        return (self._base_before.search(text, max(0, start - 12), start) is not None
                or self._base_after.match(text[end:end + 48]) is not None)

    # ---- calendar
    def deictic(self, unit: str, p: dt.date, off: int) -> DatePair:
        """The unit holding the publication date, moved by ``off`` ("viime viikolla": ISO week before)."""
        if unit == "year":
            return year_range(p.year + off)
        if unit == "quarter":
            y, q = divmod(p.year * 4 + (p.month - 1) // 3 + off, 4)
            return quarter_range(y, q + 1)
        if unit == "half":
            y, h = divmod(p.year * 2 + (p.month - 1) // 6 + off, 2)
            return dt.date(y, 6 * h + 1, 1), month_end(y, 6 * h + 6)
        if unit == "month":
            first = add_months(p.replace(day=1), off)
            return month_range(first.year, first.month)
        return week_of(p + dt.timedelta(weeks=off))

    def days_of_month(self, year: int, month: int, nth: int, n: int, work: bool) -> DatePair | None:
        """"ensimmäisten kolmen arkipäivän": the first n weekdays of a month that are not holidays."""
        holidays = self.lex.holidays(year) if work else frozenset()
        days = [d for d in (dt.date(year, month, i) for i in range(1, month_end(year, month).day + 1))
                if not work or (d.weekday() < 5 and d not in holidays)]
        if nth == -1:
            pick = days[-n:] if len(days) >= n else []
        elif n == 1:
            pick = days[nth - 1:nth]
        else:
            pick = days[:n] if len(days) >= n else []
        return (pick[0], pick[-1]) if pick else None
