"""What is not a claim (contract.md): dates, years, clock times, phone numbers,
postal codes, addresses, list numbers, law sections, ages, scales, ratios and
numbers inside names.

``why_not(...)`` returns the id of the rule that rejects a number, or None when
the number may be a claim.  Every rule quotes the phrase it is for.
"""

from __future__ import annotations

from functools import cache
from typing import Final

import regex

from tiedote.lang.lexicon import Lexicon
from tiedote.nonclaims import forms
from tiedote.numbers.mentions import Num
from tiedote.text.segment import Sentence, Token

# Case endings a word takes when it is not the nominative name of a thing:
# "Suomessa 5 000" is a place, "Olkiluoto 3" a name.
_CASE_ENDINGS: Final = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "na", "nä", "ksi", "n", "t")
# URLs and e-mail addresses: numbers inside are never claims.
URL_RE: Final = regex.compile(
    # Each branch starts only where a run of address characters starts (the look-behinds),
    # so a long run of digits, dots or hyphens is scanned once, not once per position.
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    # possessive groups: a run of "1.1.1." without a domain ending fails without backing off
    r"|(?<![\w.-])(?:[\w-]++\.)++(?:fi|com|org|net|eu)\b\S*")


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``URL_RE`` in ``text``.

    Each branch of ``URL_RE`` needs one of these literals, and most sentences
    hold none: plain substring tests skip the regex scan for them.
    """
    if ("://" in text or "www." in text or "@" in text or ".fi" in text or ".com" in text or ".org" in text
            or ".net" in text or ".eu" in text):
        return [m.span() for m in URL_RE.finditer(text)]
    return []


_NO_WORDS: frozenset[str] = frozenset()  # a list the lexicon may leave out (one made, not one per number)


def _word(toks: list[Token], k: int) -> str:
    return toks[k].lower if 0 <= k < len(toks) else ""


@cache
def _affixes(words: frozenset[str]) -> tuple[str, ...]:
    """A word list as the tuple str.startswith/endswith take, made once per list, not once per figure."""
    return tuple(words)


def why_not(toks: list[Token], num: Num, sent: Sentence, lex: Lexicon) -> str | None:
    nc = lex.nonclaim
    i, j = num.i, num.j
    first = toks[i]
    prev = _word(toks, i - 1)
    nxt = toks[j] if j < len(toks) else None

    if num.dotted:
        return "nonclaim.date_or_time"  # "9.6.2020", "24.10.", "kello 21.40"
    more = forms.why_not(toks, num, lex)
    if more is not None:
        return more
    if not num.is_word:
        # "Q3", "5G", "H1N1": digits glued to letters are identifiers
        if i > 0 and toks[i - 1].kind == "word" and not first.space_before:
            return "nonclaim.identifier"
        last = toks[j - 1]
        # ("134km/h", "5kg": a unit symbol glued to its figure is no identifier)
        if nxt is not None and nxt.kind == "word" and not nxt.space_before and last.kind == "num" \
                and nxt.text not in lex.unit_symbols:
            return "nonclaim.identifier"
        # "COVID-19", "HSL-2030"
        if i > 1 and toks[i - 1].text in "-–" and not first.space_before and toks[i - 2].kind == "word" \
                and not toks[i - 1].space_before:
            return "nonclaim.name"
    # "1. Tarkista", "2) Hae": list numbering at the start of a line
    if i == 0 and sent.line_start and nxt is not None and nxt.text in ".)" and not nxt.space_before:
        return "nonclaim.list_number"
    # "12. elokuuta", "2. vuosineljännes", "23. päivään": an ordinal is written N.
    if nxt is not None and nxt.text == "." and not nxt.space_before and j + 1 < len(toks) \
            and toks[j + 1].kind == "word" and toks[j + 1].text[:1].islower():
        return "nonclaim.ordinal"
    if prev in nc["clock"] or (i >= 3 and toks[i - 3].lower in nc["clock"] and toks[i - 2].kind == "num"
                               and toks[i - 1].text in "–-"):
        return "nonclaim.clock"  # "klo 9–16", "kello 8.00", "klo 8 ja klo 16"
    phone = nc["phone"]
    first_digits = num.first_digits
    if (i > 0 and prev in phone) or (i > 1 and toks[i - 2].lower in phone) or (
            # "09 4766 4000", "0295 419 600", "020 692 207": a leading 0 and several digit groups
            first_digits[:1] == "0" and not num.decimal and first_digits != "0"
            and i + 1 < len(toks) and toks[i + 1].kind == "num"):
        return "nonclaim.phone"  # "puh. 029 512 000", "numerossa 0295 419 600"
    if prev in nc["scale"] or (i >= 2 and toks[i - 2].lower in nc["scale"]):
        return "nonclaim.scale"  # "asteikolla 1–5"
    if nxt is not None and nxt.text in nc["section"]:
        return "nonclaim.section"  # "13 §"
    if not num.is_word and num.value is not None and not num.grouped and not num.decimal:
        digits = toks[i].text
        # "00520 Helsinki", "33101 Tampere": postal codes
        if len(digits) == 5 and nxt is not None and nxt.kind == "word" and nxt.text[:1].isupper():
            return "nonclaim.postal_code"
        # "vuonna 2018", "Kela 2030": a year, unless a unit follows ("2018 euroa")
        if len(digits) == 4 and 1800 <= int(digits) <= 2199 and j == i + 1 and (
                nxt is None or (lex.unit_of(nxt.text, nxt.lower) is None and nxt.text != "%")):
            return "nonclaim.year"
    # "Opastinsilta 6 A": a street number after a street name
    if i > 0 and toks[i - 1].kind == "word" and toks[i - 1].text[:1].isupper() \
            and toks[i - 1].lower.endswith(_affixes(nc.get("street_suffix", _NO_WORDS))):
        return "nonclaim.address"
    # "linja 550", "PL 487", "Olkiluoto 3:n": a number naming a thing
    if i > 0 and toks[i - 1].kind == "word" and first.space_before:
        pw = toks[i - 1]
        bare = nxt is None or nxt.kind == "sym"
        if (pw.lower.startswith(lex.name_stems) or pw.lower.endswith(lex.name_stems)) and (
                bare or not pw.lower.endswith(("ssa", "ssä", "lla", "llä"))) \
                and not (nxt is not None and (nxt.text == "%" or lex.unit_of(nxt.text, nxt.lower) is not None)):
            # "linja 550", "Harjuvaaran polku 3", "pääsee bussilinjalla 23."; never a number with its
            # unit ("asukkaista 64 prosenttia": "-kaista" is a case ending there, not a lane)
            return "nonclaim.name"
        if (pw.text[:1].isupper() and i - 1 > 0 and not pw.lower.endswith(_CASE_ENDINGS)
                and pw.lower not in lex.qualifier_words and not _is_lexicon_word(pw.lower, lex)
                and toks[i - 2].text not in ".:;!?-–•*"):  # "- Liikevaihto 64,0": a bullet starts a line
            return "nonclaim.name"
    # "alle 3-vuotiaat", "20–29-vuotiaita", "2,5-kertainen"
    if nxt is not None and nxt.text in "-–" and not nxt.space_before and j + 1 < len(toks):
        after = toks[j + 1].lower
        if not toks[j + 1].space_before and ("-" + after).startswith(_affixes(nc["age_suffix"])):
            return "nonclaim.age"
    if nxt is not None and nxt.lower in ("vuotta", "vuoden") and (_word(toks, j + 1).startswith(
            _affixes(nc["age_after"])) or i > 0 and toks[i - 1].lower.startswith(_affixes(nc["age_after"]))):
        return "nonclaim.age"  # "65 vuotta täyttäneet", "heistä puolet on täyttänyt 75 vuotta"
    if nxt is not None and (nxt.lower in nc["ratio_noun"]) and _word(toks, j + 1) in nc["ratio_after"]:
        return "nonclaim.ratio"  # "kaksi kertaa niin paljon"
    # "kahdella ensimmäisellä viikolla": a number word before an ordinal names a period
    if num.is_word and nxt is not None and nxt.lower.startswith(_affixes(nc.get("ordinal_stem", _NO_WORDS))):
        return "nonclaim.period_count"
    if num.is_word and prev.startswith(_affixes(nc.get("ordinal_stem", _NO_WORDS))) and lex.qualifier(prev) is None:
        return "nonclaim.period_count"  # "ensimmäisten kolmen arkipäivän aikana"
    return None


def _is_lexicon_word(word: str, lex: Lexicon) -> bool:
    if word in lex.unit_forms or word in lex.grade_forms or word in lex.rate_words:
        return True
    wc = lex.classes(word)
    return wc.statistic is not None or wc.change is not None
