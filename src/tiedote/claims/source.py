"""Who reports a figure, as written: "Tilastokeskuksen mukaan", "kertoo johtaja Anna Virtanen", "arvioi Kela".

A source covers its own sentence, or the whole quotation its saying verb closes:
a paragraph opened by a dash ("– Olemme saaneet ...") or a quotation mark is one
quotation, and every figure in it takes the speaker named at its end.
"tietojen mukaan" with no name and passive "arvioidaan" give no source
(contract.md).  The three forms:

- a genitive before "mukaan", with the capitalised words of its name before it
  ("EPSI Ratingin mukaan", "Kaupungin väestöennusteen mukaan");
- a saying verb after a comma or a closing quote, followed by who says it
  (", kertoo HSL:n toimitusjohtaja Mari Lehtonen"), or preceded by a name
  (", Lindqvist sanoo");
- a name opening the sentence before a saying verb that goes on with a clause
  ("Yhtiö arvioi liikevaihdon olevan ...", "Kela arvioi, että ...").
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

import regex

from tiedote.claims.measure_words import MeasureWords, measure_words
from tiedote.claims.wordform import lemma
from tiedote.lang.lexicon import lexicon
from tiedote.text.segment import Sentence, lower_text

_WORD: Final = regex.compile(r"[\w§][\w§:\-–]*\w|[\w§]")
_DASH_OPEN: Final = ("–", "-", "—", "\"", "”", "“", "»", "„")
_CLOSE_QUOTE: Final = ("”", "\"", "»")
_MAX_NAME_WORDS: Final = 8


@dataclass(frozen=True, slots=True)
class SourceHit:
    start: int  # offsets into the release text
    end: int


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _words(sent: Sentence) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sent.text)]


def _joined(sent: Sentence, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Only spaces between two words (no comma, bracket or quote)."""
    # "työ- ja elinkeinoministeriön": a hyphen that ends the first part of a compound joins too
    return sent.text[a[1]:b[0]].strip() in ("", "-")


def _generic(w: str, mw: MeasureWords) -> bool:
    lem = lemma(w.split(":")[0])
    return any(lem.endswith(g) for g in mw.generic_sources)


def _name_like(w: str, mw: MeasureWords) -> bool:
    """A sentence's first word is capitalised anyway: a name only when it is no generic noun
    ("Lain mukaan") and no adjective or participle ("Alustavien tietojen mukaan")."""
    lem = lemma(w.lower().split(":")[0])
    return not _generic(w, mw) and not lem.endswith(("inen", "va", "vä", "nut", "nyt"))


def _by_mukaan(sent: Sentence, words: list[tuple[int, int, str]], m: int, mw: MeasureWords,
               stopwords: frozenset[str]) -> SourceHit | None:
    k = m - 1
    if k < 0 or not _joined(sent, words[k], words[m]):
        return None
    w = words[k][2]
    if not w.endswith("n") or any(ch.isdigit() or ch == "§" for ch in w):
        return None  # "otetaan mukaan", "52 §:n mukaan"
    if w.lower() in stopwords or len(w) < 4:
        return None  # "Kun mukaan lasketaan": a conjunction, not a genitive
    # "Eurostatin ensimmäisen arvion mukaan": back over genitives and capitalised words to the name
    first = k
    while first - 1 >= 0 and k - first < 3 and _joined(sent, words[first - 1], words[first]) \
            and (_is_cap(words[first - 1][2]) or words[first - 1][2].endswith("n")):
        first -= 1
    while first < k and not _is_cap(words[first][2]):
        first += 1
    named = any(_is_cap(words[j][2]) and (j > 0 or _name_like(words[j][2], mw)) for j in range(first, k + 1))
    if not named and _generic(w, mw):
        return None  # "tietojen mukaan", "lain mukaan"
    if first == k and not named and len(w) < 4:
        return None
    return SourceHit(sent.start + words[first][0], sent.start + words[k][1])


def _after_verb(sent: Sentence, words: list[tuple[int, int, str]], v: int) -> SourceHit | None:
    """", kertoo HSL:n toimitusjohtaja Mari Lehtonen": who follows the verb, up to punctuation."""
    last = v
    for j in range(v + 1, min(len(words), v + 1 + _MAX_NAME_WORDS)):
        if not _joined(sent, words[j - 1], words[j]) and j > v + 1:
            break
        if j == v + 1 and sent.text[words[v][1]:words[j][0]].strip() != "":
            return None
        last = j
    if last == v or not any(_is_cap(words[j][2]) for j in range(v + 1, last + 1)):
        return None
    # a name ends the clause: "kertoo Kela tiedotteessaan" keeps only "Kela" when a lower-case word follows
    end = last
    while end > v + 1 and not _is_cap(words[end][2]) and any(_is_cap(words[j][2]) for j in range(v + 1, end)):
        end -= 1
    return SourceHit(sent.start + words[v + 1][0], sent.start + words[end][1])


