"""The skip before any heavier work (claims._might_have_number) against its definition.

The fast path matches the number-word starts on the lower-cased text and asks
only of the starts it finds whether a letter precedes them; the definition is
one case-blind pattern with a look-behind.  They must agree on every text,
including the characters whose case folding is unusual.
"""

from __future__ import annotations

import random

import pytest

from tiedote.claims.assemble import _might_have_number, _number_word_starts

CASES = [
    ("Jonotusaika piteni selvästi.", False),
    ("Puheluita tuli kaksi kertaa enemmän.", True),
    ("KOLME uutta toimipistettä avattiin.", True),
    ("Toukokuussa asiointi väheni.", False),  # "kuu" inside a word is no start
    ("Kuukauden aikana jonot lyhenivät.", True),  # "kuu" at a word start may be "kuusi"
    ("(viisi) hakemusta", True),  # after a bracket
    ("yli-puolet vastaajista", True),  # after a hyphen
    ("Asiakkaita oli 40 000.", True),  # a digit
    ("Tulos: ſata uutta", True),  # long s folds to s case-blind
    ("Tulos: ſatama", True),
    ("İlmoitus annettiin kolmelle", True),  # İ: lower case is two characters
    ("İlmoitus annettiin", False),
    ("Kelvin: \u212aahdeksan", True),  # KELVIN SIGN folds to k
    ("e\u0301kolme", False),  # a combining mark is part of the word before
    ("²kolme", True),  # a superscript digit is no letter
    ("", False),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_table(text: str, expected: bool) -> None:
    blind, _ = _number_word_starts()
    assert (blind.search(text) is not None or any(c in "0123456789" for c in text)) is expected
    assert _might_have_number(text) is expected


def test_generated_texts_agree_with_the_definition() -> None:
    blind, _ = _number_word_starts()
    rnd = random.Random(11)
    pieces = ["kol", "KAK", "sat", "tuh", "mil", "yks", "puo", "par", "vii", "kuu", "a", "ä", "ſ", "ı", "İ",
              "\u212a", "\u0301", "²", " ", "-", "(", "_", "x", "toukokuussa", "sata", "ta"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        expected = blind.search(text) is not None or any(c in "0123456789" for c in text)
        assert _might_have_number(text) is expected, text
