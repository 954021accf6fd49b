"""Finnish numbers in a sentence: digit groups, decimal comma, ranges, scales, words.

Reads a sentence's tokens (tiedote.text.segment.tokenize) and returns every number it
finds, each with its exact character span and the id of the rule that read it.
Whether a number is a *claim* (and not a date, a phone number or a name) is
decided afterwards by tiedote.nonclaims.checks, which needs these same readings.

Decisions, each tested in tests/test_numbers.py:
- Digit groups: a group of 1–3 digits followed by one space and exactly three
  digits joins it ("40 000", "1 200 000"); a 4-digit number never starts a
  group, so "vuonna 2018 se oli 8" reads 2018 and 8.  A group starting with 0
  never joins ("0800 12 600" is a phone number's shape, read by nonclaims).
- A range is two numbers joined by an en dash or hyphen ("2–3", "3 500–4 000")
  or "N:n ja M:n välillä"; a scale word after the second end applies to both.
- A colon case ending ("30 000:een", "5 %:iin") is not part of the span.
- Number words come from tiedote.numbers.words; value-1 words ("yksi", "yhdessä")
  are read with rule "number.words.one", and nonclaims keep them only before a
  unit ("kasvoi yhden prosentin"): in running text they are mostly "one of"/"together".
- Fraction words are shares in percent (tiedote.numbers.fractions): "kaksi
  kolmasosaa" 66.67, "joka viides" 20.
- Signs are kept ("−3,1 %", "(+3,1 %)"); a decimal point is read before a percent
  sign, a scale or a unit that is no time unit ("1.2 miljardia", "0.5 %").
- A bracketed comparison figure ("45,2 (42,1) milj. euroa", "oli 183,5 miljoonaa
  euroa (191,5)") is a number of its own, marked ``compared``, sharing the scale and
  unit of its head; ``tail`` says where their unit words start.
- Money abbreviations ("45 M€", "4,2 Me", "350 t€") are a scale and a unit at once
  (units.toml [scaled]); "1 h 15 min" is one duration of 75 minutes.
- Vague words: "parin" (pari in any case) is 2 with qualifier approximate;
  "muutama", "kymmeniä", "satoja" are not numbers (tiedote.numbers.words).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Final

import regex

from tiedote.lang.lexicon import lexicon
from tiedote.numbers import words as numwords
from tiedote.numbers.fractions import fractions, share_value
from tiedote.numbers.scale import (
    Num,
    apply_scale,
    clean,
    compound_duration,
    decimal_point,
    scale_at,
)
from tiedote.text.segment import Token

# Num is re-exported: the number record every later stage reads
__all__ = ["Num", "every_phrases", "number_starts", "read_numbers"]

_GROUP_RE: Final = regex.compile(r"[0-9]{3}(?:,[0-9]+)?")
_DASHES: Final = frozenset({"–", "-", "—", "‒"})
_SIGNS: Final = frozenset({"-", "−", "+", "–"})
_OPENERS: Final = frozenset("([")
_MAX_DIGITS: Final = 30


# HTML entities of a space between digit groups, as tokenized: "&nbsp;" is "&", "nbsp", ";"
_SPACE_ENTITIES: Final = frozenset({"nbsp", "thinsp", "#160", "#8239", "#8201", "#x00a0", "#xa0", "#x202f"})


def _after_space_entity(toks: list[Token], j: int) -> int:
    """The index of the digit group after a space entity glued between groups at toks[j], else -1."""
    n = len(toks)
    if j + 3 >= n or toks[j].text != "&" or toks[j].space_before:
        return -1
    name, k = toks[j + 1].lower, j + 2
    if name == "#" and toks[j + 2].kind == "num":  # "&#160;" is "&", "#", "160", ";"
        name, k = "#" + toks[j + 2].text, j + 3
    if name not in _SPACE_ENTITIES or k + 1 >= n or toks[k].text != ";":
        return -1
    glued = all(not toks[m].space_before for m in range(j + 1, k + 2))
    return k + 1 if glued and toks[k + 1].kind == "num" else -1


def _read_digits(toks: list[Token], i: int) -> Num | None:
    """A digit number starting at toks[i]: groups, decimal comma and a scale word."""
    t = toks[i]
    if "." in t.text:
        if not decimal_point(toks, i):
            return Num(i, i + 1, t.start, t.end, None, rule="number.dotted", dotted=True, first_digits=t.text)
        num = Num(i, i + 1, t.start, t.end, clean(float(t.text)), rule="number.decimal_point", decimal=True,
                  first_digits=t.text)
        apply_scale(toks, num)
        return num
    text = t.text
    # "1,2,3" is a list, not a number; a run of digits longer than any figure is an
    # identifier (and past 4300 digits int() refuses it)
    if text.count(",") > 1 or len(text) > _MAX_DIGITS:
        return Num(i, i + 1, t.start, t.end, None, rule="number.not_a_figure", dotted=True, first_digits=text)
    j = i + 1
    grouped = False
    # a first group of 1-3 digits not starting with 0 (the token holds only ASCII digits here)
    if len(text) <= 3 and text[0] != "0" and "," not in text:
        while j < len(toks) and "," not in toks[j - 1].text:
            if (toks[j].kind == "num" and toks[j].space_before and toks[j].start == toks[j - 1].end + 1
                    and _GROUP_RE.fullmatch(toks[j].text)):
                text += toks[j].text
                grouped = True
                j += 1
                continue
            # "40&nbsp;000", "1&#160;200": a space written as an HTML entity (text pasted from a page)
            k = _after_space_entity(toks, j) if toks[j].text == "&" else -1
            if k < 0 or not _GROUP_RE.fullmatch(toks[k].text):
                break
            text += toks[k].text
            grouped = True
            j = k + 1
    # the digits' value, written here (no call: asked of every digit number)
    value: int | float = float(text.replace(",", ".")) if "," in text else int(text)
    end = toks[j - 1].end
    start = t.start
    rule = "number.grouped" if grouped else "number.digits"
    # "−0,3 prosenttia", "-1,2 %", "+4 %": a sign glued to the digits, not a dash between numbers
    # "(+7,4 %)", "(−1,2 %)": a sign just inside a bracket
    sign = ""
    if i > 0 and not t.space_before and toks[i - 1].text in _SIGNS and (
            i == 1 or toks[i - 1].space_before or toks[i - 2].text in _OPENERS) and (
            i < 2 or toks[i - 2].kind != "num"):
        start = toks[i - 1].start
        sign = "+" if toks[i - 1].text == "+" else "-"
        if sign == "-":
            value = -value
        rule += "+sign"
    num = Num(i, j, start, end, value, rule=rule, grouped=grouped, decimal="," in text, first_digits=t.text,
              sign=sign)
    # "joka 290:s kuljettaja": every 290th, a share like "joka viides"
    if (j + 1 < len(toks) and toks[j].text == ":" and i > 0 and toks[i - 1].lower in fractions().every_before
            and not sign and not toks[j].space_before and toks[j + 1].lower in ("s", "nnes")
            and not toks[j + 1].space_before and isinstance(value, int) and value > 1):
        return Num(i, j, start, end, clean(share_value(value)), rule="number.share_every", share=True,
                   first_digits=t.text)
    if j < len(toks) and toks[j].kind == "word":  # only a word can be a scale
        apply_scale(toks, num)
        # "9 minuutissa ja 40 sekunnissa": the parts may be joined by "ja"
        second = j + 2 if j + 3 < len(toks) and toks[j + 1].lower == "ja" else j + 1
        if second + 1 < len(toks) and toks[second].kind == "num" and "scale" not in num.rule and not num.decimal:
            compound_duration(toks, num, second)
    return num


def _read_fraction(toks: list[Token], i: int) -> Num | None:
    """"neljännes", "joka viides", "neljännesmiljoona": a fraction word at toks[i] (or after "joka")."""
    fr = fractions()
    low = toks[i].lower
    if low in fr.every_before:  # "joka toinen": the ordinal after it
        if i + 1 >= len(toks) or toks[i + 1].lower not in fr.every:
            return None
        i += 1
        low = toks[i].lower
    t = toks[i]
    n = fr.shares.get(low)
    if n is not None:
        return Num(i, i + 1, t.start, t.end, clean(share_value(n)), rule="number.share", is_word=True, share=True)
    n = fr.every.get(low)
    if n is not None and i > 0 and toks[i - 1].lower in fr.every_before:
        return Num(i, i + 1, t.start, t.end, clean(share_value(n)), rule="number.share_every", is_word=True,
                   share=True)
    value = fr.scaled.get(low)
    if value is not None:
        return Num(i, i + 1, t.start, t.end, value, rule="number.words", is_word=True)
    return None


def _read_word(toks: list[Token], i: int) -> Num | None:
    t = toks[i]
    if t.lower[:3] in fractions().starts or t.lower in fractions().every_before:
        frac = _read_fraction(toks, i)
        if frac is not None:
            return frac
    if not numwords.may_start_number(t.lower):
        return None
    vague = numwords.vague_value(t.lower)
    if vague is not None:
        # "parin päivän päähän": only before a word, never alone ("pari" = a couple)
        if i + 1 < len(toks) and toks[i + 1].kind == "word":
            value, qual = vague
            num = Num(i, i + 1, t.start, t.end, value, rule="number.vague", is_word=True, qualifier=qual)
            apply_scale(toks, num)  # "parilla miljoonalla"
            return num
        return None
    words: list[str] = []
    for k in range(i, min(i + 6, len(toks))):
        if toks[k].kind != "word":
            break
        words.append(toks[k].lower)
    parsed = numwords.parse_number_words(words)
    if parsed is None:
        return None
    value, used = parsed
    k = i + used
    # "kaksi kolmasosaa": a cardinal multiplies the fraction after it
    if k < len(toks) and toks[k].lower in fractions().multiplied:
        share = clean(share_value(fractions().shares[toks[k].lower], value))
        return Num(i, k + 1, t.start, toks[k].end, share, rule="number.share", is_word=True, share=True)
    # value 1 is read, and kept only before a unit (nonclaims: "yksi syy", "yhdessä" are words)
    rule = "number.words.one" if value == 1 else "number.words"
    num = Num(i, k, t.start, toks[k - 1].end, clean(value), rule=rule, is_word=True)
    apply_scale(toks, num)
    return num


def _colon_case(toks: list[Token], j: int) -> int:
    """Skip a colon case ending right after a number ("30 000:een", "%:iin"); return the next index."""
    if (j + 1 < len(toks) and toks[j].text == ":" and not toks[j].space_before
            and toks[j + 1].kind == "word" and not toks[j + 1].space_before):
        return j + 2
    return j


def _read_one(toks: list[Token], i: int) -> Num | None:
    t = toks[i]
    if t.kind == "num":
        return _read_digits(toks, i)
    if t.kind == "word":
        return _read_word(toks, i)
    return None


def _range(toks: list[Token], first: Num) -> Num:
    """Extend a number into a range when a dash or "ja … välillä" joins a second one."""
    j = first.j
    if first.dotted or first.value is None:
        return first
    if j + 1 < len(toks) and toks[j].text in _DASHES:
        nxt = toks[j + 1]
        # "2–3", "3 500–4 000", "2 – 3"; but not "2018–" followed by a word
        if nxt.kind == toks[first.i].kind:
            second = _read_one(toks, j + 1)
            if second is not None and second.value is not None and not second.dotted:
                return _make_range(toks, first, second)
    # "40 000:n ja 80 000:n välillä" (a colon case ending, as _colon_case skips it, then "ja")
    k = _colon_case(toks, j)
    if k != j and k + 1 < len(toks) and toks[k].lower == "ja":
        second = _read_one(toks, k + 1)
        if second is not None and second.value is not None:
            m = _colon_case(toks, second.j)
            if m < len(toks) and toks[m].lower in ("välillä", "välille", "väliltä", "välissä"):
                rng = _make_range(toks, first, second)
                rng.rule = "number.range.valilla"
                return rng
    return first


def _make_range(toks: list[Token], first: Num, second: Num) -> Num:
    low, high = first.value, second.value
    assert low is not None and high is not None
    # "2–3 miljoonaa": the scale written after the second end applies to both
    if "scale" in second.rule and "scale" not in first.rule and high > low * 1000:
        found = scale_at(toks, second.j - (2 if toks[second.j - 1].text == "." else 1))
        if found:
            low = clean(float(Decimal(str(low)) * found[0]))
    return Num(first.i, second.j, first.start, second.end, None, low=low, high=high,
               rule="number.range", is_word=first.is_word, grouped=first.grouped or second.grouped,
               decimal=first.decimal or second.decimal, first_digits=first.first_digits)


@cache
def every_phrases() -> tuple[str, ...]:
    """ "joka toinen": the "every N:th" phrases whose ordinal no number word begins like, which a
    sentence with no digit is searched for besides the starts."""
    fr = fractions()
    starts = number_starts()
    return tuple(f"{b} {o}" for b in sorted(fr.every_before) for o in sorted(fr.every) if o[:3] not in starts)


@cache
def number_starts() -> frozenset[str]:
    """The first three letters of every number word and fraction word."""
    return numwords.lexicon().starts | fractions().starts


@cache
def _candidate_starts() -> frozenset[str]:
    """The first three letters of a word that may start a number: :func:`number_starts` and those of
    "joka" ("joka toinen"); a word of them that starts none ("jokainen") is passed over by read_numbers."""
    return number_starts() | {w[:3] for w in fractions().every_before}


def read_numbers(toks: list[Token]) -> list[Num]:
    """Every number in a sentence's tokens, left to right, none overlapping."""
    out: list[Num] = []
    starts = _candidate_starts()
    # Most tokens start no number: punctuation, or a word no number word begins like
    # (could_start_number_word).  One comprehension picks the others, in order; the starts are
    # letters, so no symbol is among them and the kind of a word need not be asked.
    candidates = [i for i, t in enumerate(toks) if t.kind == "num" or t.lower[:3] in starts]
    done = 0  # tokens before this are part of a number already read
    for i in candidates:
        if i < done:
            continue
        num = _read_one(toks, i)
        if num is None:
            continue
        j = num.j
        # _range's own first tests: only a dash or a colon case right after the number can join a second
        if not num.dotted and num.value is not None and j + 1 < len(toks) and (
                toks[j].text in _DASHES or toks[j].text == ":"):
            num = _range(toks, num)
        out.append(num)
        done = num.j
        # a bracket right after the number, or after its unit word: only then a comparison figure
        b = num.j
        compared = _bracketed(toks, num) if (b < len(toks) and toks[b].text == "(" or b + 1 < len(toks)
                                             and toks[b + 1].text == "(") else None
        if compared is not None:
            out.append(compared)
            done = max(compared.j + 1, compared.tail)
    return out


