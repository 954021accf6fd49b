"""Numbers on real text (issue 17): forms of real releases, each with its own invented sentence.

Non-claims are asked of ``tiedote.explain``: the number is dropped, with the
rule id and the reason it names.  Claims are asked of ``tiedote.extract``:
value, unit and whatever else the row gives.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import tiedote
from tiedote.nonclaims.reasons import REASONS

PUB = dt.date(2024, 10, 15)

# (text, the number as written, the rule id that drops it)
NOT_CLAIMS = [
    # a section or decision number after "§", the base of an index, a type number, an age reached
    ("Lautakunta päätti asiasta (LTK 2.5.2024 § 41), ja avustusta sai 17 yhdistystä.", "41", "nonclaim.statute"),
    ("Rakennuskustannusindeksi (2015=100) oli 121,8 pistettä.", "100", "nonclaim.index_base"),
    ("Rakennuskustannusindeksi (2015=100) oli 121,8 pistettä.", "2015", "nonclaim.index_base"),
    ("Tutkimus koskee tyypin 1 diabetesta, ja mukana on 300 potilasta.", "1", "nonclaim.name"),
    ("Jäseniä on 4 100, ja heistä kolmannes on täyttänyt 80 vuotta.", "80", "nonclaim.age"),
    # statute and document numbers
    ("Asetus (1188/2019) koskee 4 200 yritystä.", "1188", "nonclaim.statute"),
    ("Laki 512/2016 muutti 3 käytäntöä.", "512", "nonclaim.statute"),
    # ... but a month range over a year is an interim report's period, not a document number
    ("Tulos oli 2,2 miljoonaa euroa (1–6/2023: 1,8 miljoonaa euroa).", "1–6", "nonclaim.in_period"),
    ("Direktiivin 2003/88/EY mukaan lepoaikaa on oltava 11 tuntia.", "2003", "nonclaim.statute"),
    ("Asetuksen (EU) N:o 1306/13 nojalla tukea maksettiin 80 tilalle.", "1306", "nonclaim.statute"),
    ("Asetuksen (EU) N:o 1306/13 nojalla tukea maksettiin 80 tilalle.", "13", "nonclaim.statute"),
    ("Teosta säädetään rikoslain 21 luvun 5 §:ssä, ja tapauksia oli 14.", "21", "nonclaim.statute"),
    ("Tieliikennelain 17 luvussa kielletään tämä, ja sakkoja annettiin 60.", "17", "nonclaim.statute"),
    # formal dates
    ("Laki tulee voimaan 1 päivänä maaliskuuta 2025, ja se koskee 900 kuntaa.", "1", "nonclaim.formal_date"),
    ("Sopimus on tehty 14 päivänä kesäkuuta 2002 ja siihen liittyi 12 maata.", "14", "nonclaim.formal_date"),
    # product and model names
    ("Uusi iPhone 15 myi 3 000 kappaletta.", "15", "nonclaim.name"),
    ("Yhtiö noudattaa IFRS 9 -standardia ja kirjasi 2 miljoonaa euroa.", "9", "nonclaim.name"),
    ("Koulu siirtyi käyttämään Windows 11 -käyttöjärjestelmää 300 koneella.", "11", "nonclaim.name"),
    # pages and contents
    ("Tarkemmat luvut ovat raportissa, s. 12, ja kävijöitä oli 5 000.", "12", "nonclaim.page"),
    ("Katso sivulla 48 oleva taulukko: tapauksia oli 310.", "48", "nonclaim.page"),
    ("Sisältö: 1. Johdanto 2. Tulokset 3. Liitteet\nKävijöitä oli 5 000.", "2", "nonclaim.list_number"),
    # clock times in words
    ("Palo syttyi yöllä kolmelta, ja paikalle tuli 6 yksikköä.", "kolmelta", "nonclaim.clock_words"),
    ("Tilaisuus alkaa iltapäivällä neljältä ja sinne mahtuu 200 henkeä.", "neljältä", "nonclaim.clock_words"),
    ("Ruuhka on pahin illalla viiden ja kuuden välillä, jolloin autoja on 3 000.", "viiden",
     "nonclaim.clock_words"),
    # window numbers
    ("Alueella on todettu 21 viime päivän aikana 640 tapausta.", "21", "nonclaim.window"),
    ("Kolmen viime viikon aikana tilauksia on tullut 1 200.", "Kolmen", "nonclaim.window"),
    ("Hälytyksiä kertyi viiden päivän aikana 730.", "viiden", "nonclaim.window"),
    ("Kävijöitä oli 8 000 kahden viikon jaksolla.", "kahden", "nonclaim.window"),
    # denominators
    ("Ilmaantuvuus oli 140 tapausta 100 000 asukasta kohden.", "100 000", "nonclaim.denominator"),
    ("Avustusta maksettiin 75 euroa yhtä jäsentä kohden.", "yhtä", "nonclaim.denominator"),
    ("Hakijoita oli 12 kymmentä paikkaa kohden.", "kymmentä", "nonclaim.denominator"),
    # thresholds that define the group
    ("Yli kuusi kuukautta jonottaneita oli 520.", "kuusi", "nonclaim.group_threshold"),
    ("Alle kaksi viikkoa odottaneiden osuus nousi 64 prosenttiin.", "kaksi", "nonclaim.group_threshold"),
    ("Heistä 44 oli odottanut leikkausta yli neljä kuukautta.", "neljä", "nonclaim.group_threshold"),
    ("Hakemuksista 91 prosenttia ratkaistiin kahden viikon kuluessa.", "kahden", "nonclaim.group_threshold"),
    ("Aikuisista kolme rokotetta on saanut 71,5 prosenttia.", "kolme", "nonclaim.group_threshold"),
    # ranks and top-N groups
    ("Kaupunki nousi kymmenen suurimman joukkoon, ja sen väkiluku kasvoi 1 200 asukkaalla.", "kymmenen",
     "nonclaim.rank"),
    ("Viiden vilkkaimman aseman matkustajamäärä oli 2 miljoonaa.", "Viiden", "nonclaim.rank"),
    ("Joukkue sijoittui sijalle 6, ja katsojia oli 4 300.", "6", "nonclaim.rank"),
    ("Yliopisto on kahdenkymmenen parhaan joukossa ja sillä on 14 000 opiskelijaa.", "kahdenkymmenen",
     "nonclaim.rank"),
    # years of seasons and school years
    ("Lukuvuonna 2024–2025 oppilaita on 3 400.", "2024–2025", "nonclaim.year_range"),
    ("Taiteilija (1865–1957) maalasi 400 teosta.", "1865–1957", "nonclaim.year_range"),
    # limits that are names
    ("Ylittyykö 5000 raja jo tänä vuonna, kun kävijöitä on nyt 4 800?", "5000", "nonclaim.limit_name"),
    # words that look like number words
    ("Illalla alkoi sataa, ja tulvia oli 12.", "sataa", "nonclaim.word_not_number"),
    ("Syyskuussa sataa tavallisesti 60–80 millimetriä.", "sataa", "nonclaim.word_not_number"),
    ("Järjestö toimii nuorten parissa ja tavoitti 900 nuorta.", "parissa", "nonclaim.word_not_number"),
    ("Yksi syy kasvuun oli sää, ja kävijöitä tuli 700.", "Yksi", "nonclaim.one_as_word"),
    ("Kunnat tekevät työtä yhdessä, ja hankkeita on 18.", "yhdessä", "nonclaim.one_as_word"),
    ("Muutoksella on sekä hyvät puolet että riskit, ja sitä kannatti 58 prosenttia.", "puolet",
     "nonclaim.word_not_number"),
    # quarter of a year is no fraction
    ("Tilauksia tuli 800 jokaisella neljänneksellä.", "neljänneksellä", "nonclaim.quarter_of_year"),
    ("Tilauksia tuli 800 kunkin neljänneksen aikana.", "neljänneksen", "nonclaim.quarter_of_year"),
    # opening schedules
    ("Toimipiste on auki neljänä päivänä viikossa ja palvelee 200 asiakasta.", "neljänä",
     "nonclaim.opening_schedule"),
    # road numbers
    ("Kantatiellä 51 sattui 8 onnettomuutta.", "51", "nonclaim.name"),
    ("Puhelimessa on Snapdragon 680-suoritin ja akku kestää 30 tuntia.", "680", "nonclaim.name"),
    ("Lentokerho osti Cessna 152 -koneen ja lensi 400 tuntia.", "152", "nonclaim.name"),
    ("Uusi Tesla Model 3 maksaa 45 000 euroa.", "3", "nonclaim.name"),
    ("Palvelu sulkeutuu puoli neljältä, ja asiakkaita oli 60.", "neljältä", "nonclaim.clock_words"),
    ("Kahden viime viikon aikana rokotteita annettiin 12 000.", "Kahden", "nonclaim.window"),
    ("Kaudella 2023–2024 joukkue pelasi 32 ottelua.", "2023–2024", "nonclaim.year_range"),
]


@pytest.mark.parametrize("text,number,rule", NOT_CLAIMS, ids=[f"{r[2]}-{i}" for i, r in enumerate(NOT_CLAIMS)])
def test_not_a_claim_with_its_reason(text: str, number: str, rule: str) -> None:
    mentions = tiedote.explain(text, published=PUB)
    found = [m for m in mentions if m.text == number]
    assert found, [(m.text, m.rule) for m in mentions]
    m = found[0]
    assert (m.claim, m.rule, m.reason) == (None, rule, REASONS[rule])
    assert any(m.claim is not None for m in mentions), "the sentence's own figure is still a claim"


# (text, the claim's number as written, value, unit, other fields)
CLAIMS: list[tuple[str, str, Any, str, dict[str, Any]]] = [
    # value one with a unit
    ("Työttömyys laski yhden prosenttiyksikön.", "yhden", 1, "percentage_point", {"change": "decrease"}),
    ("Hinta nousi yhden prosentin.", "yhden", 1, "percent", {}),
    ("Lipun hinta on yksi euro.", "yksi", 1, "EUR", {}),
    ("Hanke maksoi yksi miljoona euroa.", "yksi miljoona", 1_000_000, "EUR", {}),
    # fraction words
    ("Yli puolet vastaajista oli tyytyväisiä.", "puolet", 50, "percent", {"qualifier": "more_than"}),
    ("Lähes puolet kävijöistä tuli muualta.", "puolet", 50, "percent", {"qualifier": "approximate"}),
    ("Kaksi kolmasosaa jäsenistä äänesti.", "Kaksi kolmasosaa", 66.67, "percent", {}),
    ("Kolme neljäsosaa lainoista oli lasten kirjoja.", "Kolme neljäsosaa", 75, "percent", {}),
    ("Noin neljännes asukkaista asuu keskustassa.", "neljännes", 25, "percent", {"qualifier": "approximate"}),
    ("Lähes kolmannes yrityksistä palkkasi lisää.", "kolmannes", 33.33, "percent", {"qualifier": "approximate"}),
    ("Kustannukset olivat kolmanneksen pienemmät kuin vuotta aiemmin.", "kolmanneksen", 33.33, "percent",
     {"change": "decrease"}),
    ("Joka viides vastaaja käytti palvelua.", "viides", 20, "percent", {}),
    ("Joka kolmas hakija pääsi sisään.", "kolmas", 33.33, "percent", {}),
    ("Joka toinen asukas kävi kirjastossa.", "toinen", 50, "percent", {}),
    ("Noin viidennes kävijöistä oli lapsia.", "viidennes", 20, "percent", {"qualifier": "approximate"}),
    ("Sadasosa näytteistä oli positiivisia.", "Sadasosa", 1, "percent", {}),
    ("Kirjastossa käytiin neljännesmiljoona kertaa.", "neljännesmiljoona", 250_000, "count", {}),
    ("Remontti maksaa parilla miljoonalla eurolla enemmän.", "parilla miljoonalla", 2_000_000, "EUR",
     {"qualifier": "approximate"}),
    # signs
    ("Nettomuutto oli -85 asukasta.", "-85", -85, "count", {}),
    ("Myynti muuttui −3,4 % edellisvuodesta.", "−3,4", -3.4, "percent", {}),
    ("Tampere: 240 000 matkustajaa (+5,2 %)", "+5,2", 5.2, "percent", {"change": "increase"}),
    ("Pori: 61 000 matkustajaa (−1,8 %)", "−1,8", -1.8, "percent", {"change": "decrease"}),
    ("Väkiluku muuttui (-40 asukasta).", "-40", -40, "count", {"change": "decrease"}),
    ("Keskusta: 5 210 asukasta (+65)", "+65", 65, "count", {"change": "increase"}),
    # decimal point
    ("Kauppa oli arvoltaan 1.8 miljardia dollaria.", "1.8 miljardia", 1_800_000_000, "USD", {}),
    ("Korko nousi 0.25 %.", "0.25", 0.25, "percent", {}),
    ("Lounas maksaa 12.50 e.", "12.50", 12.5, "EUR", {}),
    # compound durations
    ("Ambulanssi ehti paikalle keskimäärin 8 minuutissa ja 20 sekunnissa.", "8 minuutissa ja 20 sekunnissa", 500,
     "second", {"statistic": "mean"}),
    ("Kokous kesti 3 tuntia ja 45 minuuttia.", "3 tuntia ja 45 minuuttia", 225, "minute", {}),
    ("Odotus venyi 2 h 40 min.", "2 h 40 min", 160, "minute", {}),
    ("Jonotusaika oli 1 tuntia 5 minuuttia.", "1 tuntia 5 minuuttia", 65, "minute", {}),
    ("Toimitus kesti 3 min 20 s.", "3", 3, "minute", {}),
    # money shorthand
    ("Yhtiö investoi 18 M€ uuteen tehtaaseen.", "18 M", 18_000_000, "EUR", {}),
    ("Tulos oli 2,6 Me.", "2,6 Me", 2_600_000, "EUR", {}),
    ("Hankkeen budjetti on 480 t€.", "480 t", 480_000, "EUR", {}),
    ("Valtio myönsi 1,4 mrd. euroa.", "1,4 mrd.", 1_400_000_000, "EUR", {}),
    ("Maito kallistui 12 senttiä.", "12", 0.12, "EUR", {"change": "increase"}),
    # bracketed comparisons
    ("Liikevaihto oli 88,4 (79,0) milj. euroa.", "88,4", 88_400_000, "EUR", {"change": None}),
    ("Liikevaihto oli 88,4 (79,0) milj. euroa.", "79,0", 79_000_000, "EUR", {"change": None}),
    ("Liikevoittoprosentti oli 6,1 (5,5) %.", "5,5", 5.5, "percent", {"change": None}),
    ("Henkilöstöä oli kauden lopussa 1 210 (1 180).", "1 180", 1180, "count", {"change": None}),
    ("Osakekohtainen tulos oli 0,31 (0,27) euroa.", "0,27", 0.27, "EUR", {}),
    ("- Liikevaihto 64,0 (60,2) milj. euroa", "64,0", 64_000_000, "EUR", {}),
    # units after year-like numbers
    ("Akun kapasiteetti on 4500 mAh.", "4500", 4500, "mAh", {}),
    ("Reitin pituus on lähes 2000 kilometriä.", "2000", 2000, "km", {"qualifier": "approximate"}),
    ("Liittymän nopeus on 1000 Mbps.", "1000", 1000, "count", {}),
    ("Reitin varrella on lähes 1900 kilometrin pyörätie.", "1900", 1900, "km", {"qualifier": "approximate"}),
    ("Yhteys nousi 1800 Mbps:n nopeuteen.", "1800", 1800, "count", {}),
    # a count per week
    ("Uusia asiakkaita tulee noin 2 400 viikossa.", "2 400", 2400, "count", {"rate": "week"}),
    ("Lähetteitä saapuu noin 520 viikossa.", "520", 520, "count", {"rate": "week"}),
    ("Remontti valmistui 16 viikossa.", "16", 16, "week", {"rate": None}),
    # price per area
    ("Vuokra on 14,5 €/m².", "14,5", 14.5, "EUR", {"rate": None}),
    # superlatives
    ("Vilkkain päivä oli perjantai, 3 400 kävijää.", "3 400", 3400, "count", {"statistic": "max"}),
    ("Hiljaisin kuukausi oli helmikuu, 780 käyntiä.", "780", 780, "count", {"statistic": "min"}),
    ("Kiireisimpänä heinäkuun päivänä asiakkaita oli noin 6 100.", "6 100", 6100, "count", {"statistic": "max"}),
    # change verbs
    ("Sähkö kallistui 7 prosenttia.", "7", 7, "percent", {"change": "increase"}),
    ("Liiketulos painui 1,2 miljoonaan euroon.", "1,2 miljoonaan", 1_200_000, "EUR", {"change": "decrease"}),
    ("Asunnot halpenivat 3,5 prosenttia.", "3,5", 3.5, "percent", {"change": "decrease"}),
    # physical units
    ("Tuulipuisto tuotti 1,2 GWh sähköä.", "1,2", 1.2, "GWh", {}),
    ("Satoa korjattiin 2,4 miljoonaa tonnia.", "2,4 miljoonaa", 2_400_000, "t", {}),
    ("Metsää hakattiin 34 000 hehtaaria.", "34 000", 34_000, "ha", {}),
    ("Lämpötila laski −12,5 asteeseen.", "−12,5", -12.5, "°C", {}),
    ("Pakkasta oli −18 °C.", "−18", -18, "°C", {}),
    ("Sodankylässä mitattiin -38,5C.", "-38,5", -38.5, "°C", {}),
    ("Vettä kului 850 litraa.", "850", 850, "l", {}),
    ("Nopeusrajoitus on 120 km/h.", "120", 120, "km/h", {}),
    ("Voimalan teho on 350 MW.", "350", 350, "MW", {}),
    ("Kotitalous kulutti 18 000 kWh.", "18 000", 18_000, "kWh", {}),
    ("Uusi asunto on 64 neliötä.", "64", 64, "m2", {}),
    ("Halli on 2 400 m² kokoinen.", "2 400", 2400, "m2", {}),
    ("Sadetta tuli 42 millimetriä.", "42", 42, "mm", {}),
    ("Lunta oli 35 cm.", "35", 35, "cm", {}),
    ("Puhelimessa on 256 GB muistia.", "256", 256, "GB", {}),
    ("Kalaa saatiin 1 300 kiloa.", "1 300", 1300, "kg", {}),
    ("Paketti painoi 750 grammaa.", "750", 750, "g", {}),
    ("Jätevettä käsiteltiin 12 000 kuutiota.", "12 000", 12_000, "m3", {}),
    ("Kauppa oli 40 miljoonaa dollaria.", "40 miljoonaa", 40_000_000, "USD", {}),
    ("Vienti Ruotsiin oli 2,2 miljardia kruunua.", "2,2 miljardia", 2_200_000_000, "SEK", {}),
    ("Lontoon toimisto maksoi 5 miljoonaa puntaa.", "5 miljoonaa", 5_000_000, "GBP", {}),
    ("Silta on 480 metriä pitkä.", "480", 480, "m", {}),
    ("Suojelualue on 12 neliökilometriä.", "12", 12, "km2", {}),
    ("Paneelien teho on 400 W.", "400", 400, "W", {}),
    ("Toimistoja on 8 500 m2.", "8 500", 8500, "m2", {}),
    ("Lunta satoi yöllä 15 senttiä.", "15", 15, "cm", {}),
    ("Bussilipun hinta nousi 20 senttiä.", "20", 0.2, "EUR", {}),
    ("Sähkö maksoi 0,15 €/kWh.", "0,15", 0.15, "EUR", {"rate": None}),
    ("Pakkasta oli aamulla 24 astetta.", "24", 24, "°C", {}),
    ("Sellua myytiin 4,5 miljoonaa tonnia.", "4,5 miljoonaa", 4_500_000, "t", {}),
]


@pytest.mark.parametrize("text,number,value,unit,fields", CLAIMS,
                         ids=[f"{r[1]}-{i}" for i, r in enumerate(CLAIMS)])
def test_claim(text: str, number: str, value: Any, unit: str, fields: dict[str, Any]) -> None:
    claims = tiedote.extract(text, published=PUB)
    found = [c for c in claims if c.quantity.span.text == number]
    assert found, [(c.quantity.span.text, c.quantity.value) for c in claims]
    c = found[0]
    assert (c.quantity.value, c.quantity.unit) == (value, unit)
    for name, want in fields.items():
        if name == "qualifier":
            assert c.quantity.qualifier == want
        elif name == "change":
            assert (c.change.direction if c.change else None) == want
        else:
            assert getattr(c, name) == want, name


def test_bracketed_figure_is_the_same_period_a_year_earlier() -> None:
    text = "Heinä–syyskuussa 2024 liikevaihto oli 31,0 (29,4) milj. euroa."
    now, before = tiedote.extract(text, published=PUB)
    assert now.period is not None and before.period is not None
    assert (now.period.start, now.period.end) == (dt.date(2024, 7, 1), dt.date(2024, 9, 30))
    assert (before.period.start, before.period.end) == (dt.date(2023, 7, 1), dt.date(2023, 9, 30))
    assert before.change is None and "period.bracket_comparison" in before.rules


def test_money_m_is_not_a_metre() -> None:
    [c] = tiedote.extract("Investointi on 45 M€.", published=PUB)
    assert (c.quantity.value, c.quantity.unit) == (45_000_000, "EUR")
    [c] = tiedote.extract("Aidan pituus on 45 m.", published=PUB)
    assert (c.quantity.value, c.quantity.unit) == (45, "m")


def test_year_like_number_before_a_unit_is_no_year() -> None:
    mentions = tiedote.explain("Akku on 2100 mAh:n kokoinen ja matka 1900 kilometrin pituinen.", published=PUB)
    assert [(m.text, m.is_claim) for m in mentions] == [("2100", True), ("1900", True)]


# more forms seen in real releases, in sentences of our own
MORE_CLAIMS: list[tuple[str, str, Any, str, dict[str, Any]]] = [
    # the from-value of a change told to-value first is the old level, no change of its own
    ("Jonotus lyheni 5 viikkoon aiemmasta 9 viikosta.", "9", 9, "week", {"change": None}),
    ("Jonotus lyheni 5 viikkoon aiemmasta 9 viikosta.", "5", 5, "week", {"change": "decrease"}),
    # a count restated per a unit of time is a count with a rate, not a duration
    ("Kirjastossa kävi maaliskuussa 9 300 asiakasta eli keskimäärin 300 päivässä.", "300", 300, "count",
     {"rate": "day", "statistic": "mean"}),
    ("Neuvontaan tuli 2 600 puhelua, noin 650 viikossa.", "650", 650, "count", {"rate": "week"}),
    ("Lupa ratkaistiin keskimäärin 14 päivässä.", "14", 14, "day", {"rate": None}),
    # an elative plural ending like a name word ("-kaista") before a number with its unit is a share's group
    ("Asukkaista 64 prosenttia kannattaa uutta uimahallia.", "64", 64, "percent", {}),
    ("Kyselyn mukaan asiakkaista 12 % asioi vain verkossa.", "12", 12, "percent", {}),
    # the comparison figure after the unit: "oli 96,2 miljoonaa euroa (90,4)"
    ("Liikevaihto oli 96,2 miljoonaa euroa (90,4).", "90,4", 90_400_000, "EUR", {"change": None}),
    ("Käyttökate nousi 12,8 miljoonaan euroon (11,1).", "11,1", 11_100_000, "EUR", {"change": None}),
    ("Käyttöaste oli 81,5 prosenttia (79,9).", "79,9", 79.9, "percent", {"change": None}),
    ("Liikevaihto oli 96,2 miljoonaa euroa (90,4).", "96,2 miljoonaa", 96_200_000, "EUR", {}),
    # a signed percent in brackets after a sum is the change, not the old level
    ("Toimintakate heikkenee 5,7 miljoonaa euroa (-0,8 %).", "-0,8", -0.8, "percent", {"change": "decrease"}),
    ("Menot kasvavat 4,7 miljoonaa euroa (+0,5 %).", "+0,5", 0.5, "percent", {"change": "increase"}),
    # the count that is no group threshold
    ("Kaikkiaan 3 000 asiakasta on saanut 50 % alennuksen.", "3 000", 3000, "count", {}),
    # a short sentence ending in its figure is no list number
    ("Kävijöitä oli 12.", "12", 12, "count", {}),
    ("Asiakkaat antoivat arvosanan 8.", "8", 8, "score", {}),
    # a unit symbol glued to its figure
    ("Partio mittasi nopeudeksi 143km/h.", "143", 143, "km/h", {}),
    ("Saalis oli 12kg.", "12", 12, "kg", {}),
    # a level with a scale word beside a growth percentage is no share ("unit.scaled_level")
    ("Kävijämäärä kasvoi 12 prosenttia ja oli 2,3 miljoonaa.", "2,3 miljoonaa", 2_300_000, "count", {}),
    ("Asiakkaita oli 1,4 miljoonaa, kasvua 6 prosenttia.", "1,4 miljoonaa", 1_400_000, "count", {}),
    ("Yöpymiset vähenivät 3,5 prosenttia ja niitä kertyi 640 tuhatta.", "640 tuhatta", 640_000, "count", {}),
    # the bare share beside it still takes the percent
    ("Myynti kasvoi Oulussa 4,1 ja Kuopiossa 2,6 prosenttia.", "4,1", 4.1, "percent", {}),
]


@pytest.mark.parametrize("text,number,value,unit,fields", MORE_CLAIMS,
                         ids=[f"{r[1]}-{i}" for i, r in enumerate(MORE_CLAIMS)])
def test_more_claims(text: str, number: str, value: Any, unit: str, fields: dict[str, Any]) -> None:
    test_claim(text, number, value, unit, fields)


def test_comparison_figure_takes_the_measure_of_its_head() -> None:
    now, before = tiedote.extract("Liiketulos oli 7,3 miljoonaa euroa (6,0).", published=PUB)
    assert now.measure is not None and before.measure is not None
    assert before.measure.lemma == now.measure.lemma
    assert "measure.comparison" in before.rules


def test_window_of_preceding_years_is_no_claim() -> None:
    mentions = tiedote.explain("Määrä on pysynyt samalla tasolla kuin kahtena edeltävänä vuonna, 250 tapausta.",
                               published=PUB)
    assert [(m.text, m.is_claim) for m in mentions] == [("kahtena", False), ("250", True)]


REAL_TEXT_NOT_CLAIMS = [
    # a news-wire stamp: ISO date and clock time with a colon
    ("Espoo, 2023-04-18 08:30 EEST -- Yhtiö kertoi 40 uudesta työpaikasta.", "2023-04", "nonclaim.date_or_time"),
    ("Espoo, 2023-04-18 08:30 EEST -- Yhtiö kertoi 40 uudesta työpaikasta.", "08", "nonclaim.clock"),
    ("Espoo, 2023-04-18 08:30 EEST -- Yhtiö kertoi 40 uudesta työpaikasta.", "30", "nonclaim.clock"),
    ("Päivitetty 3.5.2024 klo 14:20: tiellä on 2 kaistaa auki.", "14", "nonclaim.clock"),
    ("3.5.2024 16:45:00 EEST | Tiedote: yhtiö palkkaa 30 henkeä.", "16", "nonclaim.clock"),
    # an international phone number and a number starting a compound name
    ("Lisätietoja antaa johtaja, +358 40 123 4567, ja kävijöitä oli 800.", "+358", "nonclaim.phone"),
    ("Yhtiö nousi Kasvu 500 -listalle ja palkkasi 45 henkeä.", "500", "nonclaim.name"),
    # a table of contents that the sentence splitter cuts at every "N."
    ("Sisällys 1. Katsaus 2. Talous 3. Henkilöstö 4. Näkymät\nHenkilöstöä oli 410.", "3", "nonclaim.list_number"),
]


@pytest.mark.parametrize("text,number,rule", REAL_TEXT_NOT_CLAIMS,
                         ids=[f"{r[2]}-{i}" for i, r in enumerate(REAL_TEXT_NOT_CLAIMS)])
def test_real_text_not_a_claim(text: str, number: str, rule: str) -> None:
    test_not_a_claim_with_its_reason(text, number, rule)


def test_comparison_figure_with_its_own_scale() -> None:
    claims = tiedote.extract("Liikevaihto oli 212,4 miljoonaa euroa (198,7 Me) ja tulos 0,44 euroa (0,38 e).",
                             published=PUB)
    got = [(c.quantity.span.text, c.quantity.value, c.quantity.unit, c.change) for c in claims]
    assert got == [("212,4 miljoonaa", 212_400_000, "EUR", None), ("198,7 Me", 198_700_000, "EUR", None),
                   ("0,44", 0.44, "EUR", None), ("0,38", 0.38, "EUR", None)]
    assert all("number.comparison_figure" in c.rules for c in claims[1::2])


def test_speed_unit_is_no_rate() -> None:
    [c] = tiedote.extract("Auton nopeus oli 134 km/h.", published=PUB)
    assert (c.quantity.unit, c.rate) == ("km/h", None)


def test_every_nth_in_digits_is_a_share() -> None:
    [c] = tiedote.extract("Joka 250:s tarkastettu kuljettaja oli päihtynyt.", published=PUB)
    assert (c.quantity.span.text, c.quantity.value, c.quantity.unit) == ("250", 0.4, "percent")


@pytest.mark.parametrize("text,number,value", [
    ("Tapahtumaan osallistui 40&nbsp;000 kävijää.", "40&nbsp;000", 40_000),
    ("Jäseniä on nyt 1&#160;200.", "1&#160;200", 1200),
    ("Hanke maksoi 2&thinsp;350&thinsp;000 euroa.", "2&thinsp;350&thinsp;000", 2_350_000),
    ("Kävijöitä oli **18 500** viime vuonna.", "18 500", 18_500),
])
def test_markup_and_entities_leave_one_number(text: str, number: str, value: int) -> None:
    [c] = tiedote.extract(text, published=PUB)
    assert (c.quantity.span.text, c.quantity.value) == (number, value)
    assert c.measure is not None and c.measure.lemma in ("kävijä", "jäsen", "hanke")


def test_fraction_data_is_validated_when_loaded() -> None:
    from tiedote.errors import LexiconError
    from tiedote.numbers import fractions

    good = fractions.load()
    assert good.shares["neljännes"] == 4 and good.shares["kolmasosaa"] == 3 and "kolmasosaa" in good.multiplied
    assert "neljännestä" not in good.shares  # the elative of the ordinal "neljäs", left out
    with pytest.raises(LexiconError, match="positive integer"):
        fractions.load({"share_words": {"puolet": 0}})
    with pytest.raises(LexiconError, match="principal parts"):
        fractions.load({"share": [{"nom": "kolmannes", "denominator": 3}]})


def test_unit_data_is_validated_when_loaded(tmp_path: Any) -> None:
    import shutil
    from importlib import resources

    from tiedote.errors import LexiconError
    from tiedote.lang.lexicon import load

    src = resources.files("tiedote.lang.fi")
    for name in ("units.toml", "qualifiers.toml", "words.toml", "abbreviations.toml", "stopwords.toml",
                 "lemmas.toml"):
        shutil.copyfile(str(src.joinpath(name)), tmp_path / name)
    lex = load(tmp_path)
    assert lex.scaled_units["M€"] == ("EUR", 1_000_000) and lex.unit_factors["senttiä"] == 0.01
    assert lex.unit_of("MW", "mw") == "MW" and lex.unit_of("tonnia", "tonnia") == "t"
    units = (tmp_path / "units.toml").read_text(encoding="utf-8")
    (tmp_path / "units.toml").write_text(units.replace('"Me" = { unit = "EUR"', '"Me" = { unit = "euro"'),
                                         encoding="utf-8")
    with pytest.raises(LexiconError, match="scaled"):
        load(tmp_path)


@pytest.mark.parametrize("text,old,new,direction", [
    ("Jäsenmäärä kasvoi 1 250:stä 1 410:een.", "1 250", "1 410", "increase"),
    ("Toimitusaika lyheni 12 päivästä 7 päivään.", "12", "7", "decrease"),
    ("Indeksi nousi 68,5 pisteestä 72,0 pisteeseen.", "68,5", "72,0", "increase"),
    ("Korko laski 4,2 prosentista 3,8 prosenttiin.", "4,2", "3,8", "decrease"),
])
def test_change_from_x_to_y_is_on_the_new_level(text: str, old: str, new: str, direction: str) -> None:
    """contract.md: in "from X to Y" the from-value is the old level, change null; the to-value changes."""
    by_text = {c.quantity.span.text: c for c in tiedote.extract(text, published=PUB)}
    assert by_text[old].change is None
    assert by_text[new].change is not None and by_text[new].change.direction == direction


def test_a_statistic_word_belongs_to_the_figure_of_its_clause() -> None:
    claims = tiedote.extract("Asiakkaat jonottivat keskimäärin 7 minuuttia, ja pahimmillaan jonotus venyi "
                             "1 h 5 min.", published=PUB)
    assert [(c.quantity.value, c.statistic) for c in claims] == [(7, "mean"), (65, "max")]


def test_daily_average_is_a_rate() -> None:
    [c] = tiedote.extract("Päivittäinen keskiarvo oli 12 300 kävijää.", published=PUB)
    assert (c.statistic, c.rate) == ("mean", "day")
