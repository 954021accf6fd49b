"""Numbers of real text that are not claims (contract.md, "More numbers that are not claims").

Statute and document numbers, page numbers, ranks, the window of a period, a
denominator, a threshold that only defines the group counted, school years,
road numbers, formal dates, clock times in words, opening schedules, the
number naming a limit, and ordinary words that look like number words.
``why_not(...)`` returns the rule id, or None; every rule quotes its phrase.
The words are data (``lang/fi/words.toml`` [nonclaim]).
"""

from __future__ import annotations

import regex

from tiedote.claims.measure import tense
from tiedote.lang.lexicon import Lexicon
from tiedote.numbers.mentions import Num
from tiedote.text.segment import Token

# "suurimman", "vilkkaimpien", "pienimmät": the superlative's -imm-/-imp- after a stem
_SUPERLATIVE = regex.compile(r"\w{2,}i(?:mm|mp)\w+")
# an active past participle: "odottaneita", "jonottaneiden", "täyttäneet", "saaneista"
_PARTICIPLE_PL = regex.compile(r"\w+(?:nee|nei)(?:t|ta|tä|den|sta|stä|lle|lla|llä|ssa|ssä)?")
_PARTICIPLE_SG = regex.compile(r"\w+(?:nut|nyt)")
_TIME = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_YEAR = regex.compile(r"(?:18|19|20|21)[0-9]{2}")
_WORD_ABLATIVE = ("lta", "ltä")


def _low(toks: list[Token], k: int) -> str:
    return toks[k].lower if 0 <= k < len(toks) else ""


def _starts(word: str, stems: frozenset[str]) -> bool:
    return any(word.startswith(s) for s in stems)


def _time_unit_at(toks: list[Token], k: int, lex: Lexicon) -> bool:
    return 0 <= k < len(toks) and lex.unit_forms.get(toks[k].lower) in _TIME


def _other_figure(toks: list[Token], num: Num) -> bool:
    """Another digit figure in the sentence, so this number is not the sentence's only one."""
    return any(t.kind == "num" and not (num.i <= k < num.j) for k, t in enumerate(toks))


