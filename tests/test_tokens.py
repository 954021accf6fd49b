"""Tokens: the one-pass tokenizer against the plain definition of a token (text._TOKEN_RE)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tiedote.text import _TOKEN_RE, Sentence, Token, tokenize


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
    "e\u0301 combining", "1.2.2020–3.4.", "", "___", "\t\n5\u00a0000"])
def test_tokenize_equals_the_reference(text: str) -> None:
    assert tokenize(sentence(text)) == reference(sentence(text))


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet="ab1 2,._-–\u0663\u00b2\t\nÄé\u0301%€:(", max_size=30))
def test_tokenize_equals_the_reference_on_generated_text(text: str) -> None:
    assert tokenize(sentence(text)) == reference(sentence(text))
