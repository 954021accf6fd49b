"""Claims with meaning: measure, statistic, rate, change, ellipsis and reference (one row per phenomenon)."""

from __future__ import annotations

import datetime as dt

import pytest

import tiedote

PUB = dt.date(2020, 6, 9)


def _one(text: str, number: str) -> tiedote.Claim:
    claims = [c for c in tiedote.extract(text, published=PUB) if c.quantity.span.text == number]
    assert len(claims) == 1, [c.quantity.span.text for c in tiedote.extract(text, published=PUB)]
    return claims[0]


# (id, text, number, expected measure lemma)
MEASURE = [
    ("counted-illative", "Toukokuussa vastattiin 40 000 puheluun viikossa.", "40 000", "puhelu"),
    ("counted-partitive", "Kela soitti asiakkaille 8 400 puhelua.", "8 400", "puhelu"),
    ("counted-after-adjective", "Kela palkkasi noin 120 määräaikaista etuuskäsittelijää.", "120", "etuuskäsittelijä"),
    ("counted-after-uutta", "Kaupunki sai 6 057 uutta asukasta.", "6 057", "asukas"),
    ("copula-subject", "Jonotusaika oli keskimäärin 6 minuuttia.", "6", "jonotusaika"),
    ("passive-verb", "Palvelunumeroihin jonotettiin keskimäärin 2 minuuttia.", "2", "jonottaa"),
    ("existential-partitive", "Asiointeja oli noin 10 700.", "10 700", "asiointi"),
    ("elative-before", "Hakemuksista 97,4 prosenttia ratkaistiin ajallaan.", "97,4", "hakemus"),
    ("elative-after", "Kyselyssä 88 prosenttia vastaajista oli tyytyväisiä.", "88", "vastaaja"),
    # a duration measures the activity, not the thing processed (contract.md, issue 16)
    ("duration-activity", "Oleskeluluvan saa nyt keskimäärin 23 päivässä.", "23", "saada"),
    ("nominative-plural", "Investoinnit kasvoivat 2,4 prosenttia.", "2,4", "investointi"),
    ("participle-plural", "Syntyneitä oli 2 214.", "2 214", "syntynyt"),
    ("compound-gradation", "Puhelinajan saa nyt parin päivän päähän.", "parin", "puhelinaika"),
    ("grade", "Asiakkaat antoivat palvelulle arvosanan 9.", "9", "arvosana"),
    ("anaphora-se", "Jonotusaika oli 6 minuuttia, ja vuonna 2018 se oli noin 8 minuuttia.", "8", "jonotusaika"),
    ("ellipsis", "Toukokuussa vastattiin 40 000 puheluun, helmikuussa noin 30 000:een.", "30 000", "puhelu"),
    ("relative-mika", "Henkilökortteja myönnettiin noin 41 000, mikä on 74 prosenttia enemmän kuin vuotta aiemmin.",
     "74", "henkilökortti"),
]


@pytest.mark.parametrize("text,number,lemma", [pytest.param(t, n, m, id=i) for i, t, n, m in MEASURE])
def test_measure(text: str, number: str, lemma: str) -> None:
    claim = _one(text, number)
    assert claim.measure is not None and claim.measure.lemma == lemma, claim.measure
    assert text[claim.measure.span.start:claim.measure.span.end] == claim.measure.span.text


