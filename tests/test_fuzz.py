"""Property-based fuzzing of ``tiedote.extract`` (issue 7).

Three generators feed the extractor:

* arbitrary Unicode (hypothesis' own text strategy, plus a mix of odd code
  points: no-break and zero-width spaces, line and paragraph separators,
  combining marks, digits of other scripts);
* Finnish-looking text assembled from the library's own word lists
  (``src/tiedote/lang/fi/*.toml``, every inflected form generated with
  ``tiedote.lang.morphology``): digit numbers with space / NBSP / U+202F groups,
  decimals, ranges, colon case endings, number words and compounds of them,
  units, months, qualifiers, statistic / rate / change words, time words and
  non-claim context words, in random orders and cases, with random
  punctuation and line breaks;
* three short releases written for this file, mutated by deleting characters,
  inserting digits, dashes, colons and no-break spaces, and duplicating slices.

The properties: ``extract`` never raises; every span of every claim holds
(``0 <= start < end <= len(text)`` and ``text[start:end] == span.text``);
every period has ``start <= end``; ``model_dump(mode="json")`` survives
``json.dumps``/``json.loads`` (strict JSON, no NaN or Infinity) and
``Claim.model_validate`` gives the same claim back; a second call gives the
same output.

The number of generated cases is set by the hypothesis profile named in the
environment variable ``HYPOTHESIS_PROFILE``: ``ci`` (the default, moderate)
or ``thorough`` (twenty times as many).  The profiles are applied to the tests
of this file only (as the ``parent`` of their settings); nothing here calls
``settings.load_profile``, so other test files keep their own settings.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import tiedote
from tiedote.lang.morphology import all_forms

# --------------------------------------------------------------- profiles

settings.register_profile(
    "ci",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in ("ci", "thorough"):
    raise pytest.UsageError(f"HYPOTHESIS_PROFILE must be 'ci' or 'thorough', got {PROFILE!r}")
_PARENT = settings.get_profile(PROFILE)
_SCALE = 20 if PROFILE == "thorough" else 1


def fuzz_settings(examples: int) -> settings:
    """Settings of one test: ``examples`` cases in the ci profile, twenty times as many in thorough."""
    return settings(_PARENT, max_examples=examples * _SCALE, deadline=None)


# ------------------------------------------------------------ the checks

EXTRACTOR = tiedote.Extractor()


def _spans(claim: tiedote.Claim) -> Iterable[tuple[str, tiedote.Span | None, bool]]:
    """(name, span, must be non-empty) for every span a claim carries."""
    q = claim.quantity
    yield "quantity.span", q.span, True
    yield "quantity.unit_span", q.unit_span, True
    yield "quantity.qualifier_span", q.qualifier_span, True
    yield "measure.span", claim.measure.span if claim.measure else None, True
    yield "subject.span", claim.subject.span if claim.subject else None, True
    yield "period.span", claim.period.span if claim.period else None, True
    yield "change.span", claim.change.span if claim.change else None, True
    yield "sentence", claim.sentence, True
    yield "statistic_span", claim.statistic_span, True
    yield "rate_span", claim.rate_span, True


def dumps(claims: list[tiedote.Claim]) -> str:
    """The JSONL of a list of claims, as the determinism tests write it."""
    return "".join(
        json.dumps(c.model_dump(mode="json"), ensure_ascii=False, sort_keys=True) + "\n" for c in claims
    )


def check_claims(text: str, claims: list[tiedote.Claim]) -> None:
    """Every property a result must have, whatever the input."""
    assert isinstance(claims, list)
    ids = set()
    last_start = -1
    for claim in claims:
        assert isinstance(claim, tiedote.Claim)
        for name, span, nonempty in _spans(claim):
            if span is None:
                continue
            assert 0 <= span.start <= span.end <= len(text), (name, span, len(text))
            if nonempty or span.text:
                assert span.start < span.end, (name, span)
            assert text[span.start : span.end] == span.text, (name, span, text[span.start : span.end])
        q = claim.quantity
        s = claim.sentence
        assert s.start <= q.span.start and q.span.end <= s.end, ("quantity outside its sentence", q.span, s)
        assert (q.value is None) == (q.low is not None and q.high is not None), q
        p = claim.period
        if p is not None and p.start is not None and p.end is not None:
            assert p.start <= p.end, p
        assert claim.rules, claim
        assert claim.schema_version == tiedote.SCHEMA_VERSION
        # claims come in text order and no two read the same characters
        assert q.span.start >= last_start, ("claims out of text order", claim)
        last_start = q.span.start
        assert claim.id not in ids, ("duplicate claim id", claim.id)
        ids.add(claim.id)
        # the JSON contract: strict JSON (no NaN/Infinity), and it reads back as the same claim
        data = claim.model_dump(mode="json")
        line = json.dumps(data, ensure_ascii=False, sort_keys=True, allow_nan=False)
        again = tiedote.Claim.model_validate(json.loads(line))
        assert again == claim, (again, claim)
        assert again.model_dump(mode="json") == data
        assert tiedote.Claim.model_validate_json(claim.model_dump_json()) == claim
    spans = sorted((c.quantity.span.start, c.quantity.span.end) for c in claims)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2, ("overlapping quantity spans", spans)


# Defects already found and pinned by a strict xfail test in tests/test_hostile.py.
# While one is open, a generated case that hits it is counted (hypothesis
# ``event``) instead of failing, so the fuzzing goes on looking for new ones.
# Each entry: (id, exception type, innermost tiedote function, message part).
# When the owner fixes a defect the pinning test XPASSes; remove its entry here
# together with the xfail mark.
KNOWN_DEFECTS: list[tuple[str, type[BaseException], str, str]] = []  # D1..D12 are fixed


def known_defect(exc: BaseException) -> str | None:
    """The id of the open defect ``exc`` comes from, judged by where it was raised, else None."""
    tb = exc.__traceback__
    inner = None
    while tb is not None:
        if "/tiedote/" in tb.tb_frame.f_code.co_filename.replace("\\", "/"):
            inner = tb.tb_frame.f_code.co_name
        tb = tb.tb_next
    for ident, kind, func, msg in KNOWN_DEFECTS:
        if isinstance(exc, kind) and inner == func and msg in str(exc):
            return ident
    return None


def run(text: str, published: dt.date | None = None) -> list[tiedote.Claim]:
    """Extract twice; both calls must agree byte for byte, and the result must hold."""
    try:
        first = EXTRACTOR.extract(text, published=published)
    except Exception as exc:
        ident = known_defect(exc)
        if ident is None:
            raise
        event(f"known defect hit: {ident}")
        return []
    check_claims(text, first)
    second = EXTRACTOR.extract(text, published=published)
    assert dumps(first) == dumps(second)
    return first


# --------------------------------------------------------- the word lists

LANG = Path(tiedote.__file__).parent / "lang" / "fi"


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads((LANG / name).read_text(encoding="utf-8"))


def _forms(entry: Mapping[str, Any]) -> set[str]:
    try:
        return all_forms(entry)
    except (ValueError, KeyError, TypeError):
        return {str(entry["nom"])} if "nom" in entry else set()


def _strings(value: Any) -> list[str]:
    """Every string inside nested lists / tables (keys of tables too)."""
    out: list[str] = []
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, Mapping):
        for k, v in value.items():
            out.append(str(k))
            out.extend(_strings(v))
    elif isinstance(value, list):
        for v in value:
            out.extend(_strings(v))
    return out


def _clean(words: Iterable[str]) -> list[str]:
    return sorted({w for w in words if w and w.strip() == w and len(w) <= 40})


def _load_vocabulary() -> dict[str, list[str]]:
    numbers = _toml("numbers.toml")
    units = _toml("units.toml")
    quals = _toml("qualifiers.toml")
    words = _toml("words.toml")
    time = _toml("time.toml")
    stop = _toml("stopwords.toml")
    abbr = _toml("abbreviations.toml")

    number_words: set[str] = set()
    unit_sg: set[str] = set()
    for section in ("number", "vague", "not_number"):
        for entry in numbers.get(section, []):
            forms = _forms(entry)
            number_words |= forms
            if entry.get("role") == "unit":
                unit_sg |= {f for f in forms if not f.endswith(("t", "ia", "iä", "ja", "jä"))}
    teen = str(numbers.get("teen", {}).get("suffix", "toista"))
    teens = {u + teen for u in unit_sg}
    scale_abbr = set(numbers.get("abbreviations", {}))

    unit_words: set[str] = {"%", "€", "%-yksikköä", "%:iin", "%:n"}
    for section in ("noun", "grade"):
        for entry in units.get(section, []):
            unit_words |= _forms(entry)

    qualifier_words: set[str] = set()
    for name, table in quals.items():
        if isinstance(table, Mapping):
            qualifier_words |= set(table.get("word", []))
            for stem in table.get("stem", []):
                qualifier_words |= {stem, stem + "t", stem + "n", stem + "a", stem + "at", stem + "an"}

    stat_words: set[str] = set()
    for table in words.get("statistic", {}).values():
        stat_words |= set(table.get("word", []))
        stat_words |= {s + e for s in table.get("stem", []) for e in ("", "nen", "sen", "set", "stä", "n")}
    rate_words = set(_strings(words.get("rate", {}))) - set(words.get("rate", {}))
    change_words: set[str] = set()
    for name, table in words.get("change", {}).items():
        change_words |= set(table.get("word", [])) | set(table.get("comparative", []))
        for stem in list(table.get("stem", [])) + list(table.get("weak_stem", [])):
            change_words |= {stem, stem + "i", stem + "nut", stem + "vat", stem + "a"}
    nonclaim_words = set(_strings(words.get("nonclaim", {}))) - set(words.get("nonclaim", {}))

    month_words: set[str] = set()
    month = time.get("month", {})
    heads = _forms(month.get("head", {})) if month.get("head") else {"kuussa", "kuun", "kuuta", "kuuhun"}
    for stem in month.get("stems", []):
        month_words |= {stem + h for h in heads}
        month_words |= {stem + "-", stem + "–"}
    month_words |= {a + "." for a in month.get("abbreviations", [])}
    time_words: set[str] = set()
    for name in ("weekday", "unit", "ordinal", "cardinal", "season"):
        for entry in _walk_entries(time.get(name, {})):
            time_words |= _forms(entry)
    for key in ("words", "now", "deictic_day", "part", "part_compound", "event"):
        time_words |= set(_strings(time.get(key, {})))
    for mod in time.get("modifier", []):
        time_words |= set(mod.get("words", []))
        time_words |= {p + "vuonna" for p in mod.get("prefixes", [])}

    return {
        "number_words": _clean(number_words | teens),
        "number_parts": _clean(f for f in number_words if len(f) <= 12),
        "scale_abbr": _clean(scale_abbr),
        "units": _clean(unit_words),
        "qualifiers": _clean(qualifier_words),
        "statistics": _clean(stat_words),
        "rates": _clean(rate_words),
        "changes": _clean(change_words),
        "nonclaims": _clean(nonclaim_words),
        "months": _clean(month_words),
        "time": _clean(time_words),
        "stop": _clean(_strings(stop)),
        "abbreviations": _clean(w + "." for w in abbr.get("words", [])),
    }


def _walk_entries(node: Any) -> Iterable[Mapping[str, Any]]:
    """Tables that look like a word entry (have ``nom``), anywhere under ``node``."""
    if isinstance(node, Mapping):
        if "nom" in node:
            yield node
        for v in node.values():
            yield from _walk_entries(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk_entries(v)


VOCAB = _load_vocabulary()

# Content words a release would have around its figures (written for this file).
FILLER = [
    "Kela",
    "THL",
    "HSL",
    "kaupunki",
    "Helsingin",
    "kertoo",
    "kertoi",
    "on",
    "oli",
    "ovat",
    "olivat",
    "vastattiin",
    "käsiteltiin",
    "hakemuksia",
    "hakemuksista",
    "puheluun",
    "puheluita",
    "jonotusaika",
    "asiakkaita",
    "matkustajaa",
    "matkustajista",
    "kävijää",
    "henkilöä",
    "vastaajista",
    "tapausta",
    "rokotuskattavuus",
    "etuuksia",
    "kasvoi",
    "laski",
    "pysyi",
    "tavoite",
    "arviolta",
    "mukaan",
    "tiedotteessa",
    "palvelussa",
    "asukasta",
    "työttömyysaste",
    "palkka",
    "hinta",
    "Olkiluoto",
    "linja",
    "Opastinsilta",
    "www.kela.fi",
    "info@thl.fi",
    "https://hsl.fi/uutiset?id=12",
    "COVID-19",
    "Q3/2022",
]

GROUP_SPACES = [" ", "\u00a0", "\u202f", "\u2007", "\u2009"]
DASHES = ["–", "-", "—", "‒"]
COLON_ENDINGS = [
    "n",
    "een",
    "ään",
    "ssa",
    "ssä",
    "sta",
    "stä",
    "lla",
    "llä",
    "lle",
    "ksi",
    "iin",
    "na",
    "nä",
    "ta",
    "tä",
    "en",
    "ee",
    "seen",
]


@st.composite
def digit_number(draw: st.DrawFn) -> str:
    """One number written in digits, the way releases write them (and a few ways they do not)."""
    kind = draw(
        st.sampled_from(
            [
                "int",
                "grouped",
                "decimal",
                "grouped_decimal",
                "range",
                "year",
                "dotted",
                "zero",
                "percent",
                "huge",
                "phone",
            ]
        )
    )
    if kind == "int":
        s = str(draw(st.integers(0, 999_999)))
    elif kind == "grouped":
        n = draw(st.integers(1_000, 10**12))
        sep = draw(st.sampled_from(GROUP_SPACES))
        s = f"{n:,}".replace(",", sep)
    elif kind == "decimal":
        s = f"{draw(st.integers(0, 9999))},{draw(st.integers(0, 999))}"
    elif kind == "grouped_decimal":
        sep = draw(st.sampled_from(GROUP_SPACES))
        s = f"{draw(st.integers(1_000, 10**7)):,}".replace(",", sep) + "," + str(draw(st.integers(0, 99)))
    elif kind == "range":
        a, b = draw(digit_number()), draw(digit_number())
        pad = draw(st.sampled_from(["", " ", "\u00a0"]))
        s = a + pad + draw(st.sampled_from(DASHES)) + pad + b
    elif kind == "year":
        s = str(draw(st.integers(1795, 2205)))
    elif kind == "dotted":
        d, m = draw(st.integers(0, 40)), draw(st.integers(0, 14))
        s = draw(
            st.sampled_from(
                [
                    f"{d}.{m}.",
                    f"{d}.{m}.{draw(st.integers(1790, 2210))}",
                    f"{d}.",
                    f"{d}.{m}",
                    f"{d}.–{d + 1}.{m}.",
                ]
            )
        )
    elif kind == "zero":
        s = "0" * draw(st.integers(1, 4)) + str(draw(st.integers(0, 9999)))
    elif kind == "percent":
        s = str(draw(st.integers(0, 120))) + draw(st.sampled_from(["", " ", "\u00a0"])) + "%"
    elif kind == "huge":
        s = str(draw(st.integers(10**12, 10**40)))
    else:
        s = "0" + " ".join(str(draw(st.integers(10, 9999))) for _ in range(draw(st.integers(1, 3))))
    if draw(st.integers(0, 5)) == 0:
        s += ":" + draw(st.sampled_from(COLON_ENDINGS))
    return s


@st.composite
def number_word(draw: st.DrawFn) -> str:
    """A number word or a compound of up to three number forms written together ("kaksisataaviisi")."""
    parts = draw(st.lists(st.sampled_from(VOCAB["number_parts"]), min_size=1, max_size=3))
    if draw(st.booleans()):
        return draw(st.sampled_from(VOCAB["number_words"]))
    return "".join(parts)


def _case(word: str, how: int) -> str:
    return word.upper() if how == 1 else word.capitalize() if how == 2 else word


WORD_POOLS = [
    "units",
    "qualifiers",
    "statistics",
    "rates",
    "changes",
    "nonclaims",
    "months",
    "time",
    "stop",
    "abbreviations",
    "scale_abbr",
]


@st.composite
def finnish_token(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 2:
        tok = draw(digit_number())
    elif kind == 3:
        tok = draw(number_word())
    elif kind == 4:
        tok = draw(st.sampled_from(FILLER))
    else:
        pool = draw(st.sampled_from(WORD_POOLS))
        tok = draw(st.sampled_from(VOCAB[pool])) if VOCAB[pool] else draw(st.sampled_from(FILLER))
    return _case(tok, draw(st.sampled_from([0, 0, 0, 0, 1, 2])))


SEPARATORS = [
    " ",
    " ",
    " ",
    " ",
    "  ",
    "\u00a0",
    "\n",
    "\n\n",
    ", ",
    ". ",
    ".\n",
    "! ",
    "? ",
    " – ",
    "–",
    "-",
    ": ",
    ":",
    "; ",
    " (",
    ") ",
    ' "',
    '" ',
    " »",
    "/",
    "\t",
    "\r\n",
    "",
    " ~",
]


@st.composite
def finnish_text(draw: st.DrawFn) -> str:
    toks = draw(st.lists(finnish_token(), min_size=1, max_size=40))
    out = []
    for tok in toks:
        out.append(tok)
        out.append(draw(st.sampled_from(SEPARATORS)))
    text = "".join(out)
    return text if draw(st.booleans()) else text.rstrip() + "."


# ----------------------------------------------------- releases to mutate
# Written for this file (not taken from any shared corpus).

RELEASES = [
    (
        "Kelan puhelinpalvelussa jonotettiin toukokuussa keskimäärin 6 minuuttia\n\n"
        "Helsinki 9.6.2020 – Kelan puhelinpalvelussa vastattiin toukokuussa keskimäärin 41\u00a0200 puheluun "
        "viikossa, helmikuussa noin 30 000:een. Jonotusaika lyheni huhti- ja toukokuussa yli 2 minuuttia "
        "edellisestä kuukaudesta.\n\n"
        "Kela maksoi tammi–maaliskuussa etuuksia yhteensä 257,6 milj. euroa. Hakemuksista 97,4 prosenttia "
        "ratkaistiin 7 arkipäivässä. Palvelu sai arvosanan 8,6 asteikolla 4–10.\n\n"
        "Lisätietoja: tiedottaja, puh. 020 634 1234, klo 9–16. www.kela.fi/tiedotteet\n"
    ),
    (
        "HSL: Matkustajamäärät kasvoivat syksyllä\n\n"
        "Helsingin seudulla tehtiin syys–marraskuussa runsaat 1,2 miljoonaa joukkoliikennematkaa arkipäivisin, "
        "mikä on 4,5 % enemmän kuin vuotta aiemmin. Metroon nousi vilkkaimmillaan lähes 19\u202f000 matkustajaa "
        "tunnissa. Linjan 550 vuorovälit pysyivät ennallaan.\n"
        "Lippujen hinnat nousevat 1.1.2021 alkaen keskimäärin 2,3 prosenttia.\n\n"
        "Kolmannella vuosineljänneksellä myöhästymisiä oli 12–15 % vähemmän, noin kaksisataa viikossa. "
        "Matkustajista 65 vuotta täyttäneet saavat alennuksen.\n"
    ),
    (
        "THL: Rokotuskattavuus nousi viime vuonna\n\n"
        "Vuonna 2019 lasten rokotuskattavuus oli 94,8 prosenttia, ja se nousi 0,6 prosenttiyksikköä. "
        "Ensi vuonna tavoitteena on vähintään 95 %. Kahdessakymmenessäviidessä kunnassa kattavuus jäi alle "
        "90 prosentin, ja mediaani oli 93,1 %.\n\n"
        "Kyselyyn vastasi 2 345 henkilöä 1.–15.3.2020 välisenä aikana, ja vastaajista 88 prosenttia oli "
        "tyytyväisiä. Noin puolitoista miljoonaa suomalaista sai kutsun parin viikon kuluessa.\n"
        "Lisätietoja: www.thl.fi, puh. 029 524 6000.\n"
    ),
]
RELEASE_DATES = [dt.date(2020, 6, 9), dt.date(2020, 12, 15), dt.date(2020, 3, 31)]

INSERTS = list("0123456789") + [
    "–",
    "-",
    "—",
    ":",
    "\u00a0",
    "\u202f",
    " ",
    "\n",
    ".",
    ",",
    "%",
    "§",
    "€",
    ":n",
    ":een",
    " 000",
    "\n\n",
    "noin ",
    "yli ",
    "1.1.",
    "klo ",
]


@st.composite
def mutated_release(draw: st.DrawFn) -> tuple[str, dt.date | None]:
    k = draw(st.integers(0, len(RELEASES) - 1))
    text = RELEASES[k]
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["delete", "insert", "insert", "duplicate", "swapcase"]))
        at = draw(st.integers(0, len(text)))
        if op == "delete":
            n = draw(st.integers(1, 12))
            text = text[:at] + text[at + n :]
        elif op == "insert":
            text = text[:at] + draw(st.sampled_from(INSERTS)) + text[at:]
        elif op == "duplicate":
            n = draw(st.integers(1, 60))
            text = text[: at + n] + text[at : at + n] + text[at + n :]
        else:
            n = draw(st.integers(1, 20))
            text = text[:at] + text[at : at + n].swapcase() + text[at + n :]
    published = draw(st.sampled_from([RELEASE_DATES[k], None, dt.date(2021, 1, 1)]))
    return text, published


ODD_CHARS = [
    "\u00a0",
    "\u202f",
    "\u2007",
    "\u2009",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\r",
    "\x00",
    "\u0301",
    "\u0308",
    "٣",
    "४",
    "４",
    "²",
    "½",
    "Ⅻ",
    "ß",
    "İ",
    "ﬃ",
    "🙂",
    "\U0001d7d9",
    "‐",
    "−",
    "⁄",
    "∶",
    "﹕",
    "．",
    "。",
    "٫",
    "\u202e",
    "\t",
    "\x0b",
    "\x0c",
    "\x85",
]

realistic_dates = st.one_of(
    st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
)


# ------------------------------------------------------------------ tests


def test_vocabulary_was_read_from_the_lexicons() -> None:
    """The generators really use the library's words (a renamed key would silently empty a pool)."""
    for pool in ("number_words", "units", "qualifiers", "statistics", "rates", "changes", "months", "time"):
        assert len(VOCAB[pool]) >= 10, pool
    assert "toukokuussa" in VOCAB["months"] and "huhti-" in VOCAB["months"]
    assert "kahdessakymmenessä" in VOCAB["number_words"] or "kahdessa" in VOCAB["number_words"]
    assert "prosenttia" in VOCAB["units"] and "noin" in VOCAB["qualifiers"]