def _before_verb(sent: Sentence, words: list[tuple[int, int, str]], v: int, mw: MeasureWords,
                 speaker: SourceHit | None) -> SourceHit | None:
    """", Lindqvist sanoo." and "Yhtiö arvioi liikevaihdon olevan ...": the name right before the verb."""
    first = v
    while first - 1 >= 0 and v - first < 4 and _joined(sent, words[first - 1], words[first]) \
            and _is_cap(words[first - 1][2]):
        first -= 1
    if first == v:
        if v - 1 >= 0 and words[v - 1][2].lower() in mw.speaker_pronouns and _joined(sent, words[v - 1], words[v]):
            return speaker  # "– ..., hän kertoo."
        return None
    if not _is_cap(words[first][2]):
        return None
    if all(words[j][2].lower() in mw.speaker_pronouns for j in range(first, v)):
        return speaker  # "Hän kertoo, että ...": the speaker named before, if any
    before = sent.text[:words[first][0]].strip()
    opens = before == "" or before.endswith(_DASH_OPEN)
    at_end = v == len(words) - 1
    if at_end and before.endswith((",", *_CLOSE_QUOTE)):
        return SourceHit(sent.start + words[first][0], sent.start + words[v - 1][1])
    nxt = sent.text[words[v][1]:].lstrip()
    # "Kela arvioi, että", "Yhtiö arvioi koko vuoden liikevaihdon olevan": a clause of what is said
    clause = nxt.split(",")[0].split(".")[0].lower().split()[:6]
    goes_on = nxt.startswith(",") or (bool(clause) and clause[0] == "että") or any(
        c.endswith(("van", "vän", "neen")) for c in clause)
    if opens and goes_on:
        return SourceHit(sent.start + words[first][0], sent.start + words[v - 1][1])
    return None


def sentence_source(sent: Sentence, mw: MeasureWords,
                    speaker: SourceHit | None = None) -> tuple[SourceHit | None, bool]:
    """The source one sentence names, and whether it is a saying verb (which closes a quotation).

    Asked only of the sentences the scan of ``release_sources`` passes (most name no source).
    """
    words = _words(sent)
    for i, (_, _, w) in enumerate(words):
        lw = w.lower()
        if lw in mw.source_after:
            hit = _by_mukaan(sent, words, i, mw, lexicon().stopwords)
            if hit is not None:
                return hit, False
        elif lw in mw.saying_verbs:
            gap = sent.text[words[i - 1][1]:words[i][0]].strip() if i > 0 else ""
            if gap.endswith((",", *_CLOSE_QUOTE)):
                hit = _after_verb(sent, words, i)
                if hit is not None:
                    return hit, True
            hit = _before_verb(sent, words, i, mw, speaker)
            if hit is not None:
                return hit, True
    return None, False


@cache
def _cues(mw: MeasureWords) -> Any:
    """An Aho-Corasick automaton of "mukaan" and the saying verbs (a word inside another passes too:
    the word-by-word reading after it decides)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for w in mw.saying_verbs | mw.source_after:
        if "\n" not in w:  # (no word of a sentence holds one: such a word could never be read)
            automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton


def release_sources(sents: list[Sentence]) -> list[SourceHit | None]:
    """The source of every sentence of a release (None where the text names nobody)."""
    mw = measure_words()
    out: list[SourceHit | None] = [None] * len(sents)
    speaker: SourceHit | None = None
    for i in _scan(sents, _cues(mw)):
        sent = sents[i]
        hit, says = sentence_source(sent, mw, speaker)
        if hit is None:
            continue
        out[i] = hit
        if not says:
            continue
        speaker = hit
        # the quotation this saying verb closes: back to the sentence that opens it, in its paragraph
        j = i
        while j >= 0 and sents[j].paragraph == sent.paragraph:
            if sents[j].text.lstrip().startswith(_DASH_OPEN):
                for k in range(j, i):
                    if out[k] is None:
                        out[k] = hit
                break
            j -= 1
    return out


def _scan(sents: list[Sentence], cues: Any) -> list[int]:
    """The indices of the sentences that hold a word of ``cues`` (maybe inside a longer word), in order:
    one scan of them all, joined by line breaks (no word looked for holds one: no match spans two)."""
    if not sents:
        return []
    lowered = [lower_text(sent.text) for sent in sents]
    ends: list[int] = []  # where each sentence's line ends in the joined text
    end = -1
    for low in lowered:
        end += len(low) + 1
        ends.append(end)
    out: list[int] = []
    for at, _ in cues.iter("\n".join(lowered)):
        i = bisect_left(ends, at)
        if not out or out[-1] != i:
            out.append(i)
    return out
