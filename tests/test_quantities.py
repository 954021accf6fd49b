"""Finnish quantities: every figure read right, with its exact span (one row per phenomenon)."""

from __future__ import annotations

import datetime as dt

import pytest

import tiedote

PUB = dt.date(2020, 6, 9)

# (id, text, expected [(span text, value or (low, high), unit, qualifier)])
ROWS = [
    # digit groups
    ("group-space", "Puheluita tuli 40 000 kappaletta.", [("40 000", 40000, "count", "exact")]),
    ("group-nbsp", "Puheluita tuli 40\u00a0000 kappaletta.", [("40\u00a0000", 40000, "count", "exact")]),
    ("group-narrow-nbsp", "Puheluita tuli 8\u202f400 kappaletta.", [("8\u202f400", 8400, "count", "exact")]),
    ("group-three", "Asukkaita on 1 200 000.", [("1 200 000", 1200000, "count", "exact")]),
    ("group-year-then-small", "Jonotusaika oli 6 minuuttia, ja vuonna 2018 se oli 8 minuuttia.",
     [("6", 6, "minute", "exact"), ("8", 8, "minute", "exact")]),
    ("group-two-figures", "Syntyneitä oli 2 214 ja kuolleita 2 386.",
     [("2 214", 2214, "count", "exact"), ("2 386", 2386, "count", "exact")]),
    ("group-not-four-digits", "Kävijöitä oli 1500 ja 300 henkeä jonossa.",
     [("1500", 1500, "count", "exact"), ("300", 300, "count", "exact")]),
    # decimal comma, percent
    ("decimal-comma", "Kasvu oli 4,5 prosenttia.", [("4,5", 4.5, "percent", "exact")]),
    ("percent-sign", "Työttömyysaste oli 1,2 %.", [("1,2", 1.2, "percent", "exact")]),
    ("percent-sign-colon", "Aste nousi 5 %:iin.", [("5", 5, "percent", "exact")]),
    ("percentage-points", "Osuus kasvoi 0,4 prosenttiyksikköä.", [("0,4", 0.4, "percentage_point", "exact")]),
    ("percentage-points-abbr", "Osuus kasvoi 0,4 %-yksikköä.", [("0,4", 0.4, "percentage_point", "exact")]),
    # signs
    ("sign-minus", "Muutos oli −0,3 prosenttia.", [("−0,3", -0.3, "percent", "exact")]),
    ("sign-hyphen-minus", "Muutos oli -1,2 %.", [("-1,2", -1.2, "percent", "exact")]),
    ("sign-plus", "Muutos oli +4 prosenttia.", [("+4", 4, "percent", "exact")]),
    ("dash-between-is-range-not-sign", "Käsittely kestää 2 –3 päivää.", [("2 –3", (2, 3), "day", "exact")]),
    # ranges
    ("range-en-dash", "Käsittely kestää 2–3 päivää.", [("2–3", (2, 3), "day", "exact")]),
    ("range-hyphen", "Käsittely kestää 2-3 viikkoa.", [("2-3", (2, 3), "week", "exact")]),
    ("range-percent", "Suojateho on 80–90 %.", [("80–90", (80, 90), "percent", "exact")]),
    ("range-inessive", "Vastaus tulee 1–4 päivässä.", [("1–4", (1, 4), "day", "exact")]),
    ("range-groups", "Väkiluku kasvaa 3 500–4 000 asukkaalla.", [("3 500–4 000", (3500, 4000), "count", "exact")]),
    ("range-valilla", "Passeja myönnetään 40 000:n ja 80 000:n välillä kuukaudessa.",
     [("40 000:n ja 80 000", (40000, 80000), "count", "exact")]),
    # colon case endings
    ("colon-illative", "Määrä laski noin 30 000:een.", [("30 000", 30000, "count", "approximate")]),
    ("colon-adessive", "Määrä kasvoi 1 200:lla.", [("1 200", 1200, "count", "exact")]),
    # scales
    ("scale-million", "Annoksia annettiin 2,4 miljoonaa.", [("2,4 miljoonaa", 2400000, "count", "exact")]),
    ("scale-milj-euroa", "Menot olivat 18,5 milj. euroa.", [("18,5 milj.", 18500000, "EUR", "exact")]),
    ("scale-milj-groups", "Kulutus oli 32 470 milj. euroa.", [("32 470 milj.", 32470000000, "EUR", "exact")]),
    ("scale-mrd", "Palautuksia maksetaan 2,9 miljardia euroa.", [("2,9 miljardia", 2900000000, "EUR", "exact")]),
    ("scale-illative", "Tulot nousevat 382 miljoonaan euroon.", [("382 miljoonaan", 382000000, "EUR", "exact")]),
    # number words
    ("word-partitive", "Odotus kesti kolme tuntia.", [("kolme", 3, "hour", "exact")]),
    ("word-genitive", "Aika on kahden viikon päässä.", [("kahden", 2, "week", "exact")]),
    ("word-inessive", "Lupa ratkaistiin yhdeksässä päivässä.", [("yhdeksässä", 9, "day", "exact")]),
    ("word-elative", "Aika lyheni kahdeksasta kuukaudesta.", [("kahdeksasta", 8, "month", "exact")]),
    ("word-compound", "Jonossa oli kaksikymmentäviisi asiakasta.", [("kaksikymmentäviisi", 25, "count", "exact")]),
    ("word-compound-inessive", "Työ valmistui kahdessakymmenessäviidessä päivässä.",
     [("kahdessakymmenessäviidessä", 25, "day", "exact")]),
    ("word-hundreds", "Kouluun tulee kolmesataa oppilasta.", [("kolmesataa", 300, "count", "exact")]),
    ("word-two-tokens", "Paikkoja on tuhat viisisataa.", [("tuhat viisisataa", 1500, "count", "exact")]),
    ("word-puolitoista", "Odotus kesti puolitoista tuntia.", [("puolitoista", 1.5, "hour", "exact")]),
    ("word-puolitoista-million", "Sovelluksen on ladannut yli puolitoista miljoonaa käyttäjää.",
     [("puolitoista miljoonaa", 1500000, "count", "more_than")]),
    ("word-scale-alone", "Käyttäjiä on yli miljoona.", [("miljoona", 1000000, "count", "more_than")]),
    ("word-pari", "Ajan saa parin päivän päähän.", [("parin", 2, "day", "approximate")]),
    ("word-muutama-not-number", "Ajan saa muutaman päivän päähän.", []),
    ("word-kymmenia-not-number", "Asiakkaita oli kymmeniä.", []),
    ("word-yksi-not-number", "Yksi syy on yhdessä tehty työ.", []),
    # units
    ("unit-minute-partitive", "Jonotusaika on 2 minuuttia.", [("2", 2, "minute", "exact")]),
    ("unit-minute-illative", "Jono venyi jopa 25 minuuttiin.", [("25", 25, "minute", "up_to")]),
    ("unit-day-genitive-paahan", "Ajan saa 2 päivän päähän.", [("2", 2, "day", "exact")]),
    ("unit-hour-inessive", "Sähköt palasivat alle kolmessa tunnissa.", [("kolmessa", 3, "hour", "less_than")]),
    ("unit-arkipaiva", "Käsittely kesti 5,6 arkipäivää.", [("5,6", 5.6, "day", "exact")]),
    ("unit-vuorokausi", "Lupa ratkesi 20 vuorokaudessa.", [("20", 20, "day", "exact")]),
    ("unit-year", "Mediaani-ikä on 39,8 vuotta.", [("39,8", 39.8, "year", "exact")]),
    ("unit-euro-sign", "Hinta on 48 €.", [("48", 48, "EUR", "exact")]),
    ("unit-euro-word", "Tukea maksettiin 757 miljoonaa euroa.", [("757 miljoonaa", 757000000, "EUR", "exact")]),
    ("unit-euro-adessive", "Lippuja myytiin 257,6 milj. eurolla.", [("257,6 milj.", 257600000, "EUR", "exact")]),
    ("unit-score", "Asiakkaat antoivat arvosanan 9.", [("9", 9, "score", "exact")]),
    ("unit-score-decimal", "Palvelu sai yleisarvosanan 4,1.", [("4,1", 4.1, "score", "exact")]),
    ("unit-count-noun", "Kela soitti 8 400 puhelua.", [("8 400", 8400, "count", "exact")]),
    ("unit-ellipsis-next", "Kasvua kertyi 3,1 ja lähijunissa 1,8 prosenttia.",
     [("3,1", 3.1, "percent", "exact"), ("1,8", 1.8, "percent", "exact")]),
    ("unit-ellipsis-previous", "Käsittely kesti tammikuussa 5,6 arkipäivää, joulukuussa vajaa 5.",
     [("5,6", 5.6, "day", "exact"), ("5", 5, "day", "approximate")]),
    # qualifiers
    ("qual-noin", "Hakemuksia tuli noin 212 000.", [("212 000", 212000, "count", "approximate")]),
    ("qual-n-abbr", "Hakemuksia tuli n. 212 000.", [("212 000", 212000, "count", "approximate")]),
    ("qual-arviolta", "Korvausta saa arviolta 2 800 asiakasta.", [("2 800", 2800, "count", "approximate")]),
    ("qual-lahes", "Hakemuksia tuli lähes 40 000.", [("40 000", 40000, "count", "approximate")]),
    ("qual-liki", "Hakemuksia tuli liki 40 000.", [("40 000", 40000, "count", "approximate")]),
    ("qual-runsaat", "Jonossa odotti runsaat 19 000 hakemusta.", [("19 000", 19000, "count", "approximate")]),
    ("qual-reilut", "Jonossa odotti reilut 19 000 hakemusta.", [("19 000", 19000, "count", "approximate")]),
    ("qual-vajaa", "Jonossa on vajaa 6 000 hakemusta.", [("6 000", 6000, "count", "approximate")]),
    ("qual-yli", "Vikoja kirjattiin yli 1 300.", [("1 300", 1300, "count", "more_than")]),
    ("qual-alle", "Potilaita oli alle 40.", [("40", 40, "count", "less_than")]),
    ("qual-vahintaan", "Palkka on vähintään 3 600 euroa.", [("3 600", 3600, "EUR", "at_least")]),
    ("qual-enintaan", "Korvaus on enintään 2 000 euroa.", [("2 000", 2000, "EUR", "at_most")]),
    ("qual-jopa", "Jonossa kului jopa puolitoista tuntia.", [("puolitoista", 1.5, "hour", "up_to")]),
    ("qual-perati", "Määrä kasvoi peräti 130 prosenttia.", [("130", 130, "percent", "up_to")]),
    ("qual-tilde", "Jonossa oli ~300 asiakasta.", [("300", 300, "count", "approximate")]),
    ("qual-through-keskimaarin", "Metroon nousee keskimäärin noin 19 000 matkustajaa.",
     [("19 000", 19000, "count", "approximate")]),
]


def _expected_ok(claim: tiedote.Claim, value: object) -> bool:
    q = claim.quantity
    if isinstance(value, tuple):
        return q.value is None and (q.low, q.high) == value
    return q.value == value and q.low is None and q.high is None


@pytest.mark.parametrize("text,expected", [pytest.param(t, e, id=i) for i, t, e in ROWS])
def test_quantity(text: str, expected: list[tuple[str, object, str, str]]) -> None:
    claims = tiedote.extract(text, published=PUB)
    got = [(c.quantity.span.text, c.quantity.unit, c.quantity.qualifier) for c in claims]
    assert got == [(s, u, q) for s, _, u, q in expected], [c.quantity for c in claims]
    for claim, (_, value, _, _) in zip(claims, expected, strict=True):
        assert _expected_ok(claim, value), claim.quantity
        span = claim.quantity.span
        assert text[span.start:span.end] == span.text


def test_values_are_json_integers_when_whole() -> None:
    (claim,) = tiedote.extract("Annoksia annettiin 1,0 miljoonaa.")
    dumped = claim.model_dump(mode="json")["quantity"]["value"]
    assert dumped == 1000000 and isinstance(dumped, int)
