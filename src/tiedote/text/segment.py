"""Length-preserving normalisation, sentences and tokens.

Every offset tiedote reports is an offset into the caller's text, so nothing
here may change the length of the text: no-break spaces become plain spaces
one for one, and tokens keep their absolute offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

import regex

from tiedote.lang.lexicon import lexicon

# U+00A0 NO-BREAK SPACE, U+202F NARROW NO-BREAK SPACE, U+2007 FIGURE SPACE and
# U+2009 THIN SPACE join digit groups in typeset releases ("40 000").
_SPACES: Final = ("\u00a0", "\u202f", "\u2007", "\u2009")


def normalise(text: str) -> str:
    """The text with every kind of space as " " — same length, same offsets."""
    # str.replace scans at C speed; str.translate looks every character up in a dict
    for space in _SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


# Not frozen: a frozen dataclass sets each field through object.__setattr__, and
# a release makes a token per word.  Nothing mutates them after tokenize().
@dataclass(slots=True, init=False)
class Token:
    text: str
    lower: str
    start: int  # absolute offsets into the release text
    end: int
    kind: str  # "num", "word" or "sym"
    space_before: bool  # whitespace (or the sentence start) precedes the token

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, text: str, lower: str, start: int, end: int, kind: str, space_before: bool) -> None:
        self.text = text
        self.lower = lower
        self.start = start
        self.end = end
        self.kind = kind
        self.space_before = space_before


# Not frozen either (for the same cost: every sentence of a release is made), but hashable as a
# frozen one is; nothing mutates a sentence after sentences().
@dataclass(slots=True, init=False, unsafe_hash=True)
class Sentence:
    start: int
    end: int
    text: str
    line_start: bool  # the sentence starts a line (titles, list items)
    paragraph: int  # index of the paragraph (blank-line separated block)

    # Written out: compiled (hatch_build.py) it runs as C, where a dataclass's own __init__ stays
    # Python.  tests/test_build.py checks it takes exactly the fields, defaults and all.
    def __init__(self, start: int, end: int, text: str, line_start: bool, paragraph: int) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.line_start = line_start
        self.paragraph = paragraph


# A token is a number, a word or one symbol; what no token takes (a gap) is whitespace, "_" and
# digits other than 0-9.
_LETTER, _SYM, _GAP = r"[^\W\d_]", r"[^\w\s]", r"[\s_]|[^\D0-9]"
_NUM, _WORD = r"[0-9]+(?:[.,][0-9]+)*", rf"{_LETTER}+"
_TOKEN_RE: Final = regex.compile(rf"(?P<num>{_NUM})|(?P<word>{_WORD})|(?P<sym>{_SYM})")
# _TOKEN_RE with the gap before each token (the tests check both give the same tokens).  A match
# starts only where no gap character precedes it (every match does: it follows the previous token
# or the start), so a trailing run of spaces with no token after it is tried once, not once per space.
_TOKENS_WITH_GAPS: Final = regex.compile(rf"(?<!{_GAP})((?:{_GAP})*+)(?:({_NUM})|({_WORD})|({_SYM}))")
# Where the tokens of a sentence are looked for on the `re` engine: the characters of these
# blocks (Latin, General Punctuation, currency and letterlike symbols) cover running Finnish text.
_RE_CANDIDATES: Final = (range(0x250), range(0x2000, 0x2200))


@cache
def _re_tokens() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a search for a character the `re` engine may class otherwise, _TOKENS_WITH_GAPS on `re`).

    `re` finds the tokens in about two thirds of the time `regex` takes, but the two engines put
    some characters in other classes (combining marks, superscript digits, control characters,
    letters of other Unicode versions).  On text made only of characters both class alike, the
    same pattern gives the same matches on either; which characters those are is asked of the
    engines themselves, so an upgrade of either cannot make them disagree unseen.
    """
    candidates = "".join(chr(c) for block in _RE_CANDIDATES for c in block)
    disagree: set[str] = set()
    for cls in (_LETTER, _SYM, _GAP):  # [0-9] and [.,] are literal: alike on both
        disagree |= set(re.findall(cls, candidates)) ^ set(regex.findall(cls, candidates))
    agreed = [c for c in candidates if c not in disagree]
    other = re.compile("[^" + "".join(re.escape(c) for c in agreed) + "]")
    return other, re.compile(_TOKENS_WITH_GAPS.pattern)
# A sentence ends at . ! ? followed by space and a capital, a dash or a quote,
# or at a line break.  The abbreviation check below refines the first kind.  The mark is part of
# the match, not a look-behind: a match then starts only at one of the four characters, where a
# look-behind is tried at every position of the text.
_BOUNDARY_RE: Final = regex.compile(r"\n\s*|[.!?][ \t]+(?=[\p{Lu}–—\"”»0-9])")
# (?r): searched from the end, where the match must be, instead of trying every start before it
_WORD_BEFORE_DOT_RE: Final = regex.compile(r"(?r)(\w+)\.\Z")


@cache
def _abbreviations() -> frozenset[str]:
    return lexicon().abbreviations


def _ends_in_abbreviation(text: str, start: int, end: int) -> bool:
    # Only the last few characters matter; looking at the whole sentence so far
    # would make a run of abbreviations ("esim. A esim. A …") quadratic.
    tail = text[max(start, end - 40):end]
    m = _WORD_BEFORE_DOT_RE.search(tail)
    if not m:
        return False
    word = m.group(1)
    if word.lower() in _abbreviations():
        return True
    # "1. Tarkista": a list number or an ordinal is not a sentence of its own
    return word.isdigit() and end - start <= 60 and len(text[start:end].strip()) == len(word) + 1


