"""Finnish number words: every case, compounds, scales, halves, vague words and non-numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tiedote.errors import LexiconError
from tiedote.numbers.words import (
    DATA_PATH,
    could_start_number_word,
    lexicon,
    load_lexicon,
    may_start_number,
    parse_number_words,
    scale_value,
    vague_value,
)

KOLME = {
    "nominative-sg": "kolme",
    "genitive-sg": "kolmen",
    "partitive-sg": "kolmea",
    "inessive-sg": "kolmessa",
    "elative-sg": "kolmesta",
    "illative-sg": "kolmeen",
    "adessive-sg": "kolmella",
    "ablative-sg": "kolmelta",
    "allative-sg": "kolmelle",
    "essive-sg": "kolmena",
    "translative-sg": "kolmeksi",
    "abessive-sg": "kolmetta",
    "nominative-pl": "kolmet",
    "genitive-pl": "kolmien",
    "partitive-pl": "kolmia",
    "inessive-pl": "kolmissa",
    "elative-pl": "kolmista",
    "illative-pl": "kolmiin",
    "adessive-pl": "kolmilla",
    "ablative-pl": "kolmilta",
    "allative-pl": "kolmille",
    "essive-pl": "kolmina",
    "translative-pl": "kolmiksi",
    "abessive-pl": "kolmitta",
    "instructive-pl": "kolmin",
    "comitative-pl": "kolmine",
}
KAKSI = {
    "genitive-sg": "kahden",
    "partitive-sg": "kahta",
    "illative-sg": "kahteen",
    "essive-sg": "kahtena",
    "genitive-pl": "kaksien",
    "partitive-pl": "kaksia",
    "instructive-pl": "kaksin",
}
TUHAT = {
    "nominative-sg": "tuhat",
    "genitive-sg": "tuhannen",
    "partitive-sg": "tuhatta",
    "inessive-sg": "tuhannessa",
    "illative-sg": "tuhanteen",
    "essive-sg": "tuhantena",
    "translative-sg": "tuhanneksi",
}
KYMMENEN = {
    "genitive-sg": "kymmenen",
    "partitive-sg": "kymmentä",
    "illative-sg": "kymmeneen",
    "essive-sg": "kymmenenä",
}

PARSES = [
    *(pytest.param(form, (3, 1), id=f"every-case-kolme-{cell}") for cell, form in KOLME.items()),
    *(pytest.param(form, (2, 1), id=f"case-kaksi-{cell}") for cell, form in KAKSI.items()),
    *(pytest.param(form, (1000, 1), id=f"case-tuhat-{cell}") for cell, form in TUHAT.items()),
    *(pytest.param(form, (10, 1), id=f"case-kymmenen-{cell}") for cell, form in KYMMENEN.items()),
    pytest.param("seitsemän", (7, 1), id="unit-nominative-in-n"),
    pytest.param("yhdeksää", (9, 1), id="unit-partitive-front-harmony"),
    pytest.param("nolla", (0, 1), id="zero"),
    pytest.param("nollasta", (0, 1), id="zero-elative"),
    pytest.param("yhdessä", (1, 1), id="yksi-inessive-also-together"),
    pytest.param("kuusi", (6, 1), id="kuusi-also-spruce"),
    # compounds in one word, parts agreeing in case
    pytest.param("kaksikymmentäviisi", (25, 1), id="compound-nominative-partitive-scale"),
    pytest.param("kahdenkymmenenviiden", (25, 1), id="compound-genitive"),
    pytest.param("kahdessakymmenessäviidessä", (25, 1), id="compound-inessive"),
    pytest.param("kahtakymmentäviittä", (25, 1), id="compound-partitive"),
    pytest.param("kahdetkymmenetviidet", (25, 1), id="compound-plural-nominative"),
    pytest.param("kolmesataa", (300, 1), id="compound-hundreds"),
    pytest.param("kolmeensataan", (300, 1), id="compound-hundreds-illative"),
    pytest.param("satakaksikymmentäkolme", (123, 1), id="compound-bare-hundred"),
    pytest.param("kaksituhattakolmesataaneljäkymmentäviisi", (2345, 1), id="compound-long"),
    pytest.param("kahdentuhannenkolmensadanneljänkymmenenviiden", (2345, 1), id="compound-long-genitive"),
    pytest.param("satatuhatta", (100_000, 1), id="compound-hundred-thousand"),
    pytest.param("kymmenentuhatta", (10_000, 1), id="compound-ten-thousand"),
    pytest.param("kolmesadassa", (300, 1), id="compound-only-last-part-inflected"),
    pytest.param("kahdettuhannet", (2000, 1), id="compound-plural-after-multiplier"),
    pytest.param("kaksimiljoonaa", (2_000_000, 1), id="compound-million-written-together"),
    # teens: "toista" does not inflect
    pytest.param("yksitoista", (11, 1), id="teen-nominative"),
    pytest.param("yhdessätoista", (11, 1), id="teen-inessive"),
    pytest.param("kahdeksantoista", (18, 1), id="teen-18"),
    pytest.param("kolmientoista", (13, 1), id="teen-plural-genitive"),
    pytest.param("satayksitoista", (111, 1), id="teen-after-hundred"),
    pytest.param("kaksitoistatuhatta", (12_000, 1), id="teen-times-thousand"),
    # scales, alone and over tokens
    pytest.param("miljoona", (1_000_000, 1), id="lone-scale-million"),
    pytest.param("tuhat", (1000, 1), id="lone-scale-thousand"),
    pytest.param("sata", (100, 1), id="lone-scale-hundred"),
    pytest.param("miljoonaa", (1_000_000, 1), id="lone-scale-partitive"),
    pytest.param("kaksi miljoonaa", (2_000_000, 2), id="scale-after-unit"),
    pytest.param("kolme miljardia", (3_000_000_000, 2), id="scale-billion"),
    pytest.param("kahden miljoonan", (2_000_000, 2), id="scale-genitive-agrees"),
    pytest.param("kolmella miljardilla", (3_000_000_000, 2), id="scale-adessive-agrees"),
    pytest.param("kaksisataa miljoonaa", (200_000_000, 2), id="scale-after-hundreds"),
    pytest.param("neljä biljoonaa", (4 * 10**12, 2), id="scale-biljoona-long-scale"),
    pytest.param("tuhat viisisataa", (1500, 2), id="space-between-thousand-groups"),
    pytest.param("miljoona kaksisataatuhatta", (1_200_000, 2), id="space-million-then-thousands"),
    pytest.param("kaksi miljardia sata miljoonaa yksitoista", (2_100_000_011, 5), id="space-many-groups"),
    pytest.param("kolme sataa", (300, 2), id="space-before-hundred"),
    pytest.param("yksi miljoona", (1_000_000, 2), id="scale-after-yksi-nominative"),
    pytest.param("yksituhat", (1000, 1), id="scale-yksituhat"),
    pytest.param("kahdettuhannet sadat", (2100, 2), id="bare-plural-continues-a-number"),
    # puolitoista and puoli
    pytest.param("puolitoista", (1.5, 1), id="puolitoista"),
    pytest.param("puolentoista", (1.5, 1), id="puolitoista-genitive"),
    pytest.param("puoltatoista", (1.5, 1), id="puolitoista-partitive"),
    pytest.param("puolessatoista", (1.5, 1), id="puolitoista-inessive"),
    pytest.param("puoleentoista", (1.5, 1), id="puolitoista-illative"),
    pytest.param("puolitoista miljoonaa", (1_500_000, 2), id="puolitoista-scale"),
    pytest.param("puolentoista miljoonan", (1_500_000, 2), id="puolitoista-scale-genitive"),
    pytest.param("puolitoistatuhatta", (1500, 1), id="puolitoista-scale-one-word"),
    pytest.param("puoli miljoonaa", (500_000, 2), id="puoli-before-scale"),
    pytest.param("puolen miljardin", (500_000_000, 2), id="puoli-before-scale-genitive"),
    pytest.param("kaksi ja puoli", (2.5, 3), id="ja-puoli"),
    pytest.param("kahden ja puolen vuoden", (2.5, 3), id="ja-puoli-genitive"),
    pytest.param("kolme ja puoli miljoonaa", (3_500_000, 4), id="ja-puoli-scale"),
    # where a number stops
    pytest.param("kolme kissaa", (3, 1), id="stop-at-noun"),
    pytest.param("tuhat viisisataa euroa", (1500, 2), id="stop-after-groups"),
    pytest.param("kaksikymmentä viisi", (20, 1), id="stop-space-below-hundred"),
    pytest.param("kaksi miljoonan", (2, 1), id="stop-case-disagrees"),
    pytest.param("viisi kuusi", (5, 1), id="stop-two-units"),
    pytest.param("tuhat tuhatta", (1000, 1), id="stop-scale-not-decreasing"),
    pytest.param("nolla kolme", (0, 1), id="stop-after-zero"),
    pytest.param("kolme ja puolet", (3, 1), id="stop-puolet-is-half-of"),
    pytest.param("kolmettasadatta", (300, 1), id="abessive-with-kolmetta-is-a-number"),
    pytest.param("kolmettatuhannetta viidettäsadatta", (3500, 2), id="abessive-continuation"),
]

NOT_NUMBERS = [
    pytest.param("toista", id="toista-alone-is-ordinal"),
    pytest.param("toinen", id="ordinal-toinen"),
    pytest.param("ensimmäinen", id="ordinal-ensimmainen"),
    pytest.param("kolmas", id="ordinal-kolmas"),
    pytest.param("kolmannen", id="ordinal-genitive"),
    pytest.param("viides", id="ordinal-viides"),
    pytest.param("viidettä", id="ordinal-partitive-homograph"),
    pytest.param("kahdettatoista", id="ordinal-teen-partitive-homograph"),
    pytest.param("sadatta", id="ordinal-sadas-partitive-homograph"),
    pytest.param("kymmenes", id="ordinal-kymmenes"),
    pytest.param("kymmeniä", id="vague-plural-kymmenia"),
    pytest.param("satoja", id="vague-plural-satoja"),
    pytest.param("tuhansia", id="vague-plural-tuhansia"),
    pytest.param("miljoonia", id="vague-plural-miljoonia"),
    pytest.param("tuhannet", id="vague-plural-tuhannet"),
    pytest.param("satojatuhansia", id="vague-plural-compound"),
    pytest.param("kymmenien tuhansien", id="vague-plural-two-tokens"),
    pytest.param("muutama", id="not-number-muutama"),
    pytest.param("useita", id="not-number-useita"),
    pytest.param("pari", id="vague-pari-is-for-vague_value"),
    pytest.param("parikymmentä", id="vague-compound-is-for-vague_value"),
    pytest.param("puoli", id="lone-puoli"),
    pytest.param("puolesta", id="puoli-as-behalf"),
    pytest.param("puolet", id="puolet-half-of"),
    pytest.param("yhteensä", id="prefix-of-a-form-only"),
    pytest.param("kahdessakymmentä", id="inflected-part-before-nominative"),
    pytest.param("kissa", id="ordinary-word"),
]


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("text, expected", PARSES)
def test_parse_number_words(text: str, expected: tuple[int | float, int]) -> None:
    got = parse_number_words(_words(text))
    assert got == expected
    assert got is not None and type(got[0]) is type(expected[0])  # 1500000, not 1500000.0


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text: str) -> None:
    assert parse_number_words(_words(text)) is None


@pytest.mark.parametrize("words, expected", [
    pytest.param([], None, id="no-tokens"),
    pytest.param([""], None, id="empty-token"),
    pytest.param(["kolme", ""], (3, 1), id="empty-token-ends-a-number"),
])
def test_empty_input(words: list[str], expected: tuple[int, int] | None) -> None:
    assert parse_number_words(words) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        pytest.param("miljoonaa", 10**6, id="partitive"),
        pytest.param("miljoonaan", 10**6, id="illative"),
        pytest.param("miljoonalla", 10**6, id="adessive"),
        pytest.param("miljoonan", 10**6, id="genitive"),
        pytest.param("miljardia", 10**9, id="miljardi"),
        pytest.param("biljoonaa", 10**12, id="biljoona"),
        pytest.param("tuhatta", 1000, id="tuhat"),
        pytest.param("tuhannen", 1000, id="tuhat-genitive"),
        pytest.param("milj.", 10**6, id="abbr-milj"),
        pytest.param("milj", 10**6, id="abbr-milj-no-stop"),
        pytest.param("mrd.", 10**9, id="abbr-mrd"),
        pytest.param("mrd", 10**9, id="abbr-mrd-no-stop"),
        pytest.param("t.", 1000, id="abbr-t"),
        pytest.param("tuh.", 1000, id="abbr-tuh"),
        pytest.param("bilj.", 10**12, id="abbr-bilj"),
        pytest.param("t", None, id="abbr-t-without-stop-is-tonne"),
        pytest.param("sataa", None, id="sata-not-after-digits"),
        pytest.param("miljoonia", None, id="plural-not-after-digits"),
        pytest.param("kolme", None, id="unit-is-no-scale"),
    ],
)
def test_scale_value(word: str, expected: int | None) -> None:
    assert scale_value(word) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        *(
            pytest.param(w, 2, id=f"pari-{w}")
            for w in (
                "pari",
                "parin",
                "paria",
                "parissa",
                "parista",
                "pariin",
                "parilla",
                "parilta",
                "parille",
                "parina",
                "pariksi",
                "paritta",
                "parisen",
            )
        ),
        pytest.param("parikymmentä", 20, id="pari-compound-tens"),
        pytest.param("parinkymmenen", 20, id="pari-compound-genitive"),
        pytest.param("parisataa", 200, id="pari-compound-hundreds"),
        pytest.param("parisentuhatta", 2000, id="parisen-compound-thousands"),
        pytest.param("kymmenkunta", 10, id="kymmenkunta"),
        pytest.param("kymmenkunnan", 10, id="kymmenkunta-genitive"),
    ],
)
def test_vague_value(word: str, expected: int) -> None:
    assert vague_value(word) == (expected, "approximate")


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("muutama", id="muutama-names-no-figure"),
        pytest.param("muutaman", id="muutama-genitive"),
        pytest.param("muutamia", id="muutama-plural"),
        pytest.param("useita", id="useita-names-no-figure"),
        pytest.param("useiden", id="useita-genitive"),
        pytest.param("kymmeniä", id="kymmenia-tens-of"),
        pytest.param("satoja", id="satoja-hundreds-of"),
        pytest.param("tuhansia", id="tuhansia-thousands-of"),
        pytest.param("miljoonia", id="miljoonia-millions-of"),
        pytest.param("parit", id="pari-plural-is-pairs"),
        pytest.param("pareja", id="pari-plural-partitive-is-pairs"),
        pytest.param("kolme", id="exact-number-is-not-vague"),
    ],
)
def test_not_vague(word: str) -> None:
    assert vague_value(word) is None


def test_every_listed_non_number_form_is_no_number() -> None:
    forms = lexicon().non_numbers
    assert {"muutama", "muutamassa", "useita", "useisiin"} <= forms
    for form in forms:
        assert vague_value(form) is None, form
        assert parse_number_words([form]) is None, form


@pytest.mark.parametrize(
    "word, expected",
    [
        pytest.param("kolmesataa", True, id="compound"),
        pytest.param("miljoonaa", True, id="scale"),
        pytest.param("parin", True, id="vague"),
        pytest.param("kymmenkunnan", True, id="lone-vague"),
        pytest.param("talousarvio", False, id="ordinary-word"),
        pytest.param("euroa", False, id="unit-word"),
        pytest.param("", False, id="empty"),
    ],
)
def test_could_start_number_word(word: str, expected: bool) -> None:
    assert could_start_number_word(word) is expected


# Words that begin like number words and are none, number words, vague words, and the edges.
_MAY_START_WORDS = ("viime", "viikolla", "kuukaudessa", "yhteensä", "puolestaan", "kolmannella", "neljänneksellä",
                    "kolme", "kahden", "kaksikymmentä", "puolitoista", "puoli", "miljoonaa", "sataa", "satoja",
                    "tuhansia", "parin", "parikymmentä", "kymmenkunta", "yksi", "nolla", "viidettä", "ja",
                    "talousarvio", "", "kaksi" * 30)
_FOLLOWERS = ((), ("miljoonaa",), ("ja", "puoli", "miljoonaa"), ("tuhatta", "euroa"), ("viisi",), ("sataa",))


@pytest.mark.parametrize("word", _MAY_START_WORDS)
def test_may_start_number_is_false_only_where_nothing_is_read(word: str) -> None:
    read = vague_value(word) is not None or any(parse_number_words([word, *f]) is not None for f in _FOLLOWERS)
    assert may_start_number(word) or not read


def test_may_start_number_on_every_form() -> None:
    lex = lexicon()
    for form in (*lex.parts, *lex.lone_vague):
        read = vague_value(form) is not None or any(parse_number_words([form, *f]) is not None for f in _FOLLOWERS)
        assert may_start_number(form) or not read, form


@pytest.mark.parametrize(("word", "expected"), [("viime", False), ("viikolla", False), ("kolme", True),
                                                ("parin", True), ("miljoonaa", True), ("satoja", False)])
def test_may_start_number_cuts_what_three_letters_cannot(word: str, expected: bool) -> None:
    assert could_start_number_word(word)
    assert may_start_number(word) is expected


def test_prefilter_never_hides_a_form() -> None:
    lex = lexicon()
    for form in (*lex.parts, *lex.lone_vague):
        assert could_start_number_word(form), form


def test_lexicon_size() -> None:
    # 10 units x 26 cells, their teens, 6 scales, "puoli"/"puolitoista", "pari"; a drop means lost data.
    assert len(lexicon().parts) >= 680


# --- malformed data: LexiconError names the file and the entry ------------------------------------

REAL = DATA_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, entry",
    [
        pytest.param('part = "kolmea"\n', "", "'kolme'", id="missing-principal-part"),
        pytest.param('pl_ill = "kolmiin"\n', "", "'kolme'", id="plural-parts-incomplete"),
        pytest.param('pl_gen = "kolmien"', 'pl_gne = "kolmien"', "'kolme'", id="unknown-key-typo"),
        pytest.param('weak = "kolme"', 'weak = "Kolme"', "'kolme'", id="upper-case-form"),
        pytest.param('weak = "kolme"', "weak = 3", "'kolme'", id="form-not-a-string"),
        pytest.param("value = 3\n", "value = 13\n", "'kolme'", id="unit-value-out-of-range"),
        pytest.param("value = 3\n", 'value = "3"\n', "'kolme'", id="value-not-a-number"),
        pytest.param("value = 100\n", "value = 300\n", "'sata'", id="scale-not-a-power-of-ten"),
        pytest.param('role = "unit"\nvalue = 3', 'role = "digit"\nvalue = 3', "'kolme'", id="unknown-role"),
        pytest.param(
            'extra_case = "nominative sg"', 'extra_case = "nominativ sg"', "'pari'", id="bad-extra-case"
        ),
        pytest.param(
            'ordinal_homographs = ["viidettä"]',
            'ordinal_homographs = ["viides"]',
            "'viisi'",
            id="homograph-not-a-form",
        ),
        pytest.param(
            'compounds = true\nweak = "pari"',
            'compounds = 1\nweak = "pari"',
            "'pari'",
            id="vague-compounds-not-bool",
        ),
        pytest.param('"mrd" = 1_000_000_000', '"mrd" = "miljardi"', "'mrd'", id="abbreviation-not-int"),
        pytest.param('suffix = "toista"', "suffix = 1", "[teen]", id="teen-suffix-missing"),
        pytest.param(
            '[[number]]  # Kotus 10\nnom = "nolla"',
            '[[number]\nnom = "nolla"',
            "cannot read",
            id="toml-syntax-error",
        ),
    ],
)
def test_malformed_lexicon(tmp_path: Path, old: str, new: str, entry: str) -> None:
    assert old in REAL, f"test fixture out of date: {old!r}"
    bad = tmp_path / "numbers.toml"
    bad.write_text(REAL.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(bad)
    assert str(bad) in str(err.value)
    assert entry in str(err.value)
    assert isinstance(err.value, ValueError)


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(tmp_path / "absent.toml")


def test_packaged_lexicon_loads_from_a_path() -> None:
    assert load_lexicon(DATA_PATH).parts == lexicon().parts