def _unit_name(toks: list[Token], k: int) -> str | None:
    t = toks[k]
    return "percent" if t.text == "%" else lexicon().unit_of(t.text, t.lower)


def _bracketed(toks: list[Token], num: Num) -> Num | None:
    """"Liikevaihto oli 45,2 (42,1) milj. euroa": the comparison figure of a financial release.

    The bracket holds the same measure a year earlier; the scale and unit after the
    bracket belong to both figures, so both get them and read their unit at ``tail``.
    """
    j = num.j
    n = len(toks)
    # cheap first: a bracket right after the number or after one unit word
    if num.value is None or num.is_word or num.dotted or not (
            j < n and toks[j].text == "(" or j + 1 < n and toks[j + 1].text == "("):
        return None
    unit_at = -1
    # "oli 183,5 miljoonaa euroa (191,5)", "25,8 prosenttia (25,9)": the bracket after the unit
    if j + 3 < len(toks) and (toks[j].text == "%" or lexicon().unit_of(toks[j].text, toks[j].lower)):
        unit_at, j = j, j + 1
    elif "scale" in num.rule:
        return None
    if j + 2 >= len(toks) or toks[j].text != "(" or not toks[j].space_before:
        return None
    k = j + 1
    if toks[k].text in _SIGNS and k + 1 < len(toks) and not toks[k + 1].space_before:
        k += 1
    if toks[k].kind != "num":
        return None
    second = _read_digits(toks, k)
    if second is None or second.value is None or second.dotted or second.j >= len(toks):
        return None
    # "(166,0 Me)", "(0,39 e)": the old level with a scale or unit of its own
    own = "scale" in second.rule or (second.j + 1 < len(toks) and toks[second.j + 1].text == ")" and (
        toks[second.j].text == "%" or lexicon().unit_of(toks[second.j].text, toks[second.j].lower) is not None))
    if toks[second.j].text != ")" and not own:
        return None
    # "5,7 miljoonaa euroa (-0,8 %)": a bracketed figure in another unit is the change, not the old level
    if own and unit_at >= 0 and _unit_name(toks, unit_at) != (second.unit_hint or _unit_name(toks, second.j)):
        return None
    after = second.j + 1
    second.compared = True
    if own:
        second.tail = -1 if toks[second.j].text != ")" else second.tail
        return second
    if unit_at >= 0:  # the unit stands before the bracket: the old level takes it and the scale
        second.tail = unit_at
        if num.scale != 1 and second.value is not None:
            second.value = clean(float(Decimal(str(second.value)) * num.scale))
            second.scale = num.scale
            second.rule += "+scale"
        return second
    num.tail = second.tail = after
    apply_scale(toks, num, after)
    apply_scale(toks, second, after)
    return second
