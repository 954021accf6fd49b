"""What a figure measures, who reports it and per what: one invented sentence per construction.

Every row runs through both readings: the fast one (no parser) and the parser reading
(spaCy's Finnish parser; skipped when its package is not installed).  A row marked
``PARSER`` needs the syntax: the fast reading is expected to miss it (strict xfail, so
a fast reading that learns it shows up here).
"""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest

import tiedote
from tiedote.claims.syntax import PARSER
from tiedote.models import Claim

HAVE_PARSER = importlib.util.find_spec(PARSER) is not None
BOTH, PARSER_ONLY = "both", "parser"

_RESTATED = "Rakennuslupahakemuksia jätettiin alkuvuonna noin 1 800, mikä on 9 prosenttia enemmän kuin vuotta aiemmin."

# (id, sentence, number as written, accepted measure lemmas, which readings get it)
MEASURE_ROWS: list[tuple[str, str, str, tuple[str, ...], str]] = [
    ("aside-first", "Käyttöaste oli korkein maaliskuussa, 88 prosenttia, ja matalin heinäkuussa, 41 prosenttia.",
     "88", ("käyttöaste",), BOTH),
    ("aside-second", "Käyttöaste oli korkein maaliskuussa, 88 prosenttia, ja matalin heinäkuussa, 41 prosenttia.",
     "41", ("käyttöaste",), BOTH),
    ("adverb-never", "Lipunmyynnissä odotettiin iltaisin jopa 35 minuuttia.", "35", ("odottaa",), BOTH),
    ("counted-before-denominator", "Lukioissa oli 18,5 opiskelijaa opettajaa kohden.", "18,5", ("opiskelija",), BOTH),
    ("stuff-after-a-unit", "Verkkoon rakennettiin 14 kilometriä uutta putkea.", "14", ("putki",), BOTH),
    ("stuff-after-a-unit-with-scale", "Satamassa lastattiin 2,3 miljoonaa tonnia rahtia.", "2,3", ("rahti",), BOTH),
    ("clock-word-never", "Kulutus oli kello 17–18 noin 14 800 megawattia.", "14 800", ("kulutus",), BOTH),
    ("time-adverb-skipped", "Keskimääräinen jonotusaika oli tuolloin 12 minuuttia.", "12", ("jonotusaika",), BOTH),
    ("degree-adverb-skipped", "Varauksia oli enää 310.", "310", ("varaus",), BOTH),
    ("adverb-then-carried", "Lauantaina kaupassa kävi 9 800 asiakasta. Keskiostos oli silloin 52 euroa.", "52",
     ("keskiostos", "ostos"), BOTH),
    ("duration-activity", "Rakennuslupahakemus käsiteltiin lokakuussa keskimäärin 38 päivässä.", "38",
     ("käsitellä",), BOTH),
    ("duration-passive", "Lupahakemukset ratkaistiin keskimäärin 21 päivässä.", "21", ("ratkaista",), BOTH),
    ("duration-kestaa", "Käsittely kesti keskimäärin kuusi viikkoa.", "kuusi", ("käsittely",), BOTH),
    ("duration-jonottaa", "Asiakkaat jonottivat puhelinpalvelussa keskimäärin 7 minuuttia.", "7",
     ("jonottaa",), BOTH),
    ("duration-copula", "Jonotusaika oli keskimäärin 4 minuuttia.", "4", ("jonotusaika",), BOTH),
    ("heista", "Kesätöihin haki 820 nuorta. Heistä noin 300 sai paikan.", "300", ("nuori",), BOTH),
    ("joista-share", "Tapahtumaan osallistui 2 400 kävijää, joista 60 prosenttia oli lapsiperheitä.", "60",
     ("kävijä",), BOTH),
    ("joista-count", "Sairaalassa hoidettiin viikon aikana 37 potilasta, joista 5 tehohoidossa.", "5",
     ("potilas",), BOTH),
    ("statistic-genitive", "Toimitusajan mediaani oli 9 päivää.", "9", ("toimitusaika",), BOTH),
    ("statistic-two-genitives", "Vesivuotojen korjausajan keskiarvo oli 26 tuntia.", "26", ("korjausaika",),
     BOTH),
    ("head-not-modifier", "Syksyllä aloitti 1 250 kone- ja sähkötekniikan opiskelijaa.", "1 250",
     ("opiskelija",), PARSER_ONLY),
    ("eli-first", "Menoiksi kirjattiin 1,2 miljoonaa euroa eli noin 450 euroa jäsentä kohti.", "1,2",
     ("meno",), PARSER_ONLY),
    ("eli-second", "Menoiksi kirjattiin 1,2 miljoonaa euroa eli noin 450 euroa jäsentä kohti.", "450",
     ("meno",), PARSER_ONLY),
    ("change-verb-owner", "Lainojen määrä on kasvanut 4,1 %.", "4,1", ("laina",), BOTH),
    ("coordinated-compounds", "Juna-, bussi- ja lauttaliikenteessä matkat vähenivät 3 %.", "3", ("matka",),
     BOTH),
    ("lemma-partitive-plural", "Viallisia laitteita löytyi tarkastuksessa 43.", "43", ("laite",), BOTH),
    ("lemma-hyphen", "LED-lamppuja vaihdettiin 2 300.", "2 300", ("led-lamppu", "lamppu"), BOTH),
    ("kertaa-event", "Sähköpotkulautoja vuokrattiin kesällä 81 000 kertaa.", "81 000", ("vuokrata",), BOTH),
    ("mika-restates", "Kirjastossa käytiin 310 000 kertaa, mikä on 12 prosenttia enemmän kuin edellisvuonna.",
     "12", ("käydä",), BOTH),
    ("elative-before", "Kyselyyn vastanneista 74 prosenttia piti palvelua hyvänä.", "74", ("vastannut",), BOTH),
    ("elative-after", "Peräti 64 prosenttia asukkaista kannattaa hanketta.", "64", ("asukas",), BOTH),
    ("quantity-owner", "Kävijöiden määrä nousi 18 prosenttia.", "18", ("kävijä",), BOTH),
    ("quantity-alone", "Osuus oli 27 prosenttia.", "27", ("osuus",), BOTH),
    ("partitive-existential", "Asiakaskäyntejä oli viime vuonna 15 400.", "15 400", ("asiakaskäynti",), BOTH),
    ("counted-noun", "Kaupunki istutti keväällä 3 200 puuta.", "3 200", ("puu",), BOTH),
    ("counted-adjective", "Yhtiö palkkasi 45 uutta asentajaa.", "45", ("asentaja",), BOTH),
    ("money-subject", "Liikevaihto oli 12,4 miljoonaa euroa.", "12,4", ("liikevaihto",), BOTH),
    ("change-subject", "Tuotanto kasvoi 2,3 prosenttia.", "2,3", ("tuotanto",), BOTH),
    ("se-anaphora", "Keski-ikä oli 41,2 vuotta, kun naapurikunnassa se oli 44,5 vuotta.", "44,5",
     ("keski-ikä", "ikä"), BOTH),
    ("passive-partitive", "Hakemuksia jätettiin 5 600.", "5 600", ("hakemus",), BOTH),
    ("share-of", "Sähköautojen osuus uusista autoista oli 24 prosenttia.", "24", ("sähköauto", "auto"), BOTH),
    ("rate-noun-subject", "Työttömyysaste laski 0,8 prosenttiyksikköä.", "0,8", ("työttömyysaste",), BOTH),
    ("change-by-count", "Kaupungin väkiluku kasvoi vuodessa 1 150 asukkaalla.", "1 150", ("asukas",), BOTH),
    ("grade", "Asiakkaat antoivat palvelulle arvosanan 8,6.", "8,6", ("arvosana",), BOTH),
    ("per-counted", "Ilmaantuvuus oli 180 tapausta 100 000 asukasta kohden.", "180", ("tapaus",), BOTH),
    ("per-before", "Asukasta kohden käyntejä oli 6,1.", "6,1", ("käynti",), BOTH),
    ("aside-count", "Työpaikkoja avattiin 2 300, 400 enemmän kuin edellisvuonna.", "400", ("työpaikka",), BOTH),
    ("joista-bare-share", "Hakijoita oli 4 100, joista 61 prosenttia naisia.", "61", ("hakija",), BOTH),
    ("number-word", "Uusia myymälöitä avattiin kolme.", "kolme", ("myymälä",), BOTH),
    ("scale-never", "Matkustajia oli 1,4 miljoonaa.", "1,4", ("matkustaja",), BOTH),
    ("adverb-before", "Pyöräilijöitä laskettiin viikonloppuisin 3 400.", "3 400", ("pyöräilijä",), BOTH),
    ("time-never", "Kolmen vuoden aikana rakennettiin 540 asuntoa.", "540", ("asunto",), BOTH),
    ("change-to-level", "Keskimääräinen odotusaika lyheni 11 päivään.", "11", ("odotusaika",), BOTH),
    ("bracket-current", "Liikevoitto oli 3,2 (2,7) miljoonaa euroa.", "3,2", ("liikevoitto",), BOTH),
    ("bracket-base", "Liikevoitto oli 3,2 (2,7) miljoonaa euroa.", "2,7", ("liikevoitto",), BOTH),
    ("month-never", "Heinäkuussa myytiin 720 kausikorttia.", "720", ("kausikortti",), BOTH),
    ("elative-group-verb", "Kotitalouksista 18 prosenttia lämmittää puulla.", "18", ("kotitalous",), BOTH),
    ("value-owner", "Sijoitusten arvo oli 4,5 miljardia euroa.", "4,5", ("sijoitus",), BOTH),
    ("nominative-rate", "Äänestysprosentti oli 68,4.", "68,4", ("äänestysprosentti",), BOTH),
    ("share-verb-group", "65 vuotta täyttäneistä tehosteannoksen on ottanut 71 prosenttia.", "71",
     ("täyttänyt",), BOTH),
    ("lead-time", "Hammaslääkärille pääsee nyt kolmen viikon päähän.", "kolmen", ("pääsy", "päästä"), BOTH),
    ("object-count", "Poliisi puhallutti viikonlopun aikana 2 100 kuljettajaa.", "2 100", ("kuljettaja",), BOTH),
    ("duration-siihen-kului", "Lupa myönnettiin keskimäärin 40 päivässä.", "40", ("myöntää",), BOTH),
    ("parenthesis-change", "Myynti oli 8,1 miljoonaa euroa (+4,2 %).", "8,1", ("myynti",), BOTH),
    ("subject-after", "Tammikuussa syntyi 96 lasta.", "96", ("lapsi",), BOTH),
    ("copula-plural", "Kulutusmenot olivat 1 430 euroa kuukaudessa.", "1 430", ("kulutusmeno", "meno"), BOTH),
    ("partitive-subject-late", "Uusia yrityksiä perustettiin alueelle viime vuonna 312.", "312", ("yritys",), BOTH),
    ("percent-subject", "Vastaajista yli puolet, 56 prosenttia, oli tyytyväisiä.", "56", ("vastaaja",), BOTH),
    ("relative-joka", "Vientiä vauhditti metsäteollisuus, joka kasvoi 4,6 prosenttia.", "4,6",
     ("metsäteollisuus",), BOTH),
    ("ellipsis-next", "Lukioon haki 2 410 ja ammattikouluun 3 050 nuorta.", "2 410", ("nuori",), BOTH),
    ("list-item-first-word", "- Tilauskanta kasvoi 12 % edellisvuodesta.", "12", ("tilauskanta",), BOTH),
    ("postposition-governed", "Lentoja on peruttu kesäkuun alusta lähtien yhteensä 86.", "86", ("lento",), BOTH),
    ("particle-never", "Ylinopeudesta jäi kiinni viikonlopun aikana 48 kuljettajaa.", "48", ("kuljettaja",), BOTH),
    ("particle-never-bare", "Ylinopeutta ajaneita jäi kiinni 48.", "48", ("ajanut",), BOTH),
    ("genitive-before-counted", "Kaupungissa on noin 6 500 kunnallisen vuokra-asunnon asukasta.", "6 500",
     ("asukas",), BOTH),
    ("case-ending-never", "Jäsenten määrä kasvoi 1 210:stä 1 395:een.", "1 395", ("jäsen",), BOTH),
    ("scale-noun-never", "Kaupungin imagoarvio nousi 3,1 pisteestä 3,6 pisteeseen.", "3,6", ("imagoarvio",),
     BOTH),
    ("superlative-never", "Seuroista pienin jäsenmäärä oli 40 ja suurin 2 300.", "2 300", ("jäsenmäärä",), BOTH),
    ("locative-never", "Uusia asukkaita on tänä vuonna muuttanut kaupunkiin yhteensä 1 240.", "1 240",
     ("asukas",), BOTH),
    ("bare-count-noun-not-verb", _RESTATED, "1 800", ("rakennuslupahakemus",), BOTH),
    ("bare-count-restated", _RESTATED, "9", ("rakennuslupahakemus",), BOTH),
    ("duration-into", "Lupien valmisteluun kului syksyllä keskimäärin 17 arkipäivää.", "17", ("valmistelu",), BOTH),
    ("duration-into-compound", "Opinnäytteen tekemiseen meni keskimäärin 8 kuukautta.", "8", ("tekeminen",), BOTH),
    ("se-points-to-object", "Tämän kesän lipunmyyntiä ei ole vielä laskettu, mutta viime kesänä se oli 48 000.",
     "48 000", ("lipunmyynti",), BOTH),
    ("list-of-counts", "Museossa vieraili maaliskuussa 12 000 kävijää, huhtikuussa noin 9 500.", "9 500",
     ("kävijä",), BOTH),
    ("share-group-before-subject", ("Lonkkaleikkausta odottaneista yli puolet, 54 prosenttia, oli jonottanut "
                                    "yli kolme kuukautta."), "54", ("odottanut",), BOTH),
    ("share-group-after", "Kesätyöpaikkaa hakeneet saivat sen lähes 40 prosenttia hakijoista.", "40", ("hakija",),
     BOTH),
    ("own-partitive-not-carried", "Hakemuksia tuli 2 300, ja päätöksiä tehtiin yli 2 000.", "2 000",
     ("päätös",), BOTH),
    # the past participle of a change verb, "-nut" assimilated after s/l ("nousseet", "noussut")
    ("change-participle-plural", "Kävijämäärät ovat nousseet kesän aikana 14 prosenttia.", "14",
     ("kävijämäärä",), BOTH),
    ("change-participle-pluperfect", "Vuokrat olivat nousseet Tampereella 3,2 prosenttia.", "3,2",
     ("vuokra",), BOTH),
    ("change-participle-singular", "Sähkön hinta on noussut syksyn aikana 18 prosenttia.", "18",
     ("hinta", "sähkö"), BOTH),
    # a share that is the predicate of a nominative subject measures the subject, not the whole it is of
    ("share-predicate-of-subject", "Käyttökate oli 14,8 prosenttia liikevaihdosta.", "14,8", ("käyttökate",), BOTH),
    ("share-predicate-bracket", "Liiketulos oli heinä–syyskuussa 4,1 % liikevaihdosta (3,7).", "4,1",
     ("liiketulos",), BOTH),
    # ... while a share with no such subject still measures the group it is of
    ("share-of-group-after", "Kyselyssä lähes puolet vastaajista piti palvelua hyvänä.", "puolet",
     ("vastaaja",), BOTH),
    # a partitive governed by "ennen"/"ilman" qualifies the measure before it
    ("preposition-ennen", "Liiketulos ennen poistoja oli 3,8 miljoonaa euroa.", "3,8 miljoonaa",
     ("liiketulos",), BOTH),
    ("preposition-ilman", "Käyttökate ilman kertaluonteisia kuluja oli 9,1 miljoonaa euroa.", "9,1 miljoonaa",
     ("käyttökate",), BOTH),
    ("preposition-phrase-ends-at-its-head", "Ennen uusia hintoja kysyntää oli 14 prosenttia enemmän.", "14",
     ("kysyntä",), BOTH),
    ("preposition-ennen-after-verb", "Asukkaita oli ennen kuntaliitosta 6 200.", "6 200", ("asukas",), BOTH),
    # the capitalised first word after a lead's colon is the subject, not a name
    ("after-lead-colon", "Loka–joulukuu 2023: Tilauskanta kasvoi 9 % ja oli 212 miljoonaa euroa.", "9",
     ("tilauskanta",), BOTH),
    ("after-lead-colon-level", "Loka–joulukuu 2023: Tilauskanta kasvoi 9 % ja oli 212 miljoonaa euroa.",
     "212 miljoonaa", ("tilauskanta",), BOTH),
]

