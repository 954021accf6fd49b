"""Finnish word lists, loaded once per process from ``lang/fi/*.toml`` and validated.

The engine names no Finnish word: every word it reacts to is in a data file
here, so a linguist can extend the lists without touching code.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, NamedTuple

from tiedote.errors import LexiconError
from tiedote.lang.morphology import all_forms, is_adverb
from tiedote.models import QUALIFIERS, RATES, STATISTICS, UNITS


@dataclass(frozen=True, slots=True)
class WordSet:
    """Whole words plus stems matched by prefix ("runsa" matches "runsaat")."""

    words: frozenset[str]
    stems: tuple[str, ...]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.words or (bool(self.stems) and word.startswith(self.stems)))


class WordClass(NamedTuple):
    """What one lower-cased word is to the context rules (the first matching list wins, as in the data)."""

    statistic: str | None  # "mean", "median", ... (words.toml [statistic])
    change: str | None  # "increase", "decrease", "unchanged" (words.toml [change])
    weak_change: str | None  # the same, from the weak stems used only for non-count figures
    content: bool  # could name what a figure measures: 3+ letters, no stopword, unit, rate or qualifier
    # a content word that is no adverb and no comparative: what a figure's measure may be named by
    measurable: bool
    # on any list the per-sentence cue pass reacts to (the above, comparatives, anaphora):
    # most words of a sentence are on none, and this one test passes them by
    cue: bool


def _first(tables: tuple[tuple[str, WordSet], ...], word: str) -> str | None:
    return next((name for name, ws in tables if word in ws), None)


# Distinct words seen before the memo starts over: bounds memory on an endless
# stream of releases; a press-release vocabulary fits in it many times over.
_MEMO_MAX: Final = 200_000


@dataclass(frozen=True, slots=True)
class Lexicon:
    unit_forms: dict[str, str]  # surface form -> unit
    grade_forms: dict[str, str]  # "arvosanan" -> "score" (looked up left of a number)
    qualifier_words: dict[str, str]
    qualifier_stems: tuple[tuple[str, str], ...]
    qualifier_skip: frozenset[str]
    statistics: tuple[tuple[str, WordSet], ...]
    rate_words: dict[str, str]  # one- or two-word phrase -> rate
    change: tuple[tuple[str, WordSet], ...]
    comparatives: dict[str, str]
    weak_change: tuple[tuple[str, WordSet], ...]  # change words only for non-count figures
    change_time: WordSet
    change_explained_by: WordSet
    nonclaim: dict[str, frozenset[str]]
    name_stems: tuple[str, ...]
    abbreviations: frozenset[str]
    stopwords: frozenset[str]
    anaphora: frozenset[str]
    lemma_overrides: dict[str, str]  # surface form -> lemma, for nouns the lemmatizer misses
    # written abbreviations that are a scale and a unit at once ("M€", "Me": million euros), as written
    scaled_units: dict[str, tuple[str, int]] = field(default_factory=dict)
    # unit forms whose figure is a fraction of the unit ("senttiä": 0.01 EUR)
    unit_factors: dict[str, float] = field(default_factory=dict)
    # a unit written in two or three tokens: (first form, next token text) -> unit ("m", "²") -> "m2"
    unit_suffixes: dict[tuple[str, str], str] = field(default_factory=dict)
    unit_symbols: dict[str, str] = field(default_factory=dict)  # "kWh" -> "kWh", as written (case matters)
    unit_part_firsts: frozenset[str] = frozenset()  # the first parts of the units written in parts ("m", "°")
    superlatives: dict[str, str] = field(default_factory=dict)  # "vilkkain" -> "max", before a time noun
    # words of a sentence in which a unit with a factor is a length instead ("15 senttiä lunta": cm)
    factor_as_length: tuple[str, frozenset[str]] = ("", frozenset())

    def unit_of(self, tok_text: str, tok_lower: str) -> str | None:
        """The unit a word or symbol after a number names ("tonnia" -> "t", "MW" -> "MW"), else None."""
        return self.unit_symbols.get(tok_text) or self.unit_forms.get(tok_lower)
    # Every window around every figure asks the same questions of the same words:
    # the answers are kept per word (a word's class never changes in a process).
    _classes: dict[str, WordClass] = field(default_factory=dict, compare=False, repr=False)

    @property
    def known_classes(self) -> Callable[[str], WordClass | None]:
        """The kept answer of :meth:`classes` for a word, or None if it was not asked yet: a hot loop
        reads it without a method call per word, falling back to :meth:`classes`."""
        return self._classes.get

    def classes(self, word: str) -> WordClass:
        """What the context rules ask of ``word`` (lists it is on, whether it is a content word), once per word."""
        wc = self._classes.get(word)
        if wc is None:
            if len(self._classes) >= _MEMO_MAX:
                self._classes.clear()
            content = len(word) >= 3 and word not in self.stopwords and not (
                word in self.unit_forms or word in self.rate_words or self.qualifier(word) is not None)
            statistic, change = _first(self.statistics, word), _first(self.change, word)
            weak = _first(self.weak_change, word)
            cue = (statistic is not None or change is not None or weak is not None or word in self.comparatives
                   or word in self.anaphora or word in self.superlatives)
            measurable = content and not is_adverb(word) and word not in self.comparatives
            wc = WordClass(statistic, change, weak, content, measurable, cue)
            self._classes[word] = wc
        return wc

    def qualifier(self, word: str) -> str | None:
        q = self.qualifier_words.get(word)
        if q is not None:
            return q
        for stem, qual in self.qualifier_stems:
            if word.startswith(stem):
                return qual
        return None


def _read(name: str, root: Path | None) -> dict[str, Any]:
    try:
        if root is not None:
            data = (root / name).read_bytes()
        else:
            data = resources.files("tiedote.lang.fi").joinpath(name).read_bytes()
        return tomllib.loads(data.decode("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"lang/fi/{name}: cannot be read: {exc}") from exc


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{where}: expected a list of non-empty strings, got {value!r}")
    out = [v.lower() for v in value]
    if any(v != v.strip() for v in out):
        raise LexiconError(f"{where}: entries may not start or end with spaces")
    return out


def _wordset(table: Any, where: str) -> WordSet:
    if not isinstance(table, dict):
        raise LexiconError(f"{where}: expected a table with `word` and/or `stem`")
    return WordSet(frozenset(_strings(table.get("word", []), f"{where}.word")),
                   tuple(_strings(table.get("stem", []), f"{where}.stem")))


def _unit_table(entries: Any, where: str, factors: dict[str, float] | None = None) -> dict[str, str]:
    out: dict[str, str] = {}
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: expected an array of tables")
    for i, entry in enumerate(entries):
        unit = entry.get("unit")
        if unit not in UNITS:
            raise LexiconError(f"{where}[{i}] ({entry.get('nom')!r}): unit {unit!r} is not one of {UNITS}")
        factor = entry.get("factor", 1)
        if not isinstance(factor, (int, float)) or isinstance(factor, bool) or factor <= 0:
            raise LexiconError(f"{where}[{i}]: factor must be a positive number, not {factor!r}")
        try:
            forms = all_forms({k: v for k, v in entry.items() if k not in ("unit", "factor")})
        except ValueError as exc:
            raise LexiconError(f"{where}[{i}]: {exc}") from exc
        for form in forms:
            if out.get(form, unit) != unit:
                raise LexiconError(f"{where}[{i}]: form {form!r} is already unit {out[form]!r}")
            out[form] = unit
            if factor != 1 and factors is not None:
                factors[form] = float(factor)
    return out


def _scaled_units(table: Any, where: str) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    if not isinstance(table, dict):
        raise LexiconError(f"{where}: expected a table")
    for written, spec in table.items():
        unit, scale = (spec.get("unit"), spec.get("scale")) if isinstance(spec, dict) else (None, None)
        if unit not in UNITS or not isinstance(scale, int) or isinstance(scale, bool) or scale <= 0:
            raise LexiconError(f"{where} {written!r}: needs a unit of {UNITS} and a positive integer scale")
        out[str(written)] = (str(unit), scale)
    return out


def _factor_as_length(table: Any, where: str) -> tuple[str, frozenset[str]]:
    if not table:
        return "", frozenset()
    if not isinstance(table, dict) or table.get("unit") not in UNITS:
        raise LexiconError(f"{where}: needs a unit (one of {UNITS}) and words")
    return str(table["unit"]), frozenset(_strings(table.get("words", []), f"{where}.words"))


def _symbols(table: Any, where: str) -> dict[str, str]:
    if not isinstance(table, dict) or any(u not in UNITS for u in table.values()):
        raise LexiconError(f"{where}: expected symbol = unit, each unit one of {UNITS}")
    return {str(k): str(v) for k, v in table.items()}


def _unit_suffixes(table: Any, where: str) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    if not isinstance(table, list):
        raise LexiconError(f"{where}: expected an array of tables")
    for i, spec in enumerate(table):
        unit, first, then = spec.get("unit"), spec.get("first"), spec.get("then")
        if unit not in UNITS or not isinstance(first, str) or not isinstance(then, str):
            raise LexiconError(f"{where}[{i}]: needs unit (one of {UNITS}), first and then")
        out[(first.lower(), then.lower())] = str(unit)
    return out


def _lemma_table(entries: Any, where: str) -> dict[str, str]:
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: expected an array of tables")
    out: dict[str, str] = {}
    for i, entry in enumerate(entries):
        try:
            forms = all_forms(entry)
        except ValueError as exc:
            raise LexiconError(f"{where}[{i}]: {exc}") from exc
        out.update({form: str(entry["nom"]).lower() for form in forms})
    return out


def load(root: Path | None = None) -> Lexicon:
    """Read and validate the word lists (``root`` overrides the packaged folder, for tests)."""
    units = _read("units.toml", root)
    quals = _read("qualifiers.toml", root)
    words = _read("words.toml", root)
    abbrev = _read("abbreviations.toml", root)
    stop = _read("stopwords.toml", root)
    lemmas = _read("lemmas.toml", root)

    qualifier_words: dict[str, str] = {}
    qualifier_stems: list[tuple[str, str]] = []
    for qual in QUALIFIERS:
        if qual == "exact":
            continue
        table = quals.get(qual)
        if table is None:
            raise LexiconError(f"lang/fi/qualifiers.toml: no [{qual}] table")
        ws = _wordset(table, f"qualifiers.toml [{qual}]")
        qualifier_words.update({w: qual for w in ws.words})
        qualifier_stems.extend((s, qual) for s in ws.stems)
    stats_table = words.get("statistic", {})
    if set(stats_table) - set(STATISTICS):
        raise LexiconError(f"words.toml [statistic]: unknown statistics {set(stats_table) - set(STATISTICS)}")
    statistics = tuple((name, _wordset(t, f"words.toml [statistic.{name}]")) for name, t in stats_table.items())
    rate_words: dict[str, str] = {}
    for rate, phrases in words.get("rate", {}).items():
        if rate not in RATES:
            raise LexiconError(f"words.toml [rate]: {rate!r} is not one of {RATES}")
        rate_words.update({p: rate for p in _strings(phrases, f"words.toml [rate].{rate}")})
    change = []
    weak_change = []
    comparatives: dict[str, str] = {}
    for direction in ("increase", "decrease", "unchanged"):
        t = words.get("change", {}).get(direction)
        if t is None:
            raise LexiconError(f"words.toml: no [change.{direction}] table")
        change.append((direction, _wordset(t, f"words.toml [change.{direction}]")))
        comparatives.update({w: direction for w in _strings(t.get("comparative", []), "comparative")})
        weak_change.append((direction, WordSet(frozenset(), tuple(_strings(t.get("weak_stem", []), "weak_stem")))))
    nonclaim = {k: frozenset(_strings(v, f"words.toml [nonclaim].{k}"))
                for k, v in words.get("nonclaim", {}).items() if k != "name_stem"}
    for required in ("clock", "phone", "scale", "age_suffix", "age_after", "ratio_noun", "ratio_after", "section"):
        if required not in nonclaim:
            raise LexiconError(f"words.toml [nonclaim]: missing list {required!r}")
    factors: dict[str, float] = {}
    return Lexicon(
        unit_forms=_unit_table(units.get("noun"), "units.toml [[noun]]", factors),
        grade_forms=_unit_table(units.get("grade"), "units.toml [[grade]]"),
        qualifier_words=qualifier_words,
        qualifier_stems=tuple(qualifier_stems),
        qualifier_skip=frozenset(_strings(quals.get("skip", {}).get("word", []), "qualifiers.toml [skip]")),
        statistics=statistics,
        rate_words=rate_words,
        change=tuple(change),
        comparatives=comparatives,
        weak_change=tuple(weak_change),
        change_time=_wordset(words.get("change", {}).get("time_words", {}), "words.toml [change.time_words]"),
        change_explained_by=_wordset(words.get("change", {}).get("explained_by", {}),
                                     "words.toml [change.explained_by]"),
        nonclaim=nonclaim,
        name_stems=tuple(_strings(words.get("nonclaim", {}).get("name_stem", []), "nonclaim.name_stem")),
        abbreviations=frozenset(_strings(abbrev.get("words"), "abbreviations.toml words")),
        stopwords=frozenset(_strings(stop.get("words"), "stopwords.toml words")),
        anaphora=frozenset(_strings(stop.get("anaphora"), "stopwords.toml anaphora")),
        lemma_overrides=_lemma_table(lemmas.get("noun"), "lemmas.toml [[noun]]"),
        scaled_units=_scaled_units(units.get("scaled", {}), "units.toml [scaled]"),
        unit_factors=factors,
        unit_suffixes=(suffixes := _unit_suffixes(units.get("written_in_parts", []),
                                                  "units.toml [[written_in_parts]]")),
        unit_part_firsts=frozenset(first for first, _ in suffixes),
        unit_symbols=_symbols(units.get("symbols", {}), "units.toml [symbols]"),
        factor_as_length=_factor_as_length(units.get("cent_as_length", {}), "units.toml [cent_as_length]"),
        superlatives={w: stat for stat in ("max", "min")
                      for w in _strings(words.get("superlative", {}).get(stat, []), f"words.toml [superlative].{stat}")},
    )


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, built once per process."""
    return load()
