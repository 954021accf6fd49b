"""Numbers of real text that are not claims (contract.md, "More numbers that are not claims").

Statute and document numbers, page numbers, ranks, the window of a period, a
denominator, a threshold that only defines the group counted, school years,
road numbers, formal dates, clock times in words, opening schedules, the
number naming a limit, and ordinary words that look like number words.
``why_not(...)`` returns the rule id, or None; every rule quotes its phrase.
The words are data (``lang/fi/words.toml`` [nonclaim]).
"""

from __future__ import annotations

from functools import cache
from typing import Final, NamedTuple

import regex

from tiedote.claims.wordform import tense
from tiedote.lang.lexicon import Lexicon
from tiedote.lang.morphology import is_adverb
from tiedote.numbers.mentions import Num
from tiedote.text.segment import Token

# "suurimman", "vilkkaimpien", "pienimmät": the superlative's -imm-/-imp- after a stem
_SUPERLATIVE: Final = regex.compile(r"\w{2,}i(?:mm|mp)\w+")
# Endings, not words (morphology stays in code): the active past participle that names a group
# ("odottaneita", "oli jonottanut"), the ablative of an hour in words ("kolmelta") and the
# essive of a count of days ("kolmena päivänä")
_PARTICIPLE_PLURAL: Final = ("neet", "neita", "neitä", "neiden", "neista", "neistä", "neille", "neilla", "neillä",
                      "neissa", "neissä", "neihin", "neiksi", "neina", "neinä")
_PARTICIPLE_SINGULAR: Final = ("nut", "nyt")
_PARTICIPLE: Final = _PARTICIPLE_PLURAL + _PARTICIPLE_SINGULAR
_ABLATIVE: Final = ("lta", "ltä")
_ESSIVE: Final = ("na", "nä")
_TIME: Final = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_YEAR: Final = regex.compile(r"(?:18|19|20|21)[0-9]{2}")


def _low(toks: list[Token], k: int) -> str:
    return toks[k].lower if 0 <= k < len(toks) else ""


@cache
def _tuple(stems: frozenset[str]) -> tuple[str, ...]:
    """A word list as the tuple str.startswith takes, made once per list."""
    return tuple(stems)


class _Stems(NamedTuple):
    """The stem lists every number asks about, as tuples for str.startswith, made once per lexicon."""

    road: tuple[str, ...]
    rank: tuple[str, ...]
    ordinal: tuple[str, ...]


_STEMS: list[tuple[dict[str, frozenset[str]], _Stems]] = []


def _stems(nc: dict[str, frozenset[str]]) -> _Stems:
    """The tuples of the lexicon's own lists (a test may load another lexicon: then they are made anew)."""
    if not _STEMS or _STEMS[0][0] is not nc:
        _STEMS[:] = [(nc, _Stems(tuple(nc["road_stem"]), tuple(nc["rank_stem"]), tuple(nc["ordinal_stem"])))]
    return _STEMS[0][1]


def _starts(word: str, stems: frozenset[str]) -> bool:
    return word.startswith(_tuple(stems))


def _time_unit_at(toks: list[Token], k: int, lex: Lexicon) -> bool:
    return 0 <= k < len(toks) and lex.unit_forms.get(toks[k].lower) in _TIME


def _other_figure(toks: list[Token], num: Num) -> bool:
    """Another digit figure in the sentence, so this number is not the sentence's only one."""
    return any(t.kind == "num" and not (num.i <= k < num.j) for k, t in enumerate(toks))


