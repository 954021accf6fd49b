"""The release as a whole: which time each figure belongs to (contract.md, "Which time a figure belongs to").

One row per behaviour, each an invented Finnish release (a title line, then the
body), the publication date, the figure's number as written, and the period it
must get.  ``None`` in start/end means the period must have no dates; ``...``
(the default for basis, rule, change) means that field is not checked here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import pytest

import tiedote

T = "Ajankohtaista\n\n"  # a title naming no time and no figure


class Row(NamedTuple):
    id: str
    text: str
    published: str
    number: str
    start: str | None
    end: str | None
    basis: Any = ...
    rule: Any = ...
    change: Any = ...


ROWS = [
    # ---- an aside's figure belongs to the predicate that goes on after it
    Row("aside-takes-the-time-of-the-clause-after",
        "Kirjaston lainat\n\nViime vuonna lainoja kertyi 612 000. Aiempi huippu, 655 000 lainaa, saavutettiin "
        "vuonna 2016.", "2024-01-20", "655 000", "2016-01-01", "2016-12-31", "explicit", "period.year.explicit"),
    Row("aside-after-a-time-keeps-the-earlier-one",
        "Käyttöaste oli paras helmikuussa, 91 prosenttia, ja heikoin elokuussa, 58 prosenttia.",
        "2024-01-20", "91", "2023-02-01", "2023-02-28", "explicit"),
    Row("restatement-before-a-kun-clause-is-not-an-aside",
        "Tammi–kesäkuussa myytiin 12 400 pyörää. Sähköpyöriä niistä oli 3 100 eli 25 prosenttia, kun vuotta "
        "aiemmin osuus oli 19 prosenttia.", "2024-07-10", "25", "2024-01-01", "2024-06-30", "context"),
    # ---- a change from X to Y told the other way round: to-value first, the from-value its old level
    Row("to-value-first-then-from-value",
        "Osavuosikatsaus tammi–maaliskuulta 2024\n\nKatsaus\n\nPalvelujen liikevaihto nousi 9,4 miljoonaan euroon "
        "vuoden takaisesta 8,1 miljoonasta eurosta.", "2024-04-25", "8,1 miljoonasta", "2023-01-01", "2023-03-31",
        "context"),
    # ---- a negative comparison figure in brackets is a level a year earlier, not a change
    Row("signed-comparison-figure-is-a-year-earlier",
        "Osavuosikatsaus huhti–kesäkuulta 2024\n\nKatsaus\n\nRahavirta oli 2,2 (−0,9) miljoonaa euroa.",
        "2024-07-20", "−0,9", "2023-04-01", "2023-06-30", "context", "period.bracket_comparison"),
    # ---- the ablative names the time a report is from; a run of days in one month
    Row("ablative-title-is-the-frame",
        "Osavuosikatsaus heinä–syyskuulta 2024\n\nKatsaus\n\nLiikevaihto oli 12,4 miljoonaa euroa.",
        "2024-10-24", "12,4 miljoonaa", "2024-07-01", "2024-09-30", "frame"),
    Row("days-of-a-named-month",
        "Joulumyynti\n\nJoulukuun 1.–23. päivän myynti oli 4,2 miljoonaa euroa.", "2024-12-27",
        "4,2 miljoonaa", "2024-12-01", "2024-12-23", "explicit", "period.date.genitive_range"),
    # ---- the frame: the period the title or lead reports
    Row("frame-lead-carries-to-next-paragraph",
        T + "Tammi–maaliskuussa matkoja tehtiin 2,1 miljoonaa.\n\nLahdessa kasvua oli 4 prosenttia.",
        "2024-04-20", "4", "2024-01-01", "2024-03-31", "frame", "period.frame"),
    Row("frame-lead-year-for-later-paragraph",
        "Lentoasemilla ennätysvuosi\n\nLentoasemilla matkusti vuonna 2019 yhteensä 26 miljoonaa matkustajaa.\n\n"
        "Oulussa matkustajia oli 1,1 miljoonaa.", "2020-01-14", "1,1 miljoonaa", "2019-01-01", "2019-12-31", "frame"),
    Row("frame-from-title",
        "Sataman liikenne kasvoi syyskuussa\n\nRahtia käsiteltiin 1,2 miljoonaa tonnia.",
        "2023-10-05", "1,2 miljoonaa", "2023-09-01", "2023-09-30", "frame", "period.frame"),
    Row("frame-not-from-a-later-figureless-sentence",
        "Puhelut vähenivät\n\nPuheluita tuli 4 000 ja jonotusaika oli 5 minuuttia. Palvelu on kiinni joulukuussa.",
        "2020-06-03", "4 000", None, None),
    Row("title-figure-takes-frame",
        "Museossa 40 000 kävijää\n\nMuseossa kävi viime vuonna 40 000 kävijää.", "2024-01-20", "40 000",
        "2023-01-01", "2023-12-31"),
    Row("title-figure-takes-same-measure-body-figure",
        "Verkossa asioi yli miljoona asiakasta\n\nVerohallinto lähetti huhtikuussa 5 miljoonaa ilmoitusta. "
        "Toukokuun 20. päivään mennessä verkossa oli asioinut 1,1 miljoonaa asiakasta.", "2021-05-25",
        "miljoona", "2021-01-01", "2021-05-20", "context", "period.title_from_body"),
    Row("title-figure-takes-same-value-body-figure",
        "Metsäpaloja jo 52\n\nPelastuslaitos on sammuttanut toukokuun alusta lähtien jo 52 metsäpaloa. Vuotta "
        "aiemmin koko toukokuun aikana metsäpaloja oli 31.", "2023-05-16", "52", "2023-05-01", "2023-05-16"),
    # ---- the period in force in a paragraph
    Row("in-force-within-paragraph",
        T + "Kesäkuussa museossa kävi 8 000 vierasta. Lapsia oli 2 100.", "2023-08-01", "2 100",
        "2023-06-01", "2023-06-30", "context", "period.in_force"),
    Row("new-paragraph-falls-back-to-frame",
        "Uimahallin vuosi\n\nViime vuonna uimahallissa kävi 310 000 uimaria. Heinäkuussa hallissa kävi 9 000 uimaria."
        "\n\nKuntosalilla käyntejä oli 42 000.", "2024-02-01", "42 000", "2023-01-01", "2023-12-31", "frame",
        "period.frame"),
    Row("present-tense-is-current-whatever-the-frame",
        "Kirjaston vuosi\n\nViime vuonna kirjastossa käytiin 900 000 kertaa.\n\nKirjastolla on 24 toimipistettä.",
        "2024-02-01", "24", "2024-02-01", "2024-02-01", "published", "period.published"),
    Row("present-perfect-after-closure-dates-is-current",
        T + "Toimisto on kiinni 1.–20.7. Jonotusaika on ollut noin 4 minuuttia.", "2020-06-03", "4",
        "2020-06-03", "2020-06-03", "published"),
    # ---- the dateline is the publication stamp
    Row("dateline-inline-is-no-period",
        "Poliisi valvoi\n\nOulu 12.3.2021 klo 10.15 — Viikonloppuna poliisi tavoitti 14 rattijuoppoa.",
        "2021-03-12", "14", "2021-03-06", "2021-03-07", "explicit", "period.weekend"),
    Row("dateline-own-line-is-no-period",
        "Palvelu ruuhkautui\n\nTIEDOTE 19.1.2021\n\nPalveluun soitettiin 5 400 kertaa.", "2021-01-19", "5 400",
        None, None),
    Row("dateline-company-line-is-no-period",
        "Yhtiön tulos\n\nEsimerkki Oyj, pörssitiedote 26.10.2023 klo 8.00\n\nLiikevaihto kasvoi 5 prosenttia.",
        "2023-10-26", "5", None, None),
    # ---- year words that point back count from the year in force
    Row("previous-year-from-year-in-force",
        T + "Museossa vierailtiin viime vuonna 88 500 kertaa. Edellisvuonna vieraita oli 71 200.",
        "2024-02-10", "71 200", "2022-01-01", "2022-12-31"),
    Row("previous-year-from-explicit-year",
        T + "Vuonna 2019 satamassa kävi 400 alusta.\n\nEdellisvuonna aluksia oli 380.", "2021-05-01", "380",
        "2018-01-01", "2018-12-31"),
    Row("previous-year-is-not-in-force",
        T + "Vuonna 2022 syntyi 400 lasta. Edellisvuonna syntyneitä oli 380. Kuolleita oli 700.", "2023-01-20",
        "700", "2022-01-01", "2022-12-31", "context", "period.in_force"),
    Row("previous-year-in-same-sentence",
        T + "Nettomuutto koheni viime vuonna edellisvuoden -205 asukkaasta -40 asukkaaseen.", "2023-01-26",
        "-205", "2021-01-01", "2021-12-31"),
    # ---- rolling windows end on the publication date; their number is no claim
    Row("rolling-two-weeks", T + "Kahden viime viikon aikana tartuntoja todettiin 900.", "2021-03-24", "900",
        "2021-03-11", "2021-03-24", "explicit", "period.rolling"),
    Row("rolling-fourteen-days", T + "14 viime päivän aikana ilmaantuvuus oli 45 tapausta 100 000 asukasta kohden.",
        "2021-07-22", "45", "2021-07-09", "2021-07-22", "explicit", "period.rolling"),
    Row("rolling-last-year", T + "Viimeisen vuoden aikana palveluun tuli 12 000 hakemusta.", "2024-03-15",
        "12 000", "2023-03-16", "2024-03-15"),
    Row("rolling-twelve-months", T + "Viime 12 kuukauden aikana hinnat nousivat 6 prosenttia.", "2023-05-10", "6",
        "2022-05-11", "2023-05-10"),
    Row("rolling-previous-window",
        T + "Kahden viime viikon aikana tapauksia oli 500, kun edellisellä kahden viikon jaksolla niitä oli 620.",
        "2021-10-20", "620", "2021-09-23", "2021-10-06"),
    Row("rolling-previous-window-plural-base",
        T + "Viimeisten kahden viikon aikana tartuntoja on raportoitu 6 300, mikä on 2 900 enemmän kuin "
        "edellisten kahden viikon aikana.", "2021-07-20", "2 900", "2021-07-07", "2021-07-20"),
    Row("then-refers-to-last-comparison-base",
        T + "Viimeisten kahden viikon aikana tartuntoja on raportoitu 6 300, mikä on 2 900 enemmän kuin "
        "edellisten kahden viikon aikana. Tuolloin tartuntoja raportoitiin 3 400.", "2021-07-20", "3 400",
        "2021-06-23", "2021-07-06", ..., "period.comparison_base"),
    Row("rolling-window-in-force-for-next-sentence",
        T + "Alueella todettiin 14 viime päivän aikana 800 tartuntaa. Tartunnoista 40 prosenttia todettiin lapsilla.",
        "2021-11-18", "40", "2021-11-05", "2021-11-18", "context", "period.in_force"),
    # ---- "X:ään mennessä" is cumulative
    Row("by-end-of-month", T + "Syyskuun loppuun mennessä hakemuksia oli tullut 5 % enemmän.", "2024-10-05", "5",
        "2024-01-01", "2024-09-30"),
    Row("by-middle-of-month", T + "Huhtikuun puoliväliin mennessä kurssin oli suorittanut 39 prosenttia.",
        "2024-05-02", "39", "2024-01-01", "2024-04-15"),
    Row("by-day-of-month", T + "Kesäkuun 10. päivään mennessä ilmoittautuneita oli 3 400.", "2022-06-14", "3 400",
        "2022-01-01", "2022-06-10"),
    Row("by-counts-from-frame-start",
        "Rokotuksia annettiin loka- ja marraskuussa ennätysmäärä\n\n"
        "Marraskuun loppuun mennessä rokotteen oli saanut 61 prosenttia.", "2023-12-05", "61",
        "2023-10-01", "2023-11-30"),
    Row("by-and-this-year-in-one-clause",
        T + "Syyskuun loppuun mennessä rekisteriin oli tehty tänä vuonna 148 600 ilmoitusta.", "2024-10-22",
        "148 600", "2024-01-01", "2024-09-30"),
    # ---- stocks at a point in time
    Row("month-end-stock-last-year", T + "Joulukuun lopussa jonossa oli 1 250 potilasta.", "2024-01-15", "1 250",
        "2023-12-31", "2023-12-31"),
    Row("year-end-stock", T + "Vuoden lopussa kirjastokortteja oli 128 000.", "2024-02-20", "128 000",
        "2023-12-31", "2023-12-31"),
    Row("turn-of-year-past-tense-is-the-turn-just-past", T + "Vuodenvaihteessa hinnat nousivat 3 prosenttia.",
        "2024-08-20", "3", "2023-12-31", "2023-12-31"),
    Row("turn-of-year-stock", T + "Vuodenvaihteessa jonossa oli 2 300 potilasta.", "2022-02-15", "2 300",
        "2021-12-31", "2021-12-31"),
    Row("turn-of-year-coming", T + "Vuodenvaihteessa hinnat nousevat 4 prosenttia.", "2024-10-01", "4",
        "2024-12-31", "2024-12-31"),
    Row("by-turn-of-year", T + "Väkiluku nousi vuodenvaihteeseen mennessä 416 000:een.", "2024-01-25", "416 000",
        "2023-01-01", "2023-12-31"),
    # ---- "alkuvuonna"
    Row("early-year-to-last-full-quarter", T + "Alkuvuonna jäsenmäärä kasvoi 800:lla.", "2024-08-15", "800",
        "2024-01-01", "2024-06-30"),
    Row("early-year-before-first-quarter-ends", T + "Alkuvuodesta kävijöitä oli 12 000.", "2024-02-20", "12 000",
        "2024-01-01", "2024-02-20"),
    Row("early-year-in-title-is-the-body-months",
        "Eläintarhassa vieraili alkuvuodesta 317 000 kävijää\n\nEläintarhassa vieraili tammi–heinäkuussa 317 000 "
        "kävijää.", "2024-08-10", "317 000", "2024-01-01", "2024-07-31"),
    Row("early-year-in-body-is-the-frame",
        T + "Tammi–heinäkuussa jäseniä liittyi 4 000.\n\nAlkuvuonna eronneita oli 900.", "2024-08-10", "900",
        "2024-01-01", "2024-07-31"),
    # ---- the base of a comparison is never the figure's time
    Row("base-far-after-kuin-restating-figure",
        T + "Saunassa kävi viime viikolla 2 170 saunojaa, mikä on 17 prosenttia enemmän kuin samalla viikolla "
        "kaksi vuotta aiemmin.", "2024-03-13", "17", "2024-03-04", "2024-03-10", ..., "period.previous_figure"),
    Row("base-not-in-force-for-next-sentence",
        T + "Maaliskuussa puheluita tuli 40 000, mikä on 20 prosenttia vähemmän kuin helmikuussa. "
        "Jonotusaika oli 4 minuuttia.", "2024-04-10", "4", "2024-03-01", "2024-03-31"),
    Row("base-elative-is-not-the-period", T + "Hinnat nousivat huhtikuussa 0,4 prosenttia maaliskuusta.",
        "2024-05-10", "0,4", "2024-04-01", "2024-04-30"),
    Row("jolloin-takes-the-base",
        T + "Marraskuussa rokotteen oli saanut 57 prosenttia. Osuus on 2 prosenttiyksikköä pienempi kuin vuotta "
        "aiemmin samaan aikaan, jolloin se oli 59 prosenttia.", "2022-12-08", "59", "2021-11-01", "2021-11-30"),
    Row("anaphoric-osuus-takes-previous-figure",
        T + "Marraskuussa rokotteen oli saanut 57 prosenttia. Osuus on 2 prosenttiyksikköä pienempi kuin vuotta "
        "aiemmin samaan aikaan, jolloin se oli 59 prosenttia.", "2022-12-08", "2", "2022-11-01", "2022-11-30",
        ..., "period.previous_figure"),
    # ---- from X to Y
    Row("from-value-is-old-level-no-change",
        T + "Lupapäätöksen odotusaika on supistunut yhdeksästä viikosta viiteen.", "2024-05-02", "yhdeksästä",
        ..., ..., ..., ..., None),
    Row("to-value-carries-change-and-current-time",
        T + "Lupapäätöksen odotusaika on supistunut yhdeksästä viikosta viiteen.", "2024-05-02", "viiteen",
        "2024-05-02", "2024-05-02", "published", ..., "decrease"),
    Row("to-value-skips-from-value-genitive-year",
        T + "Nettomuutto koheni viime vuonna edellisvuoden -205 asukkaasta -40 asukkaaseen.", "2023-01-26",
        "-40", "2022-01-01", "2022-12-31"),
    Row("from-value-in-same-span-is-earlier-time",
        T + "Syyskuussa odotusaika oli 6 päivää, kun heinäkuussa se oli 19 päivää. Perustamisilmoitusten "
        "käsittelyaika lyheni samassa ajassa 14 päivästä 5 päivään.", "2024-10-22", "14", "2024-07-01",
        "2024-07-31", ..., "period.comparison_span"),
    Row("to-value-in-same-span-is-later-time",
        T + "Syyskuussa odotusaika oli 6 päivää, kun heinäkuussa se oli 19 päivää. Perustamisilmoitusten "
        "käsittelyaika lyheni samassa ajassa 14 päivästä 5 päivään.", "2024-10-22", "5 päivään", "2024-09-01",
        "2024-09-30", ..., "period.comparison_span"),
    Row("to-value-present-perfect-is-current-despite-base",
        T + "Syyskuussa päätöksiä tehtiin 3 000.\n\nKäsittelyaika on lyhentynyt vuoden takaisesta kahdeksasta "
        "kuukaudesta viiteen.", "2024-10-15", "viiteen", "2024-10-15", "2024-10-15", "published"),
    Row("from-value-takes-its-own-base",
        T + "Syyskuussa päätöksiä tehtiin 3 000.\n\nKäsittelyaika on lyhentynyt vuoden takaisesta kahdeksasta "
        "kuukaudesta viiteen.", "2024-10-15", "kahdeksasta", "2023-09-01", "2023-09-30", ..., "period.from_value",
        None),
    Row("from-to-week-counts-are-no-week-number",
        T + "Käsittelyaika lyheni viime vuonna 12 viikosta 8 viikkoon.", "2024-05-15", "8", "2023-01-01",
        "2023-12-31", ..., "period.relative.year", "decrease"),
    Row("from-value-genitive-year-with-clause-month",
        T + "Tulipalojen määrä väheni heinäkuussa edellisvuoden 52:sta 37:ään.", "2022-08-23", "52", "2021-07-01",
        "2021-07-31", ..., "period.from_value", None),
    Row("to-value-with-clause-month",
        T + "Tulipalojen määrä väheni heinäkuussa edellisvuoden 52:sta 37:ään.", "2022-08-23", "37", "2022-07-01",
        "2022-07-31"),
    Row("from-value-with-colon-suffix", T + "Jäsenten määrä kasvoi viime vuonna 4 310:stä 4 655:een.",
        "2024-01-10", "4 310", ..., ..., ..., ..., None),
    # ---- a figure restating the one before it takes its time
    Row("restating-mika",
        T + "Huhtikuussa asiakkaita oli 1,1 miljoonaa, mikä on 8 prosenttia enemmän kuin vuotta aiemmin.",
        "2021-05-25", "8", "2021-04-01", "2021-04-30", ..., "period.previous_figure"),
    Row("restating-se-next-sentence",
        T + "Viime vuonna väkiluku pieneni 312 asukkaalla. Se oli 0,6 prosenttia koko väestöstä.", "2023-01-26",
        "0,6", "2022-01-01", "2022-12-31", ..., "period.previous_figure"),
    Row("restating-luku-present-figure-stays-current",
        T + "Voimassa olevia passeja on tällä hetkellä 3,5 miljoonaa. Luku jää 330 000 kappaletta jälkeen "
        "joulukuusta 2019.", "2022-04-12", "330 000", "2022-04-12", "2022-04-12"),
    Row("restating-se-olisi-conditional",
        T + "Koko vuoden lipputulojen arvioidaan nousevan 382 miljoonaan euroon. Se olisi 8 miljoonaa euroa "
        "enemmän kuin talousarviossa ennakoitiin.", "2019-10-08", "8 miljoonaa", "2019-01-01", "2019-12-31",
        ..., "period.previous_figure"),
    Row("older-level-is-not-in-force",
        T + "Päivystyksessä odotettiin joulukuussa keskimäärin 3 tuntia. Marraskuussa odotus kesti 4 tuntia ja "
        "vuotta aiemmin joulukuussa 5 tuntia. Kiireellisimmät pääsivät hoitoon 15 minuutissa.", "2025-01-14", "15",
        "2024-12-01", "2024-12-31", "context", "period.in_force"),
    Row("year-shifted-month-is-an-old-level",
        T + "Päivystyksessä odotettiin joulukuussa keskimäärin 3 tuntia. Marraskuussa odotus kesti 4 tuntia ja "
        "vuotta aiemmin joulukuussa 5 tuntia. Kiireellisimmät pääsivät hoitoon 15 minuutissa.", "2025-01-14", "5",
        "2023-12-01", "2023-12-31"),
    # ---- the year in force
    Row("whole-year-after-figure-is-a-superlatives-scope",
        T + "Joulukuussa ratkaisuun kului 27 päivää. Käsittelyaika lyheni marraskuusta viidellä päivällä ja oli "
        "lyhyin koko vuonna.", "2021-01-19", "viidellä", "2020-12-01", "2020-12-31"),
    Row("whole-year-is-year-in-force",
        T + "Vuonna 2023 kirjastossa käytiin paljon. Koko vuonna kävijöitä oli 12 000.", "2024-02-01", "12 000",
        "2023-01-01", "2023-12-31", ..., "period.year_in_force"),
    Row("whole-year-forecast",
        T + "Tammi–elokuussa lippuja myytiin 250 miljoonalla eurolla, ja koko vuoden lipputulojen arvioidaan "
        "nousevan 380 miljoonaan euroon.", "2019-10-08", "380 miljoonaan", "2019-01-01", "2019-12-31"),
    Row("during-the-year-is-year-in-force",
        "Kaupungin väkiluku kasvoi viime vuonna\n\nVieraskielisten osuus väestöstä nousi vuoden aikana "
        "9,8 prosenttiin.", "2024-01-25", "9,8", "2023-01-01", "2023-12-31"),
    Row("change-over-a-year-takes-time-in-force",
        T + "Elokuun lopussa työttömiä oli 250 000. Heidän määränsä kasvoi vuodessa 10 000:lla.", "2023-09-26",
        "10 000", "2023-08-31", "2023-08-31"),
    Row("counted-years-are-not-the-year-in-force", T + "Kahden vuoden aikana hinnat nousivat 12 prosenttia.",
        "2024-03-01", "12", None, None),
    # ---- a peak's time is that figure's only
    Row("peak-day-own-figure",
        T + "Alkuvuonna kentällä kulki 7,8 miljoonaa matkustajaa. Vilkkaimpana päivänä 28. kesäkuuta kentällä "
        "matkusti 71 000 ihmistä, kun päivittäinen keskiarvo oli 43 100 matkustajaa.", "2024-07-10", "71 000",
        "2024-06-28", "2024-06-28"),
    Row("peak-day-not-carried-to-other-clause",
        T + "Alkuvuonna kentällä kulki 7,8 miljoonaa matkustajaa. Vilkkaimpana päivänä 28. kesäkuuta kentällä "
        "matkusti 71 000 ihmistä, kun päivittäinen keskiarvo oli 43 100 matkustajaa.", "2024-07-10", "43 100",
        "2024-01-01", "2024-06-30"),
    # ---- holidays, weekends, weekdays
    Row("easter-a-year-earlier",
        T + "Pääsiäisenä poliisi puhallutti 6 000 kuljettajaa. Vuotta aiemmin pääsiäisenä rattijuoppoja jäi "
        "kiinni 19.", "2021-04-06", "19", "2020-04-10", "2020-04-13"),
    Row("easter-this-year", T + "Pääsiäisenä poliisi puhallutti 6 000 kuljettajaa.", "2021-04-06", "6 000",
        "2021-04-02", "2021-04-05", "explicit", "period.holiday"),
    Row("easter-week", T + "Pääsiäisviikolla lainoja oli 8 000.", "2024-04-10", "8 000", "2024-03-25",
        "2024-03-31"),
    Row("midsummer", T + "Juhannuksena mökkiteillä liikkui 120 000 autoa.", "2023-06-27", "120 000", "2023-06-23",
        "2023-06-25"),
    Row("weekend-coming", T + "Ensi viikonloppuna tapahtumaan odotetaan 5 000 kävijää.", "2024-05-08", "5 000",
        "2024-05-11", "2024-05-12"),
    Row("weekday-that-monday", T + "Maanantaina jonotettiin 40 minuuttia.", "2024-02-01", "40", "2024-01-29",
        "2024-01-29", "explicit", "period.weekday"),
    Row("weekday-range-in-this-week",
        T + "Tällä viikolla maanantain ja keskiviikon välillä tartuntoja on kirjattu 231.", "2021-11-18", "231",
        "2021-11-15", "2021-11-17"),
    Row("opening-hours-are-no-period",
        T + "Palvelu on auki maanantaista perjantaihin klo 9–15, ja sinne tulee arkipäivisin noin 1 200 puhelua.",
        "2024-10-15", "1 200", "2024-10-15", "2024-10-15", "published"),
    # ---- lists and sub-headings
    Row("list-continues-introducing-paragraph",
        "Bensan hinta nousi\n\nLokakuussa hinta nousi 2 prosenttia.\n\nKolmannella neljänneksellä keskihinta oli "
        "2,10 euroa. Muita kaupunkeja:\n\n• Lahti: 2,15 euroa\n• Kouvola: 1,95 euroa", "2024-11-05", "2,15",
        "2024-07-01", "2024-09-30", "context", "period.in_force"),
    Row("sub-heading-is-frame-for-figures-under-it",
        "Yhtiön osavuosikatsaus tammi–syyskuu 2023\n\nHeinä–syyskuu 2023 lyhyesti\n- Liikevaihto oli 45,2 "
        "miljoonaa euroa.\n\nTammi–syyskuu 2023 lyhyesti\n- Liikevaihto oli 131,6 miljoonaa euroa.", "2023-10-26",
        "45,2", "2023-07-01", "2023-09-30", "frame", "period.heading"),
    Row("second-sub-heading-replaces-the-first",
        "Yhtiön osavuosikatsaus tammi–syyskuu 2023\n\nHeinä–syyskuu 2023 lyhyesti\n- Liikevaihto oli 45,2 "
        "miljoonaa euroa.\n\nTammi–syyskuu 2023 lyhyesti\n- Liikevaihto oli 131,6 miljoonaa euroa.", "2023-10-26",
        "131,6", "2023-01-01", "2023-09-30", "frame", "period.heading"),
    Row("sub-heading-without-time-returns-to-frame",
        "Yhtiön osavuosikatsaus tammi–syyskuu 2023\n\nHeinä–syyskuu 2023 lyhyesti\n- Liikevaihto oli 45,2 "
        "miljoonaa euroa.\n\nMarkkinat\nKysyntä kasvoi 3 prosenttia.", "2023-10-26", "3", "2023-01-01",
        "2023-09-30", "frame", "period.frame"),
    # ---- comparison figures in brackets
    Row("bracket-is-same-period-a-year-earlier",
        T + "Liikevaihto oli heinä–syyskuussa 45,2 (42,1) miljoonaa euroa.", "2023-10-26", "42,1", "2022-07-01",
        "2022-09-30", ..., "period.bracket_comparison"),
    Row("bracket-signed-change-is-the-figures-period",
        T + "Liikevaihto oli heinä–syyskuussa 45,2 (42,1) miljoonaa euroa (+7,4 %).", "2023-10-26", "+7,4",
        "2023-07-01", "2023-09-30"),
    Row("bracket-stock-day-a-year-earlier", T + "Henkilöstöä oli syyskuun lopussa 742 (761).", "2023-10-26", "761",
        "2022-09-30", "2022-09-30"),
    Row("bracket-after-restated-figure",
        T + "Liikevoitto oli heinä–syyskuussa 3,9 (2,8) miljoonaa euroa eli 8,6 (6,7) % liikevaihdosta.",
        "2023-10-26", "6,7", "2022-07-01", "2022-09-30"),
    # a time named inside the bracket is the bracketed figure's, and only the base for the figures outside
    Row("bracket-time-is-not-the-head-figures",
        "Osavuosikatsaus\n\nTammi–kesäkuu 2023: Myynti kasvoi 12 % ja oli 18,3 milj. euroa (16,4 milj. euroa "
        "tammi–kesäkuussa 2022).", "2023-08-10", "18,3 milj.", "2023-01-01", "2023-06-30"),
    Row("bracket-time-is-the-bracketed-figures",
        "Osavuosikatsaus\n\nTammi–kesäkuu 2023: Myynti kasvoi 12 % ja oli 18,3 milj. euroa (16,4 milj. euroa "
        "tammi–kesäkuussa 2022).", "2023-08-10", "16,4 milj.", "2022-01-01", "2022-06-30", "explicit",
        "period.bracket_time"),
    Row("bracket-year-is-not-in-force-later",
        T + "Vuonna 2023 hylättyjen hakemusten osuus laski 4,1 prosenttiin (5,0 prosenttia vuonna 2021). "
        "Valituksia tehtiin 320.", "2024-03-01", "320", "2023-01-01", "2023-12-31"),
    Row("bracket-year-older-than-a-year",
        T + "Vuonna 2023 hylättyjen hakemusten osuus laski 4,1 prosenttiin (5,0 prosenttia vuonna 2021).",
        "2024-03-01", "5,0", "2021-01-01", "2021-12-31", ..., "period.bracket_time"),
    Row("bracket-year-holds-a-stock-day",
        T + "Jäseniä oli vuoden lopussa 4 100 (3 900 vuonna 2022).", "2024-02-01", "3 900", "2022-12-31",
        "2022-12-31"),
    Row("bracket-month-base-for-head",
        T + "Kirjastossa kävi 5 200 lainaajaa (kesäkuussa 4 700).", "2023-08-10", "5 200", None, None),
    # the base of a comparison also past "vastaavaan ajanjaksoon" before "verrattuna"
    Row("base-past-corresponding-period",
        T + "Tammi–huhtikuussa kirjastoissa kävi 310 000 asiakasta. Edellisvuoden vastaavaan ajanjaksoon "
        "verrattuna kasvua oli 7 prosenttia.", "2024-05-20", "7", "2024-01-01", "2024-04-30"),
    Row("base-past-same-time",
        T + "Vuonna 2023 satamassa käsiteltiin 4,1 miljoonaa tonnia. Vuoden 2019 samaan aikaan verrattuna "
        "määrä oli 12 prosenttia pienempi.", "2024-02-01", "12", "2023-01-01", "2023-12-31"),
    # "Vuosi 2023 oli ...": the year as the subject names the frame like "vuonna 2023"
    Row("frame-year-as-subject",
        "Satamassa vilkasta\n\nVuosi 2023 oli satamalle vilkas. Rahtia käsiteltiin 3,4 miljoonaa tonnia.",
        "2024-01-20", "3,4 miljoonaa", "2023-01-01", "2023-12-31"),
    Row("frame-year-as-subject-later-paragraph",
        "Satamassa vilkasta\n\nVuosi 2023 oli satamalle vilkas.\n\nMatkustajia oli 610 000.",
        "2024-01-20", "610 000", "2023-01-01", "2023-12-31"),
    # an interim report's "1–3/2023" labels a bracketed comparison figure
    Row("bracket-month-slash-label",
        T + "Tammi–maaliskuussa 2024 liikevaihto oli 84,2 miljoonaa euroa (1–3/2023: 79,5 miljoonaa euroa).",
        "2024-04-25", "79,5 miljoonaa", "2023-01-01", "2023-03-31", "explicit", "period.bracket_time"),
    Row("bracket-month-slash-label-head",
        T + "Tammi–maaliskuussa 2024 liikevaihto oli 84,2 miljoonaa euroa (1–3/2023: 79,5 miljoonaa euroa).",
        "2024-04-25", "84,2 miljoonaa", "2024-01-01", "2024-03-31"),
    # a part of a dated figure through "josta" / "joista" / "Heistä" takes its period, whatever the tense
    Row("relative-josta-part-of-dated-figure",
        T + "Vuonna 2023 kunnan menot olivat 412 miljoonaa euroa, josta palkkojen osuus on 38 prosenttia.",
        "2024-04-02", "38", "2023-01-01", "2023-12-31", "context", "period.previous_figure"),
    Row("relative-joista-part-of-dated-figure",
        T + "Viime syksynä kurssille ilmoittautui 260 opiskelijaa, joista 70 prosenttia on naisia.",
        "2024-04-02", "70", "2023-09-01", "2023-11-30", "context", "period.previous_figure"),
    # ---- an interim report's own period
    Row("review-period-end",
        "Osavuosikatsaus 1.1.–30.9.2023\n\nNettovelat olivat katsauskauden lopussa 41,5 miljoonaa euroa.",
        "2023-10-26", "41,5", "2023-09-30", "2023-09-30"),
    Row("review-period", "Osavuosikatsaus 1.1.–30.9.2023\n\nKatsauskaudella liikevaihto kasvoi 4 prosenttia.",
        "2023-10-26", "4", "2023-01-01", "2023-09-30"),
    # ---- words the calendar reads in context
    Row("translative-month", T + "Toukokuuksi museoon on rekrytoitu 34 valvojaa.", "2024-04-20", "34",
        "2024-05-01", "2024-05-31"),
    Row("translative-season-past", T + "Kesäksi palkkasimme 30 määräaikaista käsittelijää.", "2024-10-22", "30",
        "2024-06-01", "2024-08-31"),
    Row("year-shift-across-koko", T + "Vuotta aiemmin koko toukokuun aikana metsäpaloja oli 31.", "2023-05-16",
        "31", "2022-05-01", "2022-05-31"),
    Row("allative-this-year", T + "Kirjaston hankintamääräraha tälle vuodelle on 1,4 miljoonaa euroa.", "2022-04-12",
        "1,4 miljoonaa", "2022-01-01", "2022-12-31"),
    Row("year-then-date-range", T + "Viime vuonna 5.6.–7.6. festivaaleilla vieraili 23 000 kävijää.",
        "2024-09-01", "23 000", "2023-06-05", "2023-06-07"),
    Row("ambiguous-oi-verb-is-not-past",
        T + "Maaliskuussa verkkokauppa ennakoi lähettävänsä joka päivä noin 3 700 tilausta.", "2024-01-15",
        "3 700", "2024-03-01", "2024-03-31"),
    Row("first-person-plural-past", T + "Loka–joulukuussa teimme 640 ylimääräistä leikkausta.", "2022-02-15", "640",
        "2021-10-01", "2021-12-31"),
    Row("event-takes-time-it-was-told-with",
        "Viikolla 34 riehunut myrsky katkaisi sähköt\n\nKeskimääräinen keskeytysaika myrskyn aikana oli 4,6 tuntia.",
        "2023-09-05", "4,6", "2023-08-21", "2023-08-27"),
]


def _claim(row: Row) -> tiedote.Claim:
    claims = tiedote.extract(row.text, published=dt.date.fromisoformat(row.published))
    found = [c for c in claims if c.quantity.span.text == row.number] or \
        [c for c in claims if row.number.startswith(c.quantity.span.text + " ")
         or c.quantity.span.text.startswith(row.number + " ")]
    assert found, f"no claim {row.number!r} in {[c.quantity.span.text for c in claims]}"
    return found[0]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_release_time(row: Row) -> None:
    c = _claim(row)
    p = c.period
    got = (str(p.start) if p and p.start else None, str(p.end) if p and p.end else None)
    if row.start is not ...:
        assert got == (row.start, row.end), (got, p, c.rules)
    if row.basis is not ...:
        assert p is not None and p.basis == row.basis, (p, c.rules)
    if row.rule is not ...:
        assert row.rule in c.rules, c.rules
    if row.change is not ...:
        assert (c.change.direction if c.change else None) == row.change, c.change


def test_ids_are_unique_and_enough() -> None:
    assert len({r.id for r in ROWS}) == len(ROWS) >= 60


def test_rolling_window_number_is_no_claim() -> None:
    claims = tiedote.extract(T + "Kahden viime viikon aikana tartuntoja todettiin 900. 14 viime päivän aikana "
                             "tapauksia oli 450.", published=dt.date(2021, 3, 24))
    assert [c.quantity.value for c in claims] == [900, 450]


def test_dateline_numbers_are_no_claims() -> None:
    claims = tiedote.extract("Poliisi valvoi\n\nOulu 12.3.2021 klo 10.15 — Viikonloppuna poliisi tavoitti "
                             "14 rattijuoppoa.", published=dt.date(2021, 3, 12))
    assert [c.quantity.value for c in claims] == [14]


def test_frame_basis_is_in_the_schema() -> None:
    assert "frame" in tiedote.Period.model_json_schema()["properties"]["basis"]["enum"]


@pytest.mark.parametrize("published", [None, dt.date(2000, 1, 1), dt.date(2030, 12, 31)])
def test_every_row_runs_with_any_publication_date(published: dt.date | None) -> None:
    # the release's time model resolves nothing it cannot: no date, or a date far from the text's
    for row in ROWS:
        for c in tiedote.extract(row.text, published=published):
            p = c.period
            assert p is None or p.start is None or p.end is None or p.start <= p.end

