"""The parser reading's plumbing: loading, alignment, the spaCy component, batch and the missing-package error."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tiedote
from tiedote.claims.syntax import PARSER, align, load_parser, parse_texts
from tiedote.errors import ParserMissingError, TiedoteError
from tiedote.text.segment import sentences, tokenize

HAVE_PARSER = importlib.util.find_spec(PARSER) is not None
needs_parser = pytest.mark.skipif(not HAVE_PARSER, reason=f"{PARSER} missing")

TEXT = ("Kurssille ilmoittautui 460 opiskelijaa. Heistä runsaat 210 suoritti kurssin.\n\n"
        "Käsittelyaika oli keskimäärin 12 päivää, kertoo palvelupäällikkö Liisa Mäkelä.")


def test_a_missing_model_package_is_named_and_the_fast_reading_still_works() -> None:
    with pytest.raises(ParserMissingError, match="no_such_parser_package") as info:
        tiedote.Extractor(parser="no_such_parser_package")
    assert isinstance(info.value, TiedoteError) and isinstance(info.value, ImportError)
    assert "Extractor(parser=None)" in str(info.value)
    assert [c.quantity.value for c in tiedote.Extractor(parser=None).extract(TEXT)] == [460, 210, 12]


def test_the_default_extractor_is_the_parser_reading() -> None:
    assert tiedote.Extractor().parser == PARSER
    assert tiedote.Extractor(parser=None).parser is None  # the fast reading


@needs_parser
def test_the_model_is_loaded_once_per_process_without_lemmatizer_ner_and_tagger() -> None:
    nlp = load_parser()
    assert nlp is load_parser(PARSER)
    assert "parser" in nlp.pipe_names and not {"lemmatizer", "ner", "tagger"} & set(nlp.pipe_names)


@needs_parser
def test_alignment_keeps_tiedote_offsets_and_joins_digit_groups() -> None:
    text = "Matkustajia oli 1 970 000 ja rahtia 12 300 tonnia."
    sent = sentences(text)[0]
    toks = tokenize(sent)
    doc = parse_texts(load_parser(), [sent.text])[0]
    assert doc.text != sent.text and len(doc.text) == len(sent.text)  # "1 970 000" parsed as one number
    sp = align(doc, sent.start, toks)
    for t_index, tok in enumerate(toks):
        k = sp.at[t_index]
        start = sent.start + doc[k].idx
        assert start <= tok.start < sp.end[k]
    number = next(i for i, t in enumerate(toks) if t.text == "970")
    assert sp.at[number] == sp.at[number - 1]  # one parser token for the whole number


@pytest.mark.source_tap
@needs_parser
def test_the_spacy_component_uses_the_docs_own_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    from tiedote.claims import fill

    nlp = spacy.load(PARSER, exclude=["lemmatizer", "ner"])
    nlp.add_pipe("tiedote")

    def parse_again(*args: object) -> None:
        raise AssertionError("the component parsed a sentence its pipeline had already parsed")

    monkeypatch.setattr(fill, "parse_texts", parse_again)
    doc = nlp(TEXT)
    via_doc = [(c.quantity.value, c.measure.lemma if c.measure else None) for c in doc._.claims]
    assert via_doc == [(460, "opiskelija"), (210, "opiskelija"), (12, "käsittelyaika")]
    rules = [c.rules for c in doc._.claims]
    assert "measure.counted_noun" in rules[0]  # a noun of its own: the fast reading's measure stands
    assert "measure.tree_subject" in rules[2]  # a duration: read again from the Doc's own parse


@pytest.mark.source_tap
@needs_parser
def test_only_the_sentences_of_doubtful_figures_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    from tiedote.claims import fill

    parsed: list[str] = []
    real = fill.parse_texts

    def counting(nlp: object, texts: list[str]) -> object:
        parsed.extend(texts)
        return real(nlp, texts)  # type: ignore[arg-type]

    monkeypatch.setattr(fill, "parse_texts", counting)
    text = ("Kirjastoon hankittiin 1 200 uutta kirjaa. Varauksen sai keskimäärin 9 päivässä.\n\n"
            "Kurssille ilmoittautui 460 opiskelijaa. Heistä runsaat 210 suoritti kurssin.")
    claims = tiedote.Extractor(parser=PARSER).extract(text, published=dt.date(2024, 3, 1))
    assert [c.quantity.value for c in claims] == [1200, 9, 460, 210]
    # a counted noun, a duration's verb and a noun of the clause are sure; "heistä runsaat 210" has no noun
    assert parsed == ["Heistä runsaat 210 suoritti kurssin."]


@needs_parser
def test_both_readings_give_the_same_numbers_units_and_periods() -> None:
    fast = tiedote.Extractor().extract(TEXT, published=dt.date(2024, 3, 1))
    parsed = tiedote.Extractor(parser=PARSER).extract(TEXT, published=dt.date(2024, 3, 1))
    keep = {"id", "quantity", "period", "statistic", "rate", "change", "per", "sentence"}
    assert [c.model_dump(include=keep) for c in fast] == [c.model_dump(include=keep) for c in parsed]
    assert parsed[2].source is not None and parsed[2].source.text == "palvelupäällikkö Liisa Mäkelä"


@needs_parser
def test_batch_parser_and_fast_write_the_same_figures(tmp_path: Path) -> None:
    from tiedote.cli import cli

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    out = {}
    for flag in ("--fast", "--parser"):
        target = tmp_path / f"out{flag}.jsonl"
        res = runner.invoke(cli, ["batch", str(src), "-o", str(target), "--jobs", "1", "-q", flag])
        assert res.exit_code == 0, res.output
        [line] = target.read_text(encoding="utf-8").splitlines()
        out[flag] = json.loads(line)["claims"]
    assert [c["quantity"] for c in out["--fast"]] == [c["quantity"] for c in out["--parser"]]
    assert any("measure.tree" in " ".join(c["rules"]) for c in out["--parser"])
    assert not any("measure.tree" in " ".join(c["rules"]) for c in out["--fast"])


@needs_parser
def test_dask_partitions_build_the_parser_extractor_and_model_once_per_process() -> None:
    import functools

    pytest.importorskip("dask")
    from tiedote.claims.syntax import _load
    from tiedote.dask import extract_records, worker_stats
    from tiedote.io.batch import default_extractor

    factory = functools.partial(default_extractor, parser=PARSER)
    records = [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT.replace("460", "470")}]
    built = worker_stats()["extractors_built"]
    first = extract_records(records, factory=factory, partition=0)
    second = extract_records(records, factory=factory, partition=1)
    assert worker_stats()["extractors_built"] == built + 1
    assert _load.cache_info().currsize == 1
    assert [c.measure.lemma if c.measure else None for r in first for c in r.claims] == \
        [c.measure.lemma if c.measure else None for r in second for c in r.claims]
    assert any("measure.tree" in " ".join(c.rules) for r in first for c in r.claims)


# Which sentences the parser reading parses: those with a figure the fast reading is unsure of
# (claims.fill.doubtful).  One row per reason, and rows the fast reading is sure of.
DOUBT_ROWS = [
    ("counted-noun", "Kaupunki istutti keväällä 3 200 puuta.", False),
    ("noun-of-clause", "Lainoja kertyi viime vuonna 48 000.", False),
    ("duration-verb", "Lupahakemus ratkaistiin keskimäärin 21 päivässä.", False),
    ("elative-group", "Vastaajista 64 prosenttia kannattaa hanketta.", False),
    ("carried-elative-pronoun", "Kurssille tuli 460 opiskelijaa. Heistä runsaat 210 suoritti kurssin.", True),
    ("no-noun-at-all", "Odottaminen kesti keskimäärin 21 päivää.", True),
    ("bare-verb", "Kokeeseen osallistui 300 ja siitä selvisi 210.", True),
    ("duration-by-noun", "Ilmoitus käsitellään viiden arkipäivän kuluessa.", True),
    ("lead-time-is-sure", "Hammashoitoajan saa nyt kolmen viikon päähän.", False),
    ("truncated-compound", "Syksyllä aloitti 1 250 kone- ja sähkötekniikan opiskelijaa.", True),
    ("eli-restatement", "Vesikatko koski 2 300 kotitaloutta eli 12 prosenttia kunnan 19 000 kotitaloudesta.", True),
]


@pytest.mark.source_tap
@needs_parser
@pytest.mark.parametrize(("text", "parsed"), [pytest.param(t, p, id=i) for i, t, p in DOUBT_ROWS])
def test_the_parser_reading_parses_only_sentences_with_a_doubtful_figure(
        text: str, parsed: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from tiedote.claims import fill

    seen: list[str] = []
    real = fill.parse_texts

    def counting(nlp: object, texts: list[str]) -> object:
        seen.extend(texts)
        return real(nlp, texts)  # type: ignore[arg-type]

    monkeypatch.setattr(fill, "parse_texts", counting)
    tiedote.Extractor(parser=PARSER).extract(text, published=dt.date(2024, 3, 1))
    assert bool(seen) == parsed, seen