def why_not(toks: list[Token], num: Num, lex: Lexicon) -> str | None:
    nc = lex.nonclaim
    # the lexicon's stems as tuples, kept (see _stems), without a call per number
    stems = _STEMS[0][1] if _STEMS and _STEMS[0][0] is nc else _stems(nc)
    i, j = num.i, num.j
    n = len(toks)
    prev = toks[i - 1].lower if i > 0 else ""
    nxt = toks[j] if j < n else None
    nlow = nxt.lower if nxt is not None else ""
    if not num.is_word:
        found = _digits_not(toks, num, prev, nxt, lex)
        if found is not None:
            return found
    if num.share:
        return _share_not(toks, num, nc)
    if prev:
        # "sijalla 4": a rank
        if prev in nc["rank_before"]:
            return "nonclaim.rank"
        # "valtatiellä 4": a road's number
        if prev.startswith(stems.road):
            return "nonclaim.name"
    time_unit = False
    if nxt is not None and nxt.kind == "word":
        after = toks[j + 1].lower if j + 1 < n else ""
        # "rikoslain 23 luvun 3 §": a chapter of a statute
        if nlow in nc["statute_chapter"] and (prev in nc["statute_name_end"]
                                               or prev.endswith(_tuple(nc["statute_name_suffix"]))):
            return "nonclaim.statute"
        # "1 päivänä huhtikuuta 2019": a formal date
        if nlow in nc["formal_day"] and after.endswith(_tuple(nc["month_partitive_end"])):
            return "nonclaim.formal_date"
        # "100 000 asukasta kohden", "yhtä aloituspaikkaa kohden": a denominator
        if after in nc["per_after"]:
            return "nonclaim.denominator"
        # "kolmen suurimman kaupungin", "kymmenen parhaan joukossa": a rank
        if ("imm" in nlow or "imp" in nlow) and _SUPERLATIVE.fullmatch(nlow) is not None \
                and not nlow.startswith(stems.ordinal) or nlow.startswith(stems.rank):
            return "nonclaim.rank"
        # "ylittyykö 6000 raja": a number naming a limit
        if nlow in nc["threshold_noun"]:
            return "nonclaim.limit_name"
        time_unit = lex.unit_forms.get(nlow) in _TIME
        # "14 viime päivän aikana", "neljän päivän aikana" (with the figure beside it): the window's number
        k = j + 1 if nlow in nc["window_before"] else j
        if (k > j or time_unit) and _time_unit_at(toks, k, lex) and _low(toks, k + 1) in nc["window_after"] and (
                k > j or _other_figure(toks, num) or num.is_word and _other_word_figure(toks, num)):
            return "nonclaim.window"
    if num.rule.startswith("number.words.one") and not _counts_a_unit(toks, num, lex):
        return "nonclaim.one_as_word"  # "yksi syy", "yhdessä", "yhtä paljon"
    if num.is_word:
        found = _word_not(toks, num, prev, nlow, nc)
        if found is not None:
            return found
    if time_unit:
        return _threshold(toks, num, lex)
    # _dose_threshold's cheap first test here: a participle one or two words after the noun (most
    # figures with a word after them have none, and need no call)
    if nxt is not None and nxt.kind == "word" and j + 3 < n and (
            toks[j + 1].lower.endswith(_PARTICIPLE) or toks[j + 2].lower.endswith(_PARTICIPLE)):
        return _dose_threshold(toks, num, lex)
    return None


def _word_not(toks: list[Token], num: Num, prev: str, nlow: str, nc: dict[str, frozenset[str]]) -> str | None:
    """Number words that are other words, or the hour ("alkoi sataa", "asian parissa", "yöllä kolmelta")."""
    i, j = num.i, num.j
    nxt = toks[j] if j < len(toks) else None
    word = toks[i].lower
    # "oli alkanut sataa", "sataa lunta": the verb "to rain"
    # ("heinäkuussa sataa 60–90 millimetriä", "sataa runsaasti": a hundred is followed by no digits
    # and no adverb)
    if word == "sataa" and j == i + 1 and (prev in nc["rain_before"] or nlow in nc["rain_after"] or nxt is None
                                           or nxt.kind in ("sym", "num") or is_adverb(nlow)):
        return "nonclaim.word_not_number"
    # "asian parissa": a postposition after a genitive
    if word in nc["pair_postposition"] and prev.endswith("n"):
        return "nonclaim.word_not_number"
    day_part = prev in nc["day_part"] or _low(toks, i - 2) in nc["day_part"]
    # "yöllä kolmelta", "puoli neljältä": the hour in words (ablative, no noun agreeing with it)
    if word.endswith(_ABLATIVE) and j == i + 1 and not nlow.endswith(_ABLATIVE) and (
            day_part or nxt is None or nxt.kind == "sym"):
        return "nonclaim.clock_words"
    # "illalla seitsemän ja kahdeksan välillä"
    if day_part and nlow in nc["clock_range_joiner"] and num.value is not None and num.value <= 24:
        return "nonclaim.clock_words"
    if prev in nc["clock_range_joiner"] and _low(toks, i - 3) in nc["day_part"] and num.value is not None \
            and num.value <= 24 and nlow in nc["clock_range_between"]:
        return "nonclaim.clock_words"
    # "auki kolmena päivänä viikossa": an opening schedule
    if word.endswith(_ESSIVE) and nlow.endswith(_ESSIVE) and any(
            _low(toks, k) in nc["opening"] for k in range(max(0, i - 3), i)):
        return "nonclaim.opening_schedule"
    return None