@pytest.mark.parametrize("k", range(len(RELEASES)))
def test_releases_written_here_give_claims(k: int) -> None:
    """The unmutated releases are meaningful input: they give claims, and the claims hold."""
    claims = run(RELEASES[k], RELEASE_DATES[k])
    assert len(claims) >= 5


@fuzz_settings(300)
@given(text=st.text(max_size=400), published=realistic_dates)
@example(text="", published=None)
@example(text="\u00a0\n\n\u202f", published=None)
@example(text="1" * 300, published=None)
@pytest.mark.slow
def test_arbitrary_unicode(text: str, published: dt.date | None) -> None:
    run(text, published)


@fuzz_settings(250)
@given(
    parts=st.lists(
        st.one_of(st.text(max_size=8), st.sampled_from(ODD_CHARS), digit_number(), finnish_token()),
        max_size=40,
    ),
    published=realistic_dates,
)
@pytest.mark.slow
def test_odd_unicode_mixed_with_numbers(parts: list[str], published: dt.date | None) -> None:
    run("".join(parts), published)


@fuzz_settings(500)
@given(text=finnish_text(), published=realistic_dates)
@example(
    text="Toukokuussa vastattiin keskimäärin 40 000 puheluun viikossa, helmikuussa noin 30 000:een.",
    published=dt.date(2020, 6, 9),
)
@example(text="huhti- ja toukokuussa 2–3 % ja 40 000:n ja 80 000:n välillä", published=dt.date(2020, 6, 9))
@example(text="Vuonna 2018 se oli noin 8 minuuttia, vuotta aiemmin 9.", published=None)
@pytest.mark.slow
def test_finnish_looking_text(text: str, published: dt.date | None) -> None:
    run(text, published)


@fuzz_settings(300)
@given(case=mutated_release())
@pytest.mark.slow
def test_mutated_releases(case: tuple[str, dt.date | None]) -> None:
    text, published = case
    run(text, published)


@fuzz_settings(40)
@given(
    texts=st.lists(st.one_of(finnish_text(), mutated_release().map(lambda c: c[0])), min_size=1, max_size=4),
    published=realistic_dates,
)
@pytest.mark.slow
def test_extract_many_agrees_with_extract(texts: list[str], published: dt.date | None) -> None:
    """Streaming through ``nlp.pipe`` gives the same claims as one call per text."""
    try:
        one_by_one = [dumps(EXTRACTOR.extract(t, published=published)) for t in texts]
    except Exception as exc:
        ident = known_defect(exc)
        if ident is None:
            raise
        event(f"known defect hit: {ident}")
        return
    many = list(EXTRACTOR.extract_many([(t, published) for t in texts], batch_size=2))
    assert [dumps(c) for c in many] == one_by_one
