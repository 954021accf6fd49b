"""The period patterns, assembled from ``lang/fi/time.toml`` and compiled once per process.

Word lists become trie-shaped alternations (:func:`tiedote.periods.grammar.alt`),
whitespace is bounded (``\\s{1,3}``) and so is every repetition, so each
pattern scans a text in linear time whatever it holds — no nested unbounded
quantifier anywhere.  The rule ids here are prefixes: a handler may refine
one ("period.month.inessive+year").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

import ahocorasick

from tiedote.periods.grammar import Grammar
from tiedote.periods.lexicon import time_lexicon
from tiedote.periods.table import Handler, Need, table_rows


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    handler: Handler
    needles: tuple[str, ...]  # the rule can match only where one of these occurs (lower case)
    lower: re.Pattern[str]  # the pattern, case-sensitive, over text.lower(): see :func:`scan`
    requires: int  # bits of :class:`Scan` that must all be set for the rule to run
    family: Family | None  # the rules it starts alike with, whose starts one search finds

    # The reference matching the tests check `lower` and `Scan` against.  Compiled on first use:
    # extraction never reads them, and compiling the patterns took a third of the rules' build,
    # paid by every process at start-up.
    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern with IGNORECASE, over the text as given."""
        return _ignorecase(self.lower.pattern)

    @property
    def gate(self) -> re.Pattern[str]:
        """The needles as one pattern: where in ``text.lower()`` the rule can match at all."""
        return _gate(self.needles)


@cache
def _ignorecase(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _gate(needles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)))





@cache
def rules() -> tuple[Grammar, tuple[Rule, ...]]:
    """The grammar and every rule, compiled once per process."""
    return _build()[:2]


@cache
def scan() -> Scan:
    """The one pass over text.lower() that says which rules can match (built with rules())."""
    return _build()[2]


# Characters for which matching a pattern with IGNORECASE differs from matching the lower-cased
# character without it: "İ" lower-cases to two characters, and IGNORECASE lets "ı" match "i" and
# "ſ" match "s" (and "İ" match "i").  A text without them gives the same matches, at the same
# offsets, either way; tests/test_periods.py checks this set against every character of Unicode
# and every atom of the patterns.
UNSAFE: Final = "\u0130\u0131\u017f"