def _digits_not(toks: list[Token], num: Num, prev: str, nxt: Token | None, lex: Lexicon) -> str | None:
    """The non-claims only digits can be; most checks look first at the symbol glued after or before."""
    nc = lex.nonclaim
    i, j = num.i, num.j
    n = len(toks)
    if i > 0 and toks[i - 1].text == "§":
        return "nonclaim.statute"  # "(KH 4.11.2024 § 312)": a section or decision number
    # "(2015=100)": the base year of an index and its value there
    if (nxt is not None and nxt.text == "=" and _YEAR.fullmatch(toks[i].text)) or (
            i >= 2 and toks[i - 1].text == "=" and _YEAR.fullmatch(toks[i - 2].text)):
        return "nonclaim.index_base"
    if nxt is not None and not nxt.space_before and nxt.text in "/.-:":
        after = toks[j + 1] if j + 1 < n else None
        glued = after is not None and not after.space_before
        # "laki 1202/2011", "(729/2018)", "91/628/ETY", "N:o 1255/97": numbers joined by slashes
        if nxt.text == "/" and glued and after is not None and after.kind in ("num", "word") \
                and after.text[:1] != "h":
            return "nonclaim.statute"
        if nxt.text == "." and num.value is not None and not num.decimal and num.value < 100:
            # "Liitteet 1. Periaatteet 2. Segmentit": list numbers inside a line
            if after is not None and after.kind == "word" and after.text[:1].isupper():
                return "nonclaim.list_number"
            # "Sisältö: 1. Johdanto 2. Tulokset": the sentence splitter ends a sentence at "2.", so the
            # list number stands last, after a heading's few capitalised words with no verb
            if after is None and 0 < i <= 3 and toks[0].text[:1].isupper() and all(
                    t.kind == "word" and tense(t.lower) is None or t.text in ",:-–" for t in toks[:i]):
                return "nonclaim.list_number"
        # "2017-10-25 07:00": an ISO date
        if nxt.text == "-" and glued and after is not None and after.kind == "num" \
                and _YEAR.fullmatch(toks[i].text):
            return "nonclaim.date_or_time"
        # "07:00", "julkaistu 14.11.2025 07:17": a clock time with a colon
        if nxt.text == ":" and glued and after is not None and after.kind == "num" and len(after.text) == 2 \
                and num.value is not None and 0 <= num.value <= 24:
            return "nonclaim.clock"
    if i >= 2 and not toks[i].space_before and toks[i - 1].text in "/-:" and not toks[i - 1].space_before:
        sym, before = toks[i - 1].text, toks[i - 2]
        if sym == "/" and before.kind == "num":
            return "nonclaim.statute"  # "1255/97"
        if sym == "-" and (_YEAR.fullmatch(before.text) or i >= 4 and _YEAR.fullmatch(toks[i - 4].text)
                           and toks[i - 3].text == "-"):
            return "nonclaim.date_or_time"  # "2017-10-25"
        if sym == ":" and before.kind == "num" and len(toks[i].text) == 2:
            return "nonclaim.clock"  # "07:00"
    # "+358 50 123 4567": an international phone number
    if num.sign == "+" and toks[i].text.startswith("358") and (nxt is None or nxt.kind == "num"):
        return "nonclaim.phone"
    # "Tivi 250 -listan", "IFRS 16 -standardin": the number is the first part of a compound name
    if nxt is not None and nxt.text in "-–" and nxt.space_before and j + 1 < len(toks) \
            and not toks[j + 1].space_before and toks[j + 1].kind == "word" and toks[j + 1].text.islower():
        return "nonclaim.name"
    # "Snapdragon 615-suoritin": a model number glued to the noun it names, after a capitalised name
    if nxt is not None and nxt.text == "-" and not nxt.space_before and j + 1 < len(toks) \
            and not toks[j + 1].space_before and toks[j + 1].kind == "word" and toks[j + 1].text.islower() \
            and i > 1 and toks[i - 1].kind == "word" and toks[i - 1].text[:1].isupper() \
            and not ("-" + toks[j + 1].lower).startswith(_tuple(nc["age_suffix"])):
        return "nonclaim.name"
    # "s. 4", "sivulla 14": a page number
    if prev in nc["page"] or (prev == "." and i >= 2 and toks[i - 2].lower in nc["page"]
                              and not toks[i - 1].space_before):
        return "nonclaim.page"
    # "(1562–1621)", "lukuvuonna 2014–2015": a range of years
    if num.low is not None and _YEAR.fullmatch(str(num.low)) and _YEAR.fullmatch(str(num.high)) and (
            nxt is None or nxt.kind == "sym" or _starts(prev, nc["year_range_before"]) or prev == "("):
        return "nonclaim.year_range"
    # "iPhone 6", "IFRS 16": a name written with capitals inside or throughout
    if i > 0 and toks[i - 1].kind == "word" and not toks[i - 1].text.islower() and first_is_name(toks[i - 1].text) \
            and lex.unit_of(toks[i - 1].text, prev) is None:
        return "nonclaim.name"
    return None


