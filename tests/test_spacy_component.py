"""The spaCy component "tiedote": the entry point, config and per-document dates, other components, n_process.

``doc._.claims`` must be the very records ``tiedote.extract`` returns for the
same text and date, however the pipeline is built or run.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import subprocess
import sys
from importlib.metadata import entry_points
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

import tiedote
from tiedote.models import Claim

PUBLISHED = dt.date(2020, 6, 9)

# Short releases written for these tests; each has a period that only the publication date resolves.
TEXTS = [
    (
        "Kaupungin neuvontaan soitettiin toukokuussa keskimäärin 1 200 kertaa viikossa. "
        "Jonotusaika lyheni noin 3 minuuttiin."
    ),
    "Kirjaston lainaus kasvoi viime vuonna 12 prosenttia. Kävijöitä oli yli 45 000.",
    "Uimahallissa kävi helmikuussa 8 300 asiakasta, mikä on 5 prosenttia enemmän kuin tammikuussa.",
    (
        "Lumitöihin käytettiin joulukuussa 2,4 miljoonaa euroa. "
        "Aurauskalustoa oli liikkeellä enimmillään 140 konetta päivässä."
    ),
    (
        "Terveysasemille pääsi maaliskuussa kiireettömään hoitoon keskimäärin 11 päivässä. "
        "Vuotta aiemmin odotus kesti 19 päivää."
    ),
    (
        "Pyöräilijöitä laskettiin kesäkuussa Pitkälläsillalla 4 500 vuorokaudessa, "
        "lähes 10 prosenttia edellisvuotta enemmän."
    ),
]


def dumps(claims: object) -> list[dict[str, object]]:
    assert isinstance(claims, list)
    assert all(isinstance(c, Claim) for c in claims)
    return [c.model_dump(mode="json") for c in claims]


def test_the_sample_texts_have_claims_whose_periods_need_the_date() -> None:
    # Guards the other tests: with no claims, or no date-dependent period, they would prove nothing.
    for text in TEXTS:
        assert tiedote.extract(text), text
    assert any(tiedote.extract(text) != tiedote.extract(text, published=PUBLISHED) for text in TEXTS), (
        "no sample text depends on the publication date"
    )


def test_the_factory_is_registered_as_a_spacy_entry_point() -> None:
    found = [ep for ep in entry_points(group="spacy_factories") if ep.name == "tiedote"]
    assert [ep.value for ep in found] == ["tiedote.pipeline:make_tiedote_component"]


# One fresh interpreter for both checks below: starting one costs the lemmatizer's dictionary load.
FRESH_SCRIPT = """\
import json, sys
import spacy
assert "tiedote" not in sys.modules, "spacy imported tiedote before it was asked for"
nlp = spacy.blank("fi")
nlp.add_pipe("tiedote")
texts = json.loads(sys.stdin.read())
blank = [[c.model_dump(mode="json") for c in doc._.claims] for doc in nlp.pipe(texts)]
loaded = spacy.load(sys.argv[1])
saved = [[c.model_dump(mode="json") for c in doc._.claims] for doc in loaded.pipe(texts)]
print(json.dumps({"blank": blank, "saved_names": loaded.pipe_names, "saved": saved}))
"""


@pytest.fixture(scope="module")
def fresh_interpreter(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Claims from a new Python that never imported tiedote: a blank pipeline, and one saved to disk."""
    folder = tmp_path_factory.mktemp("spacy")
    nlp = spacy.blank("fi")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tiedote", config={"published": PUBLISHED.isoformat()})
    nlp.to_disk(folder / "pipeline")
    done = subprocess.run(
        [sys.executable, "-c", FRESH_SCRIPT, str(folder / "pipeline")],
        input=json.dumps(TEXTS),
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr
    out: dict[str, Any] = json.loads(done.stdout)
    return out


@pytest.mark.slow
def test_add_pipe_works_in_a_fresh_interpreter_through_the_entry_point(
    fresh_interpreter: dict[str, Any],
) -> None:
    assert fresh_interpreter["blank"] == [dumps(tiedote.extract(text)) for text in TEXTS]


def test_a_pipeline_saved_with_the_component_loads_in_a_fresh_interpreter(
    fresh_interpreter: dict[str, Any],
) -> None:
    assert fresh_interpreter["saved_names"] == ["sentencizer", "tiedote"]
    assert fresh_interpreter["saved"] == [dumps(tiedote.extract(text, published=PUBLISHED)) for text in TEXTS]


def test_doc_claims_are_the_claims_of_extract() -> None:
    nlp = spacy.blank("fi")
    nlp.add_pipe("tiedote")
    for text in TEXTS:
        doc = nlp(text)
        assert doc._.claims == tiedote.extract(text)
        assert doc.text == text  # spans point into doc.text as into the text given


def test_config_published_resolves_periods_as_extract_does() -> None:
    nlp = spacy.blank("fi")
    nlp.add_pipe("tiedote", config={"published": PUBLISHED.isoformat()})
    assert nlp.get_pipe_config("tiedote")["published"] == "2020-06-09"
    for doc, text in zip(nlp.pipe(TEXTS), TEXTS, strict=True):
        assert doc._.claims == tiedote.extract(text, published=PUBLISHED)


def test_doc_published_comes_before_the_config() -> None:
    nlp = spacy.blank("fi")
    nlp.add_pipe("tiedote", config={"published": "2001-01-01"})
    for per_doc in (PUBLISHED, PUBLISHED.isoformat()):
        docs = []
        for text in TEXTS:
            doc = nlp.make_doc(text)
            doc._.published = per_doc
            docs.append(doc)
        for doc, text in zip(nlp.pipe(docs), TEXTS, strict=True):
            assert doc._.claims == tiedote.extract(text, published=PUBLISHED)
    doc = nlp.make_doc(TEXTS[0])
    doc._.published = PUBLISHED
    assert nlp(doc)._.claims == tiedote.extract(TEXTS[0], published=PUBLISHED)


def test_it_runs_after_other_components_and_leaves_their_work_alone() -> None:
    nlp = spacy.blank("fi")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "FAC", "pattern": "Pitkälläsillalla"}])  # type: ignore[attr-defined]
    nlp.add_pipe("tiedote", config={"published": PUBLISHED.isoformat()})
    assert nlp.pipe_names == ["sentencizer", "entity_ruler", "tiedote"]
    for text in TEXTS:
        doc = nlp(text)
        assert doc._.claims == tiedote.extract(text, published=PUBLISHED)
        assert doc.has_annotation("SENT_START")
    assert [(e.text, e.label_) for e in nlp(TEXTS[-1]).ents] == [("Pitkälläsillalla", "FAC")]