def has_unsafe(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`UNSAFE`: three substring tests, about ten
    times cheaper than a set or regex scan, run once per sentence."""
    return UNSAFE[0] in text or UNSAFE[1] in text or UNSAFE[2] in text


class Scan:
    """Which rules can match a text, from one pass over its lower-cased form.

    :func:`tiedote.periods.find.sentence_periods` matches every rule case-sensitively against
    ``text.lower()`` — the same matches as IGNORECASE over ``text`` when the text holds none of
    :data:`UNSAFE` (which it folds first), and about 30 % cheaper — and runs a rule only where
    its needles (``Rule.needles``) and each of its further needs (see :data:`Need`) are present.
    The needles of two letters or more are found in one pass of an Aho–Corasick automaton
    (pyahocorasick, C): every occurrence, overlapping ones too; one-character needles (digits)
    with a substring test each.  That pass replaces a search per needle
    set, which cost more than a third of find_periods, and a zero-width regex lookahead tried
    at every position, which cost three times the automaton.
    """

    def __init__(self, needs: list[list[Need]]) -> None:
        bit_of: dict[Need, int] = {}
        for rule_needs in needs:
            for need in rule_needs:
                bit_of.setdefault(need, 1 << len(bit_of))
        self.requires = [sum(bit_of[n] for n in rule_needs) for rule_needs in needs]
        self._runnable: dict[int, tuple[int, ...]] = {}
        # sorted: the automaton is built in the same order in every process
        words = sorted({w for need in bit_of if isinstance(need, tuple) for w in need})
        # needle -> bits of every need holding it
        self.bits = {
            w: sum(bit for need, bit in bit_of.items() if isinstance(need, tuple) and w in need)
            for w in words
        }
        # Needles of one character ("0"…"9") are looked for apart, with a substring test each until
        # one is found: the automaton yielded a hit per occurrence (most of its hits were digits), and
        # its step per character costs more the more ways its root branches.
        self.needles = ahocorasick.Automaton()
        single: dict[int, list[str]] = {}
        for w, bit in self.bits.items():
            if len(w) == 1:
                single.setdefault(bit, []).append(w)
            else:
                self.needles.add_word(w, bit)
        self.needles.make_automaton()
        self.chars = tuple((bit, tuple(ws)) for bit, ws in single.items())
        # Shapes: one search each, made only if some rule needing the shape has its other needs
        # met — "(?:1[89]|20)\d\d" matters only beside a year word, "viikolla 12" only beside "viik".
        # With `re`, the engine of the rules they gate; a shape that would begin with \d begins with
        # a literal instead (see tiedote.periods.table.DATE_SHAPE).
        shapes = sum(bit for need, bit in bit_of.items() if isinstance(need, str))
        self.probes = tuple(
            (bit, re.compile(need), tuple(dict.fromkeys(req & ~shapes for req in self.requires if req & bit)))
            for need, bit in bit_of.items() if isinstance(need, str)
        )

    def runnable(self, found: int) -> tuple[int, ...]:
        """The indices of the rules whose every need ``found`` meets, in rule order.

        Kept per distinct ``found``: a few dozen combinations occur in practice, and the
        bound only matters for a process fed every combination there is.
        """
        got = self._runnable.get(found)
        if got is None:
            if len(self._runnable) >= 4096:
                self._runnable.clear()
            got = self._runnable[found] = tuple(i for i, req in enumerate(self.requires) if req & found == req)
        return got

    def present(self, low: str) -> int:
        """The bits of the needs that ``low`` (a lower-cased text) meets, enough for :meth:`runnable`.

        A shape's bit is left out where no rule needing it could run anyway.
        """
        found = 0
        for _, bit in self.needles.iter(low):
            found |= bit
        for bit, chars in self.chars:
            for ch in chars:
                if ch in low:
                    found |= bit
                    break
        for bit, probe, others in self.probes:
            for need in others:
                if found & need == need:
                    if probe.search(low) is not None:
                        found |= bit
                    break
        return found


class Family:
    r"""Rules that begin alike, with one search for every place where any of them can match.

    A family's ``head`` is a zero-width pattern that matches wherever a match of any member
    begins (besides the members' own opening ``(?<!\w)``).  The members are then tried only
    there, with ``match`` — the same matches as their ``finditer``, as every match begins at
    one of those places and none is empty.  A plain ``finditer`` tries its pattern at every
    position of the text: for the seven month rules, which run on every sentence naming a
    month, that cost three times the one search and the few tries.
    """

    def __init__(self, head: str) -> None:
        self._first = re.compile(head)
        # `re` tries a pattern at every position unless it begins with a character set, which it
        # then skips along: this one consumes the character before a start, from all but the
        # commonest word characters, and (?<!\w) checks that character exactly.
        self._later = re.compile(rf"[^0-9_a-zäöå](?<!\w){head}")

    def starts(self, low: str) -> list[int]:
        """Every position of ``low`` where a member may match, in order."""
        starts = [m.end() for m in self._later.finditer(low)]
        if self._first.match(low) is not None:
            starts.insert(0, 0)
        return starts

    @staticmethod
    def matches(pattern: re.Pattern[str], low: str, starts: list[int]) -> list[re.Match[str]]:
        """``pattern.finditer(low)`` for a member, tried only at ``starts`` (a list: a generator per
        rule and sentence cost more than the few tries it makes)."""
        found: list[re.Match[str]] = []
        match = pattern.match
        end = 0
        for start in starts:
            if start >= end:
                m = match(low, start)
                if m is not None:
                    end = m.end()
                    found.append(m)
        return found


@cache
def _build() -> tuple[Grammar, tuple[Rule, ...], Scan]:
    g = Grammar(time_lexicon())
    table = table_rows(g)
    # a rule needs its gate's needles (a match holds one) and its further needs
    plan = Scan([[needles, *extra] for _, _, needles, _, extra, _ in table])
    families: dict[str, Family] = {}
    out = []
    for (rule_id, handler, needles, pattern, _, head), requires in zip(table, plan.requires, strict=True):
        try:
            family = None if head is None else families.setdefault(head, Family(head))
            out.append(Rule(rule_id, handler, needles, re.compile(pattern), requires, family))
        except re.error as exc:  # a word list produced an unusable pattern
            raise ValueError(f"period rule {rule_id}: {exc}") from exc
    return g, tuple(out), plan
