"""Sentence boundaries: the boundary pattern against its plain look-behind definition."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tiedote.text.segment import _BOUNDARY_RE, sentences

# The definition: a line break with the space after it, or the space after . ! ? before a capital,
# a dash, a quote or a digit.  _BOUNDARY_RE takes the mark into its match so as to start only there.
_DEFINITION = regex.compile(r"\n\s*|(?<=[.!?])[ \t]+(?=[\p{Lu}–—\"”»0-9])")


def boundaries(text: str) -> list[tuple[int, int]]:
    return [(m.start() + (text[m.start()] != "\n"), m.end()) for m in _BOUNDARY_RE.finditer(text)]


def definition(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DEFINITION.finditer(text)]


@pytest.mark.parametrize("text", [
    "Puheluita tuli 40 000. Se oli ennätys! Miksi? – Koska.\n\nUusi kappale.  \"Lainaus\" ja 2. Toinen",
    "esim. A esim. B", "1. Tarkista. 2. Hae.", "...  A", ". . B", "a.\n B", "a. \n B", "!\t\tÄ ?", "", "\n\n\n"])
def test_boundaries_equal_the_definition(text: str) -> None:
    assert boundaries(text) == definition(text)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet="a A.!? \t\n1–\"»x", max_size=40))
def test_boundaries_equal_the_definition_on_generated_text(text: str) -> None:
    assert boundaries(text) == definition(text)


def test_sentences_keep_their_mark_and_paragraph() -> None:
    text = "Kela maksoi 5 milj. euroa. Se oli paljon!\n\nUusi kappale. 1. Kohta"
    got = [(s.text, s.line_start, s.paragraph) for s in sentences(text)]
    assert got == [("Kela maksoi 5 milj. euroa.", True, 0), ("Se oli paljon!", False, 0),
                   ("Uusi kappale.", True, 1), ("1. Kohta", False, 1)]