def why_not(toks: list[Token], num: Num, lex: Lexicon) -> str | None:
    nc = lex.nonclaim
    i, j = num.i, num.j
    prev = _low(toks, i - 1)
    nxt = toks[j] if j < len(toks) else None
    nlow = nxt.lower if nxt is not None else ""

    if not num.is_word:
        # "laki 1202/2011", "(729/2018)", "91/628/ETY", "N:o 1255/97": numbers joined by slashes
        glued_slash_after = nxt is not None and nxt.text == "/" and not nxt.space_before and j + 1 < len(toks) \
            and not toks[j + 1].space_before and toks[j + 1].kind in ("num", "word") and toks[j + 1].text[:1] != "h"
        glued_slash_before = i >= 2 and toks[i - 1].text == "/" and not toks[i - 1].space_before \
            and not toks[i].space_before and toks[i - 2].kind == "num"
        if glued_slash_after or glued_slash_before:
            return "nonclaim.statute"
        # "s. 4", "sivulla 14": a page number
        if prev in nc["page"] or (prev == "." and _low(toks, i - 2) in nc["page"] and not toks[i - 1].space_before):
            return "nonclaim.page"
        # "Liitteet 1. Periaatteet 2. Segmentit": list numbers inside a line
        if nxt is not None and nxt.text == "." and not nxt.space_before and j + 1 < len(toks) \
                and toks[j + 1].kind == "word" and toks[j + 1].text[:1].isupper() and num.value is not None \
                and num.value < 100 and not num.decimal:
            return "nonclaim.list_number"
        # "Sisältö: 1. Johdanto 2. Tulokset": the sentence splitter ends a sentence at "2.", so the
        # list number stands last, after a heading's capitalised words only
        if nxt is not None and nxt.text == "." and j + 1 == len(toks) and 0 < i <= 3 and num.value is not None \
                and not num.decimal and num.value < 100 and toks[0].text[:1].isupper() and all(
                    t.kind == "word" and tense(t.lower) is None or t.text in ",:-–" for t in toks[:i]):
            return "nonclaim.list_number"
        # "2017-10-25 07:00", "julkaistu 14.11.2025 07:17": an ISO date and a clock time with a colon
        if _glued(toks, j, "-") and num.value is not None and _YEAR.fullmatch(toks[i].text) \
                or num.low is not None and _YEAR.fullmatch(toks[i].text) and _glued(toks, j, "-"):
            return "nonclaim.date_or_time"
        if i >= 2 and toks[i - 1].text == "-" and not toks[i - 1].space_before and not toks[i].space_before \
                and (_YEAR.fullmatch(toks[i - 2].text) or i >= 4 and _YEAR.fullmatch(toks[i - 4].text)
                     and toks[i - 3].text == "-"):
            return "nonclaim.date_or_time"
        if _glued(toks, j, ":") and len(toks[j + 1].text) == 2 and toks[j + 1].kind == "num" \
                and num.value is not None and 0 <= num.value <= 24:
            return "nonclaim.clock"
        if i >= 2 and toks[i - 1].text == ":" and not toks[i - 1].space_before and not toks[i].space_before \
                and toks[i - 2].kind == "num" and len(toks[i].text) == 2:
            return "nonclaim.clock"
        # "(1562–1621)", "lukuvuonna 2014–2015": a range of years
        if num.low is not None and _YEAR.fullmatch(str(num.low)) and _YEAR.fullmatch(str(num.high)) and (
                nxt is None or nxt.kind == "sym" or _starts(prev, nc["year_range_before"]) or prev == "("):
            return "nonclaim.year_range"
        # "iPhone 6", "IFRS 16": a name written with capitals inside or throughout
        if i > 0 and toks[i - 1].kind == "word" and len(toks[i - 1].text) > 1 and first_is_name(toks[i - 1].text) \
                and lex.unit_of(toks[i - 1].text, prev) is None:
            return "nonclaim.name"
    # "rikoslain 23 luvun 3 §": a chapter of a statute
    if nlow in nc["statute_chapter"] and (prev in nc["statute_name_end"] or prev.endswith("lain")):
        return "nonclaim.statute"
    # "valtatiellä 4": a road's number
    if _starts(prev, nc["road_stem"]):
        return "nonclaim.name"
    # "1 päivänä huhtikuuta 2019": a formal date
    if nlow in nc["formal_day"] and _low(toks, j + 1).endswith(tuple(nc["month_partitive_end"])):
        return "nonclaim.formal_date"
    # "100 000 asukasta kohden", "yhtä aloituspaikkaa kohden": a denominator
    if nxt is not None and nxt.kind == "word" and _low(toks, j + 1) in nc["per_after"]:
        return "nonclaim.denominator"
    # "sijalla 4", "kolmen suurimman kaupungin", "kymmenen parhaan joukossa": a rank
    if prev in nc["rank_before"] or (nxt is not None and nxt.kind == "word" and (
            _SUPERLATIVE.fullmatch(nlow) is not None or _starts(nlow, nc["rank_stem"]))):
        return "nonclaim.rank"
    # "ylittyykö 6000 raja": a number naming a limit
    if nlow in nc["threshold_noun"]:
        return "nonclaim.limit_name"
    if num.share:
        return _share_not(toks, num, nc)
    if num.rule.startswith("number.words.one") and not _counts_a_unit(toks, num, lex):
        return "nonclaim.one_as_word"  # "yksi syy", "yhdessä", "yhtä paljon"
    if num.is_word:
        word = toks[i].lower
        # "oli alkanut sataa", "sataa lunta": the verb "to rain"
        if word == "sataa" and j == i + 1 and (prev in nc["rain_before"] or nlow in nc["rain_after"] or nxt is None
                                               or nxt.kind == "sym"):
            return "nonclaim.word_not_number"
        # "asian parissa": a postposition after a genitive
        if word in nc["pair_postposition"] and prev.endswith("n"):
            return "nonclaim.word_not_number"
        # "yöllä kolmelta", "puoli neljältä": the hour in words (ablative, no noun agreeing with it)
        if word.endswith(_WORD_ABLATIVE) and j == i + 1 and not nlow.endswith(_WORD_ABLATIVE) and (
                prev in nc["day_part"] or _low(toks, i - 2) in nc["day_part"] or nxt is None or nxt.kind == "sym"):
            return "nonclaim.clock_words"
        # "illalla seitsemän ja kahdeksan välillä"
        if (prev in nc["day_part"] or _low(toks, i - 2) in nc["day_part"]) and nlow in ("ja", "–", "-") \
                and num.value is not None and num.value <= 24:
            return "nonclaim.clock_words"
        if prev == "ja" and _low(toks, i - 3) in nc["day_part"] and num.value is not None and num.value <= 24 \
                and nlow.startswith("väli"):
            return "nonclaim.clock_words"
        # "auki kolmena päivänä viikossa": an opening schedule
        if word.endswith(("na", "nä")) and nlow.endswith(("na", "nä")) and any(
                _low(toks, k) in nc["opening"] for k in range(max(0, i - 3), i)):
            return "nonclaim.opening_schedule"
    # "14 viime päivän aikana", "neljän päivän aikana" (with the figure beside it): the window's number
    k = j + 1 if nlow in nc["window_before"] else j
    if _time_unit_at(toks, k, lex) and _low(toks, k + 1) in nc["window_after"] and (
            k > j or _other_figure(toks, num) or num.is_word and _other_word_figure(toks, num)):
        return "nonclaim.window"
    if _time_unit_at(toks, j, lex):
        return _threshold(toks, num, lex)
    return _dose_threshold(toks, num, lex)