_SPEAKER_THEN_PRONOUN = ("– Jonossa oli viikolla 300 henkeä, sanoo palvelupäällikkö Eeva Laine. "
                         "Hän kertoo, että nyt jonossa on enää 120.")

# (id, sentence, number, accepted source texts (lower-case, contained in the source) or None)
SOURCE_ROWS: list[tuple[str, str, str, tuple[str, ...] | None]] = [
    ("mukaan", "Tilastokeskuksen mukaan työttömiä oli 212 000.", "212 000", ("tilastokeskuksen",)),
    ("mukaan-name-before", "Eurostatin ennakkoarvion mukaan talous kasvoi 0,4 %.", "0,4", ("eurostatin",)),
    ("kertoo-after", "Myynti kasvoi 8 prosenttia, kertoo talousjohtaja Maija Lehto.", "8", ("maija lehto",)),
    ("arvioi-etta", "Kela arvioi, että hakemuksia tulee tänä vuonna 30 000.", "30 000", ("kela",)),
    ("arvioi-participle", "Yhtiö arvioi liikevaihdon kasvavan noin 5 prosenttia.", "5", ("yhtiö",)),
    ("quote-paragraph", "– Myynti kasvoi 8 prosenttia. Olemme tyytyväisiä, sanoo myyntijohtaja Pekka Salo.", "8",
     ("pekka salo",)),
    ("name-sanoo", "Asiakkaita oli 5 400 enemmän kuin vuotta aiemmin, Salo sanoo.", "5 400", ("salo",)),
    ("generic-none", "Alustavien tietojen mukaan kävijöitä oli 5 200.", "5 200", None),
    ("law-none", "Lain mukaan hakemus on käsiteltävä 30 päivässä.", "30", None),
    ("passive-none", "Kävijöitä arvioidaan olleen 12 000.", "12 000", None),
    ("conjunction-none", "Kun mukaan lasketaan muuttoliike, väkiluku kasvoi 340 asukkaalla.", "340", None),
    ("no-source", "Kirjastossa käytiin 310 000 kertaa.", "310 000", None),
    ("pronoun-without-speaker", "Hän kertoo, että jonossa on nyt 300 henkeä.", "300", None),
    ("pronoun-takes-speaker", _SPEAKER_THEN_PRONOUN, "120", ("eeva laine",)),
    ("genitive-name-and-noun", "Kelan tutkimuksen mukaan 40 prosenttia vastaajista oli tyytyväisiä.", "40",
     ("kelan",)),
]