# (id, text, number, statistic, rate)
STATISTIC_RATE = [
    ("mean-rate-week", "Toukokuussa vastattiin keskimäärin 40 000 puheluun viikossa.", "40 000", "mean", "week"),
    ("mean-adjective", "Keskimääräinen palautus on noin 800 euroa.", "800", "mean", None),
    ("median", "Käsittelyajan mediaani oli kahdeksan vuorokautta.", "kahdeksan", "median", None),
    ("total", "Tukea maksettiin kaikkiaan 757 miljoonaa euroa.", "757 miljoonaa", "total", None),
    ("max", "Myrsky katkaisi sähköt enimmillään 41 000 asiakkaalta.", "41 000", "max", None),
    ("min-matalin", "Matalin kattavuus on noin 6 prosenttia.", "6", "min", None),
    ("stat-per-clause", "Keskimääräinen palautus on 800 euroa, mutta mediaani vain 350 euroa.", "350", "median", None),
    ("rate-weekday", "Kelasta soitettiin arkipäivisin keskimäärin 8 400 puhelua.", "8 400", "mean", "weekday"),
    ("rate-weekday-kohden", "Linjalla tehtiin 34 000 matkaa arkipäivää kohden.", "34 000", None, "weekday"),
    ("rate-month-salary", "Palkka on vähintään 3 600 euroa kuukaudessa.", "3 600", None, "month"),
    ("rate-year", "Kela tekee noin 1,6 miljoonaa päätöstä vuodessa.", "1,6 miljoonaa", None, "year"),
    ("rate-day-paivittain", "Osastolla oli 140 potilasta päivittäin.", "140", None, "day"),
    ("rate-month-big-count", "Päätöksiä on tehty noin 1 900 kuukaudessa.", "1 900", None, "month"),
    ("duration-not-rate", "Lupa ratkaistiin keskimäärin 23 päivässä.", "23", "mean", None),
    ("duration-hours-not-rate", "Sähköt palasivat alle kolmessa tunnissa.", "kolmessa", None, None),
    ("window-not-rate", "Työttömien määrä kasvoi vuodessa 10 400:lla.", "10 400", None, None),
    ("growth-percent-not-rate", "Määrä on kasvanut jopa 20 prosenttia vuodessa.", "20", None, None),
]


@pytest.mark.parametrize("text,number,statistic,rate",
                         [pytest.param(t, n, s, r, id=i) for i, t, n, s, r in STATISTIC_RATE])
def test_statistic_and_rate(text: str, number: str, statistic: str | None, rate: str | None) -> None:
    claim = _one(text, number)
    assert (claim.statistic, claim.rate) == (statistic, rate)


# (id, text, number, direction)
CHANGE = [
    ("kasvoi", "Matkustajamäärä kasvoi 6,4 prosenttia.", "6,4", "increase"),
    ("nousi-level", "Työllisyysaste nousi 74,1 prosenttiin.", "74,1", "increase"),
    ("lisaantyi", "Kulutus lisääntyi 1,8 prosenttia.", "1,8", "increase"),
    ("laski", "Trendi laski 0,3 prosenttiyksikköä.", "0,3", "decrease"),
    ("vaheni", "Matkustajamäärä väheni 1,2 prosenttia.", "1,2", "decrease"),
    ("pieneni", "Käyntien määrä pieneni noin 7 500 asiointiin viikossa.", "7 500", "decrease"),
    ("supistui", "Arvonlisäys supistui 1,1 prosenttia.", "1,1", "decrease"),
    ("lyhentynyt", "Jonotusaika on lyhentynyt 5–7 minuuttiin.", "5–7", "decrease"),
    ("pysyi-ennallaan", "Vienti pysyi ennallaan, sillä muutos oli 0,0 prosenttia.", "0,0", "unchanged"),
    ("enemman-kuin-time", "Määrä on 6 prosenttia enemmän kuin vuotta aiemmin.", "6", "increase"),
    ("pienempi-kuin-time", "Määrä on 29 200 pienempi kuin heinäkuussa.", "29 200", "decrease"),
    ("groups-not-change", "Kuolleita oli 172 enemmän kuin syntyneitä.", "172", None),
    ("board-not-change", "Metroon nousee arkipäivisin 19 000 matkustajaa.", "19 000", None),
    ("plain", "Jonotusaika on 2 minuuttia.", "2", None),
]


@pytest.mark.parametrize("text,number,direction", [pytest.param(t, n, d, id=i) for i, t, n, d in CHANGE])
def test_change(text: str, number: str, direction: str | None) -> None:
    claim = _one(text, number)
    assert (claim.change.direction if claim.change else None) == direction
    if claim.change is not None:
        assert text[claim.change.span.start:claim.change.span.end] == claim.change.span.text


def test_ellipsis_shares_measure_and_rate() -> None:
    text = "Toukokuussa vastattiin keskimäärin 40 000 puheluun viikossa, helmikuussa noin 30 000:een."
    a, b = tiedote.extract(text, published=PUB)
    assert (b.measure and b.measure.lemma, b.rate) == ("puhelu", "week")
    assert b.quantity.qualifier == "approximate" and a.quantity.qualifier == "exact"
    assert (str(a.period and a.period.start), str(b.period and b.period.start)) == ("2020-05-01", "2020-02-01")