def sentences(text: str) -> list[Sentence]:
    """Split normalised text into sentences, keeping absolute offsets."""
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    line_start = True
    pending_par = False
    for m in _BOUNDARY_RE.finditer(text):
        end, after = m.span()
        if text[end] == "\n":
            _emit(out, text, start, end, line_start, paragraph)
            if text.count("\n", end, after) > 1:
                pending_par = True
            line_start = True
        else:
            end += 1  # the sentence keeps its . ! or ?
            if _ends_in_abbreviation(text, start, end):
                continue
            if end - start <= MAX_SENTENCE_CHARS and not text[start].isspace():
                # the common sentence, what _emit would make of it with no call: it starts past the
                # spaces of the boundary before (or the text's start) and ends at its mark
                out.append(Sentence(start, end, text[start:end], line_start, paragraph))
            else:
                _emit(out, text, start, end, line_start, paragraph)
            line_start = False
        if pending_par and out:
            paragraph += 1
            pending_par = False
        start = after
    _emit(out, text, start, len(text), line_start, paragraph)
    return out


# No real sentence is this long; a longer stretch without a boundary (a pasted
# table, a hostile input) is cut at spaces so that the work per sentence, and
# every claim's sentence span, stay bounded and the whole run linear.
MAX_SENTENCE_CHARS: Final = 1500


def _emit(out: list[Sentence], text: str, start: int, end: int, line_start: bool, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        out.append(Sentence(start, cut, text[start:cut], line_start, paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
        line_start = False
    if end > start:
        out.append(Sentence(start, end, text[start:end], line_start, paragraph))


# A sentence's text is lower-cased by several stages (the number-word skip, the period rules, the
# source cues): one lower-casing per sentence, kept for the next stage (a release's sentences are
# all read by the source pass before the main one, hence room for a long release).  A str keeps its
# hash, so a hit costs a lookup, not a pass over the text.
_lower_kept = lru_cache(maxsize=2048)(str.lower)


def lower_text(text: str) -> str:
    """``text.lower()``, kept for the next stage when ``text`` is no longer than a sentence (a
    longer text, e.g. a whole document given to find_periods, is not held)."""
    return _lower_kept(text) if len(text) <= MAX_SENTENCE_CHARS else text.lower()


# A whole chunk between single spaces that is one number ("2019", "40,5", "1.2.2020")
_NUM_CHUNK: Final = re.compile(_NUM)
# ASCII symbols that often end a chunk glued to a word or a number ("euroa.", "2020,")
_TRAILING: Final = frozenset(".,:;!?)")


def tokenize(sent: Sentence) -> list[Token]:
    text = sent.text
    other, on_re = _re_tokens()
    if other.search(text):
        toks: list[Token] = []
        _add_matches(toks, _TOKENS_WITH_GAPS.findall(text), sent.start)
        return toks
    # Most chunks between single spaces are one word or one number, or one followed by a comma or a
    # full stop: these are read with str methods, which cost less than a regex match per token.
    # Each chunk follows a space or starts the sentence, so its first token has space_before.
    # Any other chunk (a bracket, a dash, a tab, "_") is tokenized by the regex, on its own.
    toks = []
    append = toks.append
    pos = sent.start
    for chunk in text.split(" "):
        if not chunk:
            pos += 1
            continue
        end = pos + len(chunk)
        mark = ""  # a symbol of _TRAILING after the word or number, its own token
        if chunk.isalpha():
            lower, kind = chunk.lower(), "word"
        elif _NUM_CHUNK.fullmatch(chunk):  # digits and [.,] only: lower() would give the same text
            lower, kind = chunk, "num"
        else:
            mark, body = chunk[-1], chunk[:-1]
            if mark in _TRAILING and body.isalpha():
                chunk, lower, kind = body, body.lower(), "word"
            elif mark in _TRAILING and _NUM_CHUNK.fullmatch(body):
                chunk, lower, kind = body, body, "num"
            else:
                _add_matches(toks, on_re.findall(chunk), pos)
                pos = end + 1
                continue
            end -= 1
        # The common chunk, one word or one number, makes its token here.  (Token is made by its
        # constructor, the one way the compiled build allows: a native class refuses object.__new__.)
        append(Token(chunk, lower, pos, end, kind, True))
        if mark:
            append(Token(mark, mark, end, end + 1, "sym", False))
            end += 1
        pos = end + 1
    return toks


def _add_matches(toks: list[Token], found: list[tuple[str, str, str, str]], base: int) -> None:
    """The tokens of _TOKENS_WITH_GAPS.findall() over a text starting at ``base`` (at a space or the
    sentence start: its first token has space_before)."""
    # findall captures the characters skipped before each token, so that offsets are running
    # sums: no Match object and no method calls per token.
    append = toks.append
    pos = 0
    for skip, num, word, sym in found:
        s = pos + len(skip)
        space = bool(skip) or s == 0
        if num:
            text, lower, kind = num, num, "num"  # digits, "." and ",": no case
        elif word:
            text, lower, kind = word, word.lower(), "word"
        else:
            text, lower, kind = sym, sym.lower(), "sym"
        pos = s + len(text)
        append(Token(text, lower, base + s, base + pos, kind, space))  # as in tokenize()