# (id, sentence, figure, per value, per lemma, a number that must not be a claim or None)
PER_ROWS: list[tuple[str, str, str, float, str, str | None]] = [
    ("per-number", "Ilmaantuvuus oli 180 tapausta 100 000 asukasta kohden.", "180", 100000, "asukas", "100 000"),
    ("per-one", "Kuluja kertyi 450 euroa jäsentä kohti.", "450", 1, "jäsen", None),
    ("per-before", "Asukasta kohden käyntejä oli 6,1.", "6,1", 1, "asukas", None),
    ("per-yhta", "Hakijoita oli 7,5 yhtä aloituspaikkaa kohden.", "7,5", 1, "aloituspaikka", None),
    ("per-kohti-oppilasta", "Opetukseen käytettiin 9 200 euroa oppilasta kohti.", "9 200", 1, "oppilas", None),
]

READINGS = ["fast", pytest.param("parser", marks=pytest.mark.skipif(not HAVE_PARSER, reason=f"{PARSER} missing"))]


def _extractor(reading: str) -> tiedote.Extractor:
    return tiedote.Extractor(parser=PARSER if reading == "parser" else None)


def _claim(reading: str, text: str, number: str) -> Claim:
    claims = _extractor(reading).extract(text, published=dt.date(2024, 5, 15))
    found = [c for c in claims if c.quantity.span.text == number or c.quantity.span.text.startswith(number + " ")]
    assert found, f"no claim {number!r} in {[c.quantity.span.text for c in claims]}"
    return found[-1] if number in ("41",) else found[0]


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize(("text", "number", "accepted", "who"),
                         [pytest.param(*row[1:], id=row[0]) for row in MEASURE_ROWS])
