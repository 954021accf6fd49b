"""What is not a claim (contract.md): each kind with a test."""

from __future__ import annotations

import datetime as dt

import pytest

import tiedote

PUB = dt.date(2022, 4, 12)

# (id, text, the figures that ARE claims)
ROWS = [
    ("date-full", "Tiedote julkaistiin 9.6.2020 ja siinä oli 5 kohtaa asiakkaille.", ["5"]),
    ("date-day-month", "Katsaus julkaistaan 24.10. kello 8.00.", []),
    ("date-ordinal-month", "Syysliikenne alkoi 12. elokuuta.", []),
    ("date-ordinal-paiva", "Toukokuun 23. päivään mennessä asioi 900 asiakasta.", ["900"]),
    ("year-vuonna", "Vuonna 2018 jonotusaika oli 8 minuuttia.", ["8"]),
    ("year-comparison", "Määrä on 20 prosenttia pienempi kuin vuonna 2019.", ["20"]),
    ("year-name", "Kela 2030 -strategiassa on 4 tavoitetta.", ["4"]),
    ("clock-time", "Viimeiset viat korjattiin kello 21.40.", []),
    ("opening-hours", "Palvelunumero palvelee arkisin klo 9–16.", []),
    ("opening-hours-minutes", "Puhelinpalvelu on avoinna klo 9–16.15.", []),
    ("phone-puh", "Lisätietoja: johtaja Maija Mallikas, puh. 029 512 000", []),
    ("phone-shape", "Lisätietoja: Pekka Esimerkki 029 551 2417", []),
    ("phone-numero", "Palvelunumero 020 692 207 palvelee.", []),
    ("postal-code", "Kaupungintalo, Keskuskatu 5, 00100 Helsinki", []),
    ("po-box", "Kaupunki, PL 487, 33101 Tampere", []),
    ("street-number", "Toimisto on osoitteessa Opastinsilta 6 A.", []),
    ("list-numbering", "Ohjeet:\n1. Kirjaudu palveluun.\n2. Tarkista tiedot.", []),
    ("law-section", "Asiasta säädetään lain 13 §:ssä.", []),
    ("age-group", "Alle 3-vuotiaista rokotteen on saanut 27 prosenttia.", ["27"]),
    ("age-range", "Asukkaista 20–29-vuotiaita on 18,6 prosenttia.", ["18,6"]),
    ("age-tayttaneet", "Rokotteen on saanut 56,8 prosenttia 65 vuotta täyttäneistä.", ["56,8"]),
    ("rating-scale", "Palvelu sai arvosanan 4,1 asteikolla 1–5.", ["4,1"]),
    ("ratio", "Hakemuksia tuli kaksi kertaa niin paljon kuin ennen.", []),
    ("name-line", "Runkolinja 550 on vilkkain bussilinja.", []),
    ("name-capitalised", "Sähkön hintaa painoi Olkiluoto 3:n tuotanto.", []),
    ("name-hyphen", "Influenssa- ja COVID-19-tilanne päivitetään.", []),
    ("identifier", "Mittaus tehtiin Q3-jaksolla 5G-verkossa.", []),
    ("url", "Lue lisää osoitteesta https://example.fi/tiedote/2020/06/123 tänään.", []),
    ("email", "Lisätietoja: etunimi.sukunimi2@example.fi", []),
    ("week-number", "Viikolla 34 riehunut myrsky katkaisi sähköt 41 000 asiakkaalta.", ["41 000"]),
    ("period-number-word", "Toukokuun kahdella ensimmäisellä viikolla soitettiin 210 000 kertaa.", ["210 000"]),
    ("window-of-change", "Keskeytysaika on kymmenessä vuodessa puolittunut.", []),
]


@pytest.mark.parametrize("text,claims", [pytest.param(t, c, id=i) for i, t, c in ROWS])
def test_not_a_claim(text: str, claims: list[str]) -> None:
    got = [c.quantity.span.text for c in tiedote.extract(text, published=PUB)]
    assert got == claims


# url_spans skips URL_RE on text without any of the literals its branches need;
# the skip must never change what it finds.
_URL_ALPHABET = "ab.:/@w-1 fiecomnrgtu"


@pytest.mark.parametrize("text", [
    "Katso https://esimerkki.fi/tiedote/2021 ja 5 muuta.", "www.kunta.fi", "posti@kunta.fi",
    "sivu kunta.fi/tilastot", "Lue lisää: tilastot.example.com.", "domain.eu ja 3 muuta", "ei osoitetta 5,5",
    "WWW.KUNTA.FI", "a.b.c.d.net", "1.1.1.", "@@@", "://"])
def test_url_spans_agrees_with_url_re(text: str) -> None:
    from tiedote.nonclaims.checks import URL_RE, url_spans
    assert url_spans(text) == [m.span() for m in URL_RE.finditer(text)]


def test_url_spans_agrees_with_url_re_on_generated_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from tiedote.nonclaims.checks import URL_RE, url_spans

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.text(alphabet=_URL_ALPHABET, max_size=40))
    def check(text: str) -> None:
        assert url_spans(text) == [m.span() for m in URL_RE.finditer(text)]

    check()
