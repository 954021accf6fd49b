"""Finnish number words to values: "kolmesataa", "kahdessakymmenessäviidessä", "puolitoista miljoonaa".

The words are data (``lang/fi/numbers.toml``, principal parts).  Every case
form, singular and plural, is generated from them once per process; a compound
written as one word is split by those forms with a walk down a trie (O(length));
a small state machine checks that the parts make a number and agree in case.

What a caller must know:

* Cardinals only.  Ordinals ("kolmas", "toinen", a lone "toista") are no
  numbers, nor are words spelled like an ordinal's partitive: "viidettä",
  "kahdettatoista" are abessives of cardinals, but in text "viidettä kertaa"
  (for the fifth time).  "kolmetta" (3) is no ordinal and is read.
* Homographs are read as numbers, context is the caller's: "kuusi" (spruce),
  "yhdessä" (together), "yksin" (alone), "yhtä" (equally), "sataa" (it rains);
  for :func:`vague_value` "parissa" ("lasten parissa", working with children).
  Every form of "yksi" is 1; "yksi miljoona", "yksituhat" are accepted.
  Pass punctuation as tokens, so that "tuhat, kaksi" does not become 1002.
* Across tokens every part agrees in case ("kahden miljoonan"; "kaksi
  miljoonan" stops after "kaksi").  Inside one written word, inflecting only
  the last part ("kolmesadassa") is accepted: such a word means nothing else.
* A space may separate a scale of a hundred or more from its multiplier
  ("kaksi miljoonaa", "kolme sataa") and groups of thousands ("tuhat
  viisisataa"); below a hundred it ends the number ("kaksikymmentä viisi": 20).
* A bare plural scale ("kymmeniä", "satoja", "tuhansia", "satojatuhansia",
  "miljoonat") is "tens / hundreds ... of": no number, None.  After a
  multiplier the plural is a number ("kahdettuhannet" = 2000).
* "puoli" counts only before a scale ("puoli miljoonaa") or after "ja" ("kaksi
  ja puoli miljoonaa" = 2500000); alone it is mostly "side" ("puolesta").
* Approximate: singular "pari" in any case, its compounds ("parikymmentä",
  "parisataa") and "kymmenkunta" come from :func:`vague_value`;
  :func:`parse_number_words` gives None for them.  "muutama", "useita",
  "kymmeniä", "satoja", "tuhansia" are NOT numbers: a careful reader writes no
  value for them, and :func:`vague_value` gives None.  For "pari miljoonaa"
  multiply by :func:`scale_value` of the next token.
* Values are ints unless a half leaves a fraction ("puolitoista" = 1.5).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Final, NamedTuple

from tiedote.numbers.word_data import (
    APPROXIMATE,
    DATA_PATH,
    NOM_SG,
    PART_SG,
    Lexicon,
    Part,
    Tag,
    lexicon,
    load_lexicon,
)

_NO_BIG: Final = 10**30  # above every scale: no group of thousands yet
_MAX_READINGS: Final = 4  # real compounds split one way; the cap only bounds pathological input

__all__ = ["DATA_PATH", "Lexicon", "could_start_number_word", "lexicon", "load_lexicon", "may_start_number",
           "parse_number_words", "scale_value", "vague_value"]

@lru_cache(maxsize=1 << 16)
def _readings(word: str) -> tuple[tuple[Part, ...], ...]:
    """The ways ``word`` splits wholly into number forms, longest first part first."""
    lex = lexicon()
    if not word:
        return ()
    memo: dict[int, list[tuple[Part, ...]]] = {len(word): [()]}

    def split(i: int) -> list[tuple[Part, ...]]:
        if i in memo:
            return memo[i]
        ends: list[tuple[int, tuple[Part, ...]]] = []
        node: Any = lex.trie
        for j in range(i, len(word)):
            node = node.get(word[j])
            if node is None:
                break
            if "" in node:
                ends.append((j + 1, node[""]))
        out: list[tuple[Part, ...]] = []
        for j, parts in reversed(ends):
            for part in parts:
                out.extend((part, *rest) for rest in split(j))
        memo[i] = out[:_MAX_READINGS]
        return memo[i]

    return tuple(split(0))


class _State(NamedTuple):
    """Where a number stands: finished thousands groups plus the open group (h, t, o)."""

    total: int | float = 0
    big: int = _NO_BIG  # the last scale of a thousand or more: the next must be smaller
    h: int | None = None  # hundreds digit of the open group
    t: int | None = None  # tens value: 20..90, or 10..19 for "kymmenen" and the teens
    o: int | None = None  # ones digit, or a multiplier waiting for its scale
    frac: float | None = None  # "puoli" / "puolitoista", waiting for a scale
    closed: bool = False  # "nolla", or a fraction times a scale: nothing may follow
    started: bool = False
    approx: bool = False
    ctx: frozenset[Tag] | None = None  # the (case, number) cells every part so far can fill


_START: Final = _State()


def _group(st: _State) -> int | None:
    empty = st.h is None and st.t is None and st.o is None
    return None if empty else (st.h or 0) * 100 + (st.t or 0) + (st.o or 0)


def _tidy(value: float) -> int | float:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _value(st: _State) -> int | float | None:
    lone_half = st.frac == 0.5  # "puoli" waits for its scale
    return None if not st.started or lone_half else _tidy(st.total + (_group(st) or 0) + (st.frac or 0))


def _step(st: _State, p: Part, vague_plural: frozenset[int]) -> tuple[_State, frozenset[Tag]] | None:
    """Add one part; return the new state and the cells the part agrees with, or None."""
    if st.closed:
        return None
    if p.kind in ("unit", "approx"):
        teen = st.t is not None and st.t < 20
        if st.frac is not None or st.o is not None or teen or (p.kind == "approx" and st.started):
            return None
        return st._replace(o=int(p.value), started=True, approx=p.kind == "approx" or st.approx), p.tags
    if p.kind == "teen":
        if st.frac is not None or st.t is not None or st.o is not None:
            return None
        return st._replace(t=int(p.value), started=True), p.tags
    if p.kind in ("zero", "half", "sesqui"):
        if st.started:
            return None
        frac = None if p.kind == "zero" else float(p.value)
        return st._replace(frac=frac, started=True, closed=p.kind == "zero"), p.tags
    s = int(p.value)
    one = False
    if st.frac is not None:
        if s < 100:
            return None
        new, multiplied = st._replace(total=st.frac * s, frac=None, closed=True), True
    elif s == 10:
        if st.t is not None or (st.o is not None and not 2 <= st.o <= 9):
            return None
        new, multiplied = st._replace(t=10 * (st.o or 1), o=None), st.o is not None
    elif s == 100:
        if st.h is not None or st.t is not None or (st.o or 0) > 9:
            return None
        new, multiplied, one = st._replace(h=st.o or 1, o=None), st.o is not None, st.o == 1
    else:
        group = _group(st)
        if s >= st.big:
            return None
        multiplied, one = group is not None, group == 1 and st.o == 1
        new = st._replace(total=st.total + (group or 1) * s, big=s, h=None, t=None, o=None)
    if not multiplied and not st.started and s in vague_plural and all(n == "pl" for _, n in p.tags):
        return None  # "satoja", "tuhansia": hundreds, thousands of something
    tags = p.tags
    if multiplied and not one:
        # A nominative multiplier takes the scale in the partitive: "kaksi miljoonaa".
        tags = (tags - {NOM_SG}) | ({NOM_SG} if PART_SG in tags else frozenset())
    return new._replace(started=True), tags


def _feed(st: _State, reading: tuple[Part, ...], vague_plural: frozenset[int]) -> _State | None:
    """Add the parts of one written word and check that they agree with each other and with ``st``."""
    if not st.started and all(p.ordinal_like for p in reading):
        return None  # "viidettä kertaa": the ordinal, not the abessive of "viisi"
    cells = []
    for p in reading:
        stepped = _step(st, p, vague_plural)
        if stepped is None:
            return None
        st, tags = stepped
        cells.append(tags)
    agreed = frozenset.intersection(*cells)
    if not agreed and all(NOM_SG in c for c in cells[:-1]):
        agreed = cells[-1]  # "kolmesadassa": only the last part inflected
    ctx = agreed if st.ctx is None else st.ctx & agreed
    return st._replace(ctx=ctx) if ctx else None


_MAX_WORD_CHARS: Final = 120


def parse_number_words(words: Sequence[str]) -> tuple[int | float, int] | None:
    """(value, tokens consumed) of the longest number-word expression at ``words[0]``, else None.

    ``words`` are lower-cased word tokens.  "kaksikymmentäviisi" -> (25, 1);
    ["puolitoista", "miljoonaa", "euroa"] -> (1500000, 2); ["pari"] -> None
    (see :func:`vague_value`).
    """
    if not words:
        return None
    lex = lexicon()
    if words[0][:3] not in lex.starts:
        return None
    # The longest number word written as one word is well under this
    # ("kahdessakymmenessäkahdeksassatuhannessa…"); a longer token is not one, and
    # decomposing it would only cost time (and recursion) on hostile input.
    trimmed: list[str] = []
    for w in words:
        if len(w) > _MAX_WORD_CHARS:
            break
        trimmed.append(w)
    if not trimmed:
        return None
    words = trimmed
    st: _State | None = _START
    best: tuple[int | float, int] | None = None
    best_st = _START
    for i, word in enumerate(words):
        st, value = _advance(st, word)
        if st is None:
            break
        if st.approx:
            return None
        if value is not None:
            best, best_st = (value, i + 1), st
    if best is None:
        return None
    return _and_a_half(words, best, best_st, lex)


@lru_cache(maxsize=1 << 16)
def _advance(st: _State, word: str) -> tuple[_State | None, int | float | None]:
    """The state after one more word, and its value if a number may end there.

    Cached: real text repeats the same few (state, word) pairs, so a parse is mostly lookups.
    """
    # A space may come before a scale of a hundred or more, or after a finished group of thousands.
    after_group = not st.started or (_group(st) is None and st.frac is None)
    for reading in _readings(word):
        if not (after_group or (reading[0].kind == "scale" and reading[0].value >= 100)):
            continue
        nxt = _feed(st, reading, lexicon().vague_plural)
        if nxt is not None:
            return nxt, _value(nxt)
    return None, None


def _and_a_half(words: Sequence[str], best: tuple[int | float, int], st: _State,
                lex: Lexicon) -> tuple[int | float, int]:
    """Extend "kaksi" to "kaksi ja puoli" (2.5) and "kaksi ja puoli miljoonaa" (2500000)."""
    k, group = best[1], _group(st)
    if group is None or st.total or st.closed or st.ctx is None or len(words) <= k + 1 or words[k] != "ja":
        return best
    ctx = lex.halves.get(words[k + 1], frozenset()) & st.ctx
    if not ctx:
        return best
    half = _State(frac=group + 0.5, started=True, ctx=ctx)
    for reading in _readings(words[k + 2]) if len(words) > k + 2 else ():
        if len(reading) == 1 and reading[0].kind == "scale" and reading[0].value >= 1000:
            scaled = _feed(half, reading, lex.vague_plural)
            value = _value(scaled) if scaled else None
            if value is not None:
                return value, k + 3
    return _tidy(group + 0.5), k + 2


def scale_value(word: str) -> int | None:
    """The multiplier of a scale word (singular, any case) or abbreviation after digits, else None.

    "miljoonaa", "miljoonaan", "milj.", "mrd", "tuhatta", "t." -> 10**6, 10**6, 10**6, 10**9, 1000, 1000.
    Plurals ("miljoonia") and "sata" give None.
    """
    return lexicon().scales.get(word)


def vague_value(word: str) -> tuple[int | float, str] | None:
    """(value, "approximate") for a word a reader turns into a rough figure, else None.

    "parin" -> (2, "approximate"), "parikymmentä" -> (20, ...), "kymmenkunta" -> (10, ...);
    "muutama", "useita", "kymmeniä", "satoja", "tuhansia" -> None: no figure can be written for them.
    """
    lex = lexicon()
    if word in lex.lone_vague:
        return lex.lone_vague[word], APPROXIMATE
    if len(word) > _MAX_WORD_CHARS:
        return None  # no number word is this long (and decomposing it would only cost time)
    return _vague_compound(word) if word[:3] in lex.starts else None


@lru_cache(maxsize=1 << 12)
def _vague_compound(word: str) -> tuple[int | float, str] | None:
    lex = lexicon()
    for reading in _readings(word):
        if reading[0].kind == "approx":
            st = _feed(_State(), reading, lex.vague_plural)
            value = _value(st) if st else None
            if value is not None:
                return value, APPROXIMATE
    return None


def could_start_number_word(word: str) -> bool:
    """A cheap pre-filter: False means neither parse_number_words nor vague_value can match ``word``."""
    return word[:3] in lexicon().starts


@lru_cache(maxsize=1 << 16)
def may_start_number(word: str) -> bool:
    """False means no number :func:`parse_number_words` or :func:`vague_value` reads begins with ``word``.

    Exact where :func:`could_start_number_word` only looks at three letters: "viime", "viikolla",
    "kuukaudessa" begin like number words and are none.  Cached per word, which is cheaper than
    the (state, word) key of the parser's own cache.
    """
    if not could_start_number_word(word):
        return False
    return vague_value(word) is not None or (len(word) <= _MAX_WORD_CHARS and _advance(_START, word)[0] is not None)
