"""The word lists of ``lang/fi/measure.toml``, loaded once per process and validated.

What the measure, source and per rules of both readings react to: verbs that only
state a duration, quantity and statistic nouns, postpositions, pointing pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

from tiedote.errors import LexiconError
from tiedote.lang.lexicon import _read, _strings

# units whose figure is a duration (measures the activity: contract.md)
DURATION_UNITS: Final = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})


@dataclass(frozen=True, slots=True)
class MeasureWords:
    duration_verbs: frozenset[str]  # lemmas: "kestää", "kulua"
    never_verbs: frozenset[str]  # lemmas: "olla", modal verbs of a chain
    saying_verbs: frozenset[str]  # surface forms: "kertoo", "arvioi"
    generic_sources: tuple[str, ...]  # lemmas: "tieto", "laki"
    speaker_pronouns: frozenset[str]  # "hän", "he"
    quantity_nouns: frozenset[str]  # lemmas: "määrä", "osuus"
    statistic_nouns: frozenset[str]  # lemmas: "keskiarvo", "mediaani"
    event_count: frozenset[str]  # lemmas: "kerta"
    scale_nouns: frozenset[str]  # lemmas: "piste", "sija"
    fractions: frozenset[str]  # lemmas: "puoli", "neljännes"
    postpositions: frozenset[str]  # surface forms: "mukaan", "kohden"
    adverbs: frozenset[str]  # time and degree adverbs, surface forms: "tuolloin", "enää"
    pointing: frozenset[str]  # surface forms: "heistä", "joista"
    source_after: frozenset[str]  # surface forms: "mukaan"
    per_after: frozenset[str]  # surface forms: "kohden", "kohti"
    lead_time: frozenset[str]  # surface forms: "päähän", "päästä"
    relative_subject: frozenset[str]  # "joka", "jotka"
    prepositions: frozenset[str]  # surface forms: "ennen", "ilman" (+ partitive)
    superlatives: frozenset[str]  # surface forms: "korkein", "suurin"

    def is_quantity(self, lem: str) -> bool:
        """"määrä", "osuus": a bare quantity noun ("matkustajamäärä" names what it counts)."""
        return lem in self.quantity_nouns

    def is_statistic(self, lem: str) -> bool:
        return lem in self.statistic_nouns


def _set(table: object, key: str, where: str) -> frozenset[str]:
    if not isinstance(table, dict) or key not in table:
        raise LexiconError(f"lang/fi/measure.toml: [{where}] has no list {key!r}")
    return frozenset(_strings(table[key], f"measure.toml [{where}].{key}"))


@cache
def measure_words() -> MeasureWords:
    data = _read("measure.toml", None)
    verb, noun, word = data.get("verb"), data.get("noun"), data.get("word")
    return MeasureWords(
        duration_verbs=_set(verb, "duration_only", "verb"),
        never_verbs=_set(verb, "never", "verb"),
        saying_verbs=_set(data.get("source"), "saying", "source"),
        generic_sources=tuple(sorted(_set(data.get("source"), "generic", "source"))),
        speaker_pronouns=_set(data.get("source"), "pronoun", "source"),
        quantity_nouns=_set(noun, "quantity", "noun"),
        statistic_nouns=_set(noun, "statistic", "noun"),
        event_count=_set(noun, "event_count", "noun"),
        scale_nouns=_set(data.get("scale"), "noun", "scale"),
        fractions=_set(data.get("scale"), "fraction", "scale"),
        postpositions=_set(word, "postposition", "word"),
        adverbs=_set(word, "adverb", "word"),
        pointing=_set(word, "pointing", "word"),
        source_after=_set(word, "source_after", "word"),
        per_after=_set(word, "per_after", "word"),
        lead_time=_set(word, "lead_time", "word"),
        relative_subject=_set(word, "relative_subject", "word"),
        prepositions=_set(word, "preposition", "word"),
        superlatives=_set(word, "superlative", "word"),
    )