def _dose_threshold(toks: list[Token], num: Num, lex: Lexicon) -> str | None:
    """"12 vuotta täyttäneistä kaksi annosta on saanut 84,1 prosenttia": the count received defines
    the group whose share follows ("3 000 asiakasta on saanut 50 % alennuksen" stays a count)."""
    j = num.j
    if j >= len(toks) or toks[j].kind != "word" or lex.unit_of(toks[j].text, toks[j].lower) is not None:
        return None
    k = j + 1
    if _low(toks, k) in ("on", "ovat", "oli", "olivat"):
        k += 1
    if k + 2 >= len(toks) or not (_PARTICIPLE_SG.fullmatch(toks[k].lower) or _PARTICIPLE_PL.fullmatch(toks[k].lower)):
        return None
    share, unit = toks[k + 1], toks[k + 2]
    if share.kind != "num" or not (unit.text == "%" or unit.lower.startswith("prosent")):
        return None
    after = toks[k + 3] if k + 3 < len(toks) else None
    if after is None or after.kind == "sym" or after.lower in ("ja", "sekä", "kun", "mutta"):
        return "nonclaim.group_threshold"
    return None


def _glued(toks: list[Token], j: int, sym: str) -> bool:
    """toks[j] is ``sym`` written between two tokens without spaces ("2017-10", "07:00")."""
    return j + 1 < len(toks) and toks[j].text == sym and not toks[j].space_before \
        and not toks[j + 1].space_before and toks[j + 1].kind == "num"


def first_is_name(word: str) -> bool:
    """"iPhone", "IFRS", "PlayStation": capitals inside a word or throughout it (two letters or more)."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    return all(c.isupper() for c in letters) or any(c.isupper() for c in letters[1:])


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
    if word.startswith("neljänne") and (_starts(prev, nc["quarter_before"]) or (
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
        if toks[k].kind != "word":
            break
        if _PARTICIPLE_PL.fullmatch(toks[k].lower) and not lex.unit_forms.get(toks[k].lower):
            return "nonclaim.group_threshold"
    qualified = any(lex.qualifier(_low(toks, k)) is not None for k in range(max(0, num.i - 2), num.i))
    before = range(max(0, num.i - 8), num.i)
    # "oli jonottanut yli kolme kuukautta", after the group's own figure
    if qualified and any(_PARTICIPLE_SG.fullmatch(toks[k].lower) for k in before) and any(
            toks[k].kind == "num" or toks[k].lower == "puolet" for k in range(num.i)):
        return "nonclaim.group_threshold"
    # "97 prosenttia käsiteltiin kolmen viikon kuluessa"
    if _low(toks, j + 1) in nc["limit_after"] and any(
            toks[k].text == "%" or toks[k].lower.startswith("prosent") for k in before):
        return "nonclaim.group_threshold"
    return None