def test_every_claim_names_its_rules() -> None:
    for claim in tiedote.extract("Jonotusaika oli keskimäärin 6 minuuttia. Hinta on 48 euroa.", published=PUB):
        assert claim.rules and claim.rules[0].startswith("number.")
        assert all(isinstance(r, str) and "." in r for r in claim.rules)


# Period carrying (issue 3): basis context / published / unresolved
def test_period_carries_within_paragraph() -> None:
    text = "Toukokuussa jonoa kertyi paljon. Asiakkaat jonottivat keskimäärin 11 minuuttia."
    (claim,) = tiedote.extract(text, published=PUB)
    assert claim.period is not None and claim.period.basis == "context"
    assert (claim.period.start, claim.period.end) == (dt.date(2020, 5, 1), dt.date(2020, 5, 31))


@pytest.mark.parametrize("lead,year", [
    # A period named in a sentence with no figure of its own still takes its year from that
    # sentence's verb: a summer that is still ahead of a March release is last year's when told
    # in the past tense, this year's when told in the future.
    pytest.param("Kesällä lainaus kasvoi selvästi.", 2020, id="past-tense-last-year"),
    pytest.param("Kesällä lainauksen odotetaan kasvavan.", 2021, id="present-tense-this-year"),
    pytest.param("Joulukuussa kirjastot olivat kiinni.", 2020, id="past-december"),
])
def test_carried_period_takes_the_year_from_its_own_sentence(lead: str, year: int) -> None:
    text = f"{lead} E-kirjoja lainattiin 41 500 kertaa."
    (claim,) = tiedote.extract(text, published=dt.date(2021, 3, 15))
    assert claim.period is not None and claim.period.basis == "context"
    assert claim.period.start is not None and claim.period.start.year == year


def test_present_tense_takes_the_publication_date() -> None:
    (claim,) = tiedote.extract("Jonotusaika on 2 minuuttia.", published=PUB)
    assert claim.period is not None and claim.period.basis == "published"
    assert claim.period.start == claim.period.end == PUB


def test_without_published_relative_time_stays_unresolved() -> None:
    (claim,) = tiedote.extract("Toukokuussa vastattiin 40 000 puheluun.")
    assert claim.period is not None and claim.period.basis == "unresolved" and claim.period.start is None
    assert claim.period.span is not None and claim.period.span.text == "Toukokuussa"
    (year_claim,) = tiedote.extract("Vuonna 2018 jonotusaika oli 8 minuuttia.")
    assert year_claim.period is not None and year_claim.period.start == dt.date(2018, 1, 1)


def test_event_period_is_unresolved_with_its_span() -> None:
    (claim,) = tiedote.extract("Ennen epidemiaa palvelupisteissä asioitiin 35 000 kertaa viikossa.", published=PUB)
    assert claim.period is not None and claim.period.basis == "unresolved"
    assert claim.period.span is not None and claim.period.span.text == "Ennen epidemiaa"


def test_title_figure_takes_the_body_period() -> None:
    text = "Työttömien määrä kasvoi vuodessa 10 400:lla\n\nElokuun lopussa työttömiä oli 249 500."
    title, body = tiedote.extract(text, published=dt.date(2023, 9, 26))
    assert title.period is not None and body.period is not None
    assert (title.period.start, title.period.end) == (body.period.start, body.period.end)


def test_year_before_shifts_the_period_in_force() -> None:
    text = "Tammikuun hakemuksista 71 prosenttia jätettiin verkossa, kun vuotta aiemmin osuus oli 64 prosenttia."
    a, b = tiedote.extract(text, published=dt.date(2019, 2, 12))
    assert a.period is not None and a.period.start == dt.date(2019, 1, 1)
    assert b.period is not None and (b.period.start, b.period.end) == (dt.date(2018, 1, 1), dt.date(2018, 1, 31))


def test_dateline_is_not_the_period_of_the_figures() -> None:
    text = ("TIEDOTE 9.6.2020\nJonot lyhenivät\n\nToukokuussa jonotettiin 2 minuuttia. "
            "Asiakkaat jonottivat keskimäärin 3 minuuttia.")
    claims = tiedote.extract(text, published=PUB)
    assert [c.quantity.value for c in claims] == [2, 3]
    assert all(c.period is not None and c.period.start == dt.date(2020, 5, 1) for c in claims)