def test_measure(reading: str, text: str, number: str, accepted: tuple[str, ...], who: str,
                 request: pytest.FixtureRequest) -> None:
    if reading == "fast" and who == PARSER_ONLY:
        request.applymarker(pytest.mark.xfail(strict=True, reason="needs the parse"))
    claim = _claim(reading, text, number)
    assert claim.measure is not None and claim.measure.lemma in accepted, claim.measure
    span = claim.measure.span
    assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize(("text", "number", "accepted"), [pytest.param(*row[1:], id=row[0]) for row in SOURCE_ROWS])
def test_source(reading: str, text: str, number: str, accepted: tuple[str, ...] | None) -> None:
    claim = _claim(reading, text, number)
    if accepted is None:
        assert claim.source is None, claim.source
    else:
        assert claim.source is not None and any(a in claim.source.text.lower() for a in accepted), claim.source
        assert text[claim.source.span.start:claim.source.span.end] == claim.source.text


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize(("text", "number", "value", "lem", "not_claim"),
                         [pytest.param(*row[1:], id=row[0]) for row in PER_ROWS])
def test_per(reading: str, text: str, number: str, value: float, lem: str, not_claim: str | None) -> None:
    claim = _claim(reading, text, number)
    assert claim.per is not None and claim.per.value == value and claim.per.lemma == lem, claim.per
    if not_claim is not None:
        claims = _extractor(reading).extract(text)
        assert not_claim not in [c.quantity.span.text for c in claims]


@pytest.mark.parametrize("reading", READINGS)
def test_kohti_as_towards_is_no_denominator(reading: str) -> None:
    claim = _claim(reading, "Väkiluku kasvoi 1 200 asukkaalla matkalla kohti uutta ennätystä.", "1 200")
    assert claim.per is None


def test_readings_differ_only_in_measure_subject_source() -> None:
    if not HAVE_PARSER:
        pytest.skip(f"{PARSER} missing")
    fast, parsed = _extractor("fast"), _extractor("parser")
    for _, text, *_ in MEASURE_ROWS + SOURCE_ROWS:
        a = fast.extract(text, published=dt.date(2024, 5, 15))
        b = parsed.extract(text, published=dt.date(2024, 5, 15))
        keep = {"quantity", "period", "statistic", "rate", "change", "per", "sentence", "id"}
        assert [c.model_dump(include=keep) for c in a] == [c.model_dump(include=keep) for c in b], text