def test_as_tuples_hands_the_context_back_unchanged() -> None:
    nlp = spacy.blank("fi")
    nlp.add_pipe("tiedote")
    contexts = [{"id": f"r{i}", "published": PUBLISHED} for i in range(len(TEXTS))]
    out = list(nlp.pipe(zip(TEXTS, contexts, strict=True), as_tuples=True))
    assert [context for _, context in out] == contexts
    assert [doc.text for doc, _ in out] == TEXTS


def test_as_tuples_context_carries_the_published_date() -> None:
    nlp = spacy.blank("fi")
    nlp.add_pipe("tiedote")
    pairs = [(text, {"published": PUBLISHED}) for text in TEXTS]
    for (doc, _), text in zip(nlp.pipe(pairs, as_tuples=True), TEXTS, strict=True):
        assert doc._.claims == tiedote.extract(text, published=PUBLISHED)


def test_claims_survive_pickle() -> None:
    # What multiprocessing (nlp.pipe workers, batch workers, Dask) does to them.
    for text in TEXTS:
        claims = tiedote.extract(text, published=PUBLISHED)
        assert pickle.loads(pickle.dumps(claims)) == claims


def test_claims_as_user_data_survive_doc_to_bytes() -> None:
    # What n_process > 1 (below) needs: Doc.to_bytes msgpacks user_data, and pipeline.py
    # registers a msgpack encoder for the records and dates (msgpack knows neither).
    nlp = spacy.blank("fi")
    nlp.add_pipe("tiedote")
    doc = nlp.make_doc(TEXTS[0])
    doc._.published = PUBLISHED
    doc = nlp(doc)
    assert doc._.claims == tiedote.extract(TEXTS[0], published=PUBLISHED) != []
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.claims == doc._.claims
    assert back._.published == PUBLISHED


def test_n_process_2_gives_the_same_claims_as_extract() -> None:
    nlp = spacy.blank("fi")
    nlp.add_pipe("tiedote", config={"published": PUBLISHED.isoformat()})
    texts = TEXTS * 3
    got = [doc._.claims for doc in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert got == [tiedote.extract(text, published=PUBLISHED) for text in texts]


def test_n_process_2_with_per_doc_dates_and_contexts() -> None:
    nlp = spacy.blank("fi")
    nlp.add_pipe("tiedote")
    docs = []
    for text in TEXTS:
        doc = nlp.make_doc(text)
        doc._.published = PUBLISHED
        docs.append(doc)
    got = [doc._.claims for doc in nlp.pipe(docs, n_process=2, batch_size=2)]
    assert got == [tiedote.extract(text, published=PUBLISHED) for text in TEXTS]
    pairs = [(text, {"published": PUBLISHED}) for text in TEXTS]
    got = [doc._.claims for doc, _ in nlp.pipe(pairs, as_tuples=True, n_process=2, batch_size=2)]
    assert got == [tiedote.extract(text, published=PUBLISHED) for text in TEXTS]