@pytest.mark.parametrize("text,number,subject", [
    pytest.param("Toukokuussa Kelan puhelinpalvelussa vastattiin 40 000 puheluun.", "40 000",
                 "Kelan puhelinpalvelussa", id="genitive-name-and-noun"),
    pytest.param("Vuonna 2022 THL:n rekisteriin kirjattiin 312 tapausta.", "312", "THL:n rekisteriin",
                 id="abbreviation-genitive"),
    pytest.param("Jonotusaika oli keskimäärin 6 minuuttia.", "6", None, id="no-name"),
])
def test_subject(text: str, number: str, subject: str | None) -> None:
    claim = _one(text, number)
    assert (claim.subject.text if claim.subject else None) == subject
    if claim.subject is not None:
        assert text[claim.subject.span.start:claim.subject.span.end] == claim.subject.text


@pytest.mark.parametrize("text,number,unit,statistic,direction", [
    pytest.param("Eläkkeitä maksettiin yhteensä 212 milj. euroa 118 400 eläkkeensaajalle.", "118 400",
                 "count", None, None, id="statistic-belongs-to-nearest-figure"),
    pytest.param("Puheluihin vastattiin keskimäärin 9 minuutissa, ja puheluita tuli arkipäivisin noin 410.",
                 "410", "count", None, None, id="bare-with-own-counted-noun"),
    pytest.param("Lupien määrä lisääntyi 6 prosenttia 41 200:aan.", "41 200", "count", None, "increase",
                 id="inflected-level-after-percent"),
    pytest.param("Tehtävämäärä väheni 142:lla eli 4 prosenttia.", "4", "percent", None, "decrease",
                 id="eli-restatement-shares-change"),
    pytest.param("Kävijämäärä pysyi ennallaan, sillä vuotta aiemmin käyntejä kertyi 1,93 miljoonaa.",
                 "1,93 miljoonaa", "count", None, None, id="explanation-with-own-time-no-change"),
    pytest.param("Kausikortti maksaa 89 euroa, mikä on 4 euroa enemmän kuin nyt.", "4", "EUR", None, "increase",
                 id="comparison-with-now"),
    pytest.param("Palvelun keskiarvo oli 3,6 asteikolla 1–5.", "3,6", "score", "mean", None, id="figure-on-a-scale"),
    pytest.param("Kirjasto sai kokonaisarvosanan 4,6.", "4,6", "score", None, None, id="grade-compound"),
])
def test_neighbouring_figures(text: str, number: str, unit: str, statistic: str | None,
                              direction: str | None) -> None:
    claim = _one(text, number)
    assert (claim.quantity.unit, claim.statistic, claim.change.direction if claim.change else None) == (
        unit, statistic, direction)


@pytest.mark.parametrize("text", [
    pytest.param("Hätätilanteessa soita aina 112.", id="emergency-number"),
    pytest.param("Harjuvaaran polku 3 on suljettu.", id="trail-name"),
    pytest.param("Kirjastoon pääsee bussilinjalla 23.", id="bus-line-adessive"),
])
def test_more_numbers_that_name_things(text: str) -> None:
    assert tiedote.extract(text, published=PUB) == []


def test_a_share_of_a_group_measures_the_group_not_the_object() -> None:
    # the gold files and contract.md (issue 16): "X:stä 72 prosenttia on saanut rokotteen" is a share of X
    claim = _one("Yli 65-vuotiaista 72 prosenttia on saanut rokotteen.", "72")
    assert claim.measure is not None and claim.measure.lemma.endswith("vuotias")


def test_title_takes_the_lead_period_past_a_dateline() -> None:
    text = ("Yhtiön liikevaihto kasvoi 12 prosenttia\n\nOulu 14.3.2024\n\n"
            "Yhtiön liikevaihto kasvoi viime vuonna 12,4 prosenttia 48,2 miljoonaan euroon.")
    title = tiedote.extract(text, published=dt.date(2024, 3, 14))[0]
    assert title.period is not None and (title.period.start, title.period.end) == (
        dt.date(2023, 1, 1), dt.date(2023, 12, 31))