def _dose_threshold(toks: list[Token], num: Num, lex: Lexicon) -> str | None:
    """"12 vuotta täyttäneistä kaksi annosta on saanut 84,1 prosenttia": the count received defines
    the group whose share follows ("3 000 asiakasta on saanut 50 % alennuksen" stays a count)."""
    # (why_not calls it only with a participle one or two words after the noun: its cheap first test)
    j = num.j
    ends = _PARTICIPLE
    if toks[j].kind != "word" or lex.unit_of(toks[j].text, toks[j].lower) is not None:
        return None
    k = j + 1
    if _low(toks, k) in ("on", "ovat", "oli", "olivat"):
        k += 1
    if k + 2 >= len(toks) or not toks[k].lower.endswith(ends):
        return None
    share, unit = toks[k + 1], toks[k + 2]
    if share.kind != "num" or not (unit.text == "%" or unit.lower.startswith("prosent")):
        return None
    after = toks[k + 3] if k + 3 < len(toks) else None
    if after is None or after.kind == "sym" or after.lower in lex.nonclaim["group_share_closer"]:
        return "nonclaim.group_threshold"
    return None


def first_is_name(word: str) -> bool:
    """"iPhone", "IFRS", "PlayStation": capitals inside a word or throughout it (two letters or more)."""
    if len(word) < 2 or not word.isalpha():
        return False
    rest = word[1:]
    return word.isupper() or rest.lower() != rest


def _other_word_figure(toks: list[Token], num: Num) -> bool:
    return any(t.text == "%" or t.lower.startswith("prosent") for t in toks)


def _counts_a_unit(toks: list[Token], num: Num, lex: Lexicon) -> bool:
    """"kasvoi yhden prosenttiyksikön", "yksi euro": value one counting a unit that is no time unit."""
    if num.j >= len(toks):
        return False
    t = toks[num.j]
    unit = lex.unit_of(t.text, t.lower)
    return unit is not None and unit not in _TIME


def _share_not(toks: list[Token], num: Num, nc: dict[str, frozenset[str]]) -> str | None:
    prev = _low(toks, num.i - 1)
    word = toks[num.i].lower
    # "kolmannella neljänneksellä", "Kolmas neljännes sujui": a quarter of the year
    if word.startswith(_tuple(nc["quarter_stem"])) and (_starts(prev, nc["quarter_before"]) or (
            num.j < len(toks) and _YEAR.fullmatch(toks[num.j].text) is not None)):
        return "nonclaim.quarter_of_year"
    # "hyvät puolet", "molemmat puolet": sides
    if word == "puolet" and (prev in nc["sides_before"] or _low(toks, num.i - 2) in nc["sides_before"]):
        return "nonclaim.word_not_number"
    return None


def _threshold(toks: list[Token], num: Num, lex: Lexicon) -> str | None:
    """A duration that only defines the group counted (contract.md):

    "yli neljä kuukautta jonottaneiden määrä", "joista 38 oli odottanut yli kolme
    kuukautta", "niistä 97 prosenttia käsiteltiin kolmen viikon kuluessa".
    """
    nc = lex.nonclaim
    j = num.j
    # the participle of the group after the duration ("hoitoa odottaneita")
    for k in range(j + 1, min(len(toks), j + 4)):
        if toks[k].kind != "word" or toks[k].lower.startswith(_tuple(nc["age_after"])):
            break  # "65 vuotta täyttäneet" is an age (checks.py)
        if toks[k].lower.endswith(_PARTICIPLE_PLURAL) \
                and not lex.unit_forms.get(toks[k].lower):
            return "nonclaim.group_threshold"
    before = range(max(0, num.i - 8), num.i)
    # "oli jonottanut yli kolme kuukautta", after the group's own figure (cheap tests first)
    if any(toks[k].lower.endswith(_PARTICIPLE_SINGULAR) for k in before) and any(
            toks[k].kind == "num" or toks[k].lower == "puolet" for k in range(num.i)) and any(
            lex.qualifier(_low(toks, k)) is not None for k in range(max(0, num.i - 2), num.i)):
        return "nonclaim.group_threshold"
    # "97 prosenttia käsiteltiin kolmen viikon kuluessa"
    if _low(toks, j + 1) in nc["limit_after"] and any(
            toks[k].text == "%" or toks[k].lower.startswith("prosent") for k in before):
        return "nonclaim.group_threshold"
    return None
