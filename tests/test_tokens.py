"""Tokens: the one-pass tokenizer against the plain definition of a token (text._TOKEN_RE)."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tiedote.text.segment import (
    _GAP,
    _LETTER,
    _RE_CANDIDATES,
    _SYM,
    _TOKEN_RE,
    Sentence,
    Token,
    _re_tokens,
    tokenize,
)


def reference(sent: Sentence) -> list[Token]:
    """Every match of _TOKEN_RE is a token; space_before: something (or nothing) lies before it."""
    out: list[Token] = []
    prev_end = -1
    for m in _TOKEN_RE.finditer(sent.text):
        s, e = m.span()
        kind = m.lastgroup or "sym"
        out.append(Token(m.group(), m.group().lower(), sent.start + s, sent.start + e, kind, s != prev_end))
        prev_end = e
    return out


def sentence(text: str, start: int = 11) -> Sentence:
    return Sentence(start, start + len(text), text, True, 0)


@pytest.mark.parametrize("text", [
    "Toukokuussa vastattiin keskimäärin 40 000 puheluun viikossa.",
    "  alussa välilyöntejä ja lopussa  ", "HSL:n 3,5 %:n kasvu (–0,4 %-yksikköä)", "m² ja ٣ ja x_y",
    "e\u0301 combining", "1.2.2020–3.4.", "", "___", "kasvoi 2020, euroa. 45,2. (4) x_y a\tb 3.",
    "\t\n5\u00a0000", "a\x1cb", "x\u2028y ½ ſ ǅ", "中文 1"])
def test_tokenize_equals_the_reference(text: str) -> None:
    assert tokenize(sentence(text)) == reference(sentence(text))


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet="ab1 2,._-–\u0663\u00b2\t\nÄé\u0301%€:(\x1c\u2028ſ½", max_size=30))
def test_tokenize_equals_the_reference_on_generated_text(text: str) -> None:
    assert tokenize(sentence(text)) == reference(sentence(text))


# Text of characters both engines class alike, with the chunk shapes read without a regex
# ("euroa.", "2020,", "45,2", "1.2.") among the ones that are not ("(4)", "x_y", "a\tb", "–3")
@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet="ab AÄé1 2 3,.:;!?()_-–%€/\t&#", max_size=30))
def test_tokenize_equals_the_reference_on_chunks_between_spaces(text: str) -> None:
    assert tokenize(sentence(text)) == reference(sentence(text))


# Which engine tokenizes a text: `re` when every character is one both engines class alike.
@pytest.mark.parametrize(("text", "on_re"), [
    ("Toukokuussa vastattiin 40 000 puheluun (–3,5 %) ja 12 € §", True), ("", True), ("tab\tja\nrivi", True),
    ("e\u0301", False), ("m²", False), ("a\x1cb", False), ("中文", False), ("½", False)])
def test_tokens_on_re_only_where_the_engines_agree(text: str, on_re: bool) -> None:
    other, _ = _re_tokens()
    assert (other.search(text) is None) == on_re


def test_every_character_left_to_re_is_classed_alike_by_both_engines() -> None:
    other, _ = _re_tokens()
    chars = [chr(c) for block in _RE_CANDIDATES for c in block]
    left_to_re = [c for c in chars if other.search(c) is None]
    assert len(left_to_re) > 900  # Latin letters, punctuation, dashes, quotes, currency signs
    for cls in (_LETTER, _SYM, _GAP):
        for c in left_to_re:
            assert (re.fullmatch(cls, c) is None) == (regex.fullmatch(cls, c) is None), (cls, hex(ord(c)))


# Every tokenize() path (str methods per chunk, the regex per chunk, the regex per sentence) gives
# tokens whose fields match their text.
@pytest.mark.parametrize("text", [
    "Jonotusaika oli 6 minuuttia",  # plain words and a plain number
    "Kävijöitä oli 4 100, eli enemmän.",  # a number and a word with a trailing mark
    "Hinta (arvio) nousi 3,5 % – eli paljon!",  # brackets, a dash, "%": the regex path per chunk
    "Väli\t12–14 päivää",  # a tab: the whole sentence by the regex
])
def test_every_token_has_every_field(text: str) -> None:
    toks = tokenize(Sentence(0, len(text), text, True, 0))
    assert toks
    for t in toks:
        made = Token(**{f.name: getattr(t, f.name) for f in fields(Token)})
        assert made == t and text[t.start:t.end] == t.text
