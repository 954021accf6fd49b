"""The Finnish number words of ``lang/fi/numbers.toml``, loaded once and validated.

Principal parts per word (``tiedote.lang.morphology`` inflects them into every
case); :mod:`tiedote.numbers.words` reads word sequences to values with them.
A malformed entry raises :class:`tiedote.errors.LexiconError` naming it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final, NamedTuple

from tiedote.errors import LexiconError
from tiedote.lang.morphology import CASES, PLURAL, REQUIRED, inflect

DATA_PATH: Final = Path(__file__).parent.parent / "lang" / "fi" / "numbers.toml"
APPROXIMATE: Final = "approximate"

Tag = tuple[str, str]  # (case, "sg" | "pl")
NOM_SG: Tag = ("nominative", "sg")
PART_SG: Tag = ("partitive", "sg")
_PART_KEYS: Final = frozenset(REQUIRED + PLURAL + ("extra", "extra_case"))
_SECTION_KEYS: Final = {
    "number": _PART_KEYS | {"role", "value", "vague_plural", "teen_value", "ordinal_homographs"},
    "vague": _PART_KEYS | {"value", "compounds"},
    "not_number": _PART_KEYS,
}
_ROLES: Final = ("zero", "unit", "scale", "half")


class Part(NamedTuple):
    """One number part of a word: kind is zero, unit, teen, scale, half, sesqui or approx."""

    kind: str
    value: int | float
    tags: frozenset[Tag]
    ordinal_like: bool = False  # also a form of the ordinal ("viidettä"); see numbers.toml


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables generated from the TOML; built once, read on every call."""

    parts: Mapping[str, tuple[Part, ...]]  # surface form -> its readings
    trie: Mapping[str, Any]  # char -> subtree; "" -> the readings of the form ending here
    starts: frozenset[str]  # the first three letters of every form
    scales: Mapping[str, int]  # scale words and abbreviations that follow digits
    lone_vague: Mapping[str, int | float]
    halves: Mapping[str, frozenset[Tag]]  # "puoli" forms, for "kaksi ja puoli"
    vague_plural: frozenset[int]
    non_numbers: frozenset[str]


def _check(ok: object, where: str, problem: str) -> None:
    if not ok:
        raise LexiconError(f"{where}: {problem}")


def _word(value: object) -> bool:
    return isinstance(value, str) and value.isalpha() and value == value.lower()


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _forms(where: str, entry: Mapping[str, Any], allowed: frozenset[str]) -> dict[str, frozenset[Tag]]:
    """Every surface form of a validated entry with the (case, number) cells it fills."""
    _check(set(entry) <= allowed, where, f"unknown keys {sorted(set(entry) - allowed)}")
    for key in set(REQUIRED + PLURAL) & set(entry):
        _check(_word(entry[key]), where, f"{key} must be a lower-case word, not {entry[key]!r}")
    has_plural = [k in entry for k in PLURAL]
    _check(all(has_plural) or not any(has_plural), where, f"give all plural parts {PLURAL} or none")
    try:
        cells = inflect(entry)
    except ValueError as exc:
        raise LexiconError(f"{where}: {exc}") from None
    forms: dict[str, set[Tag]] = {}
    for tag, form in cells.items():
        forms.setdefault(form, set()).add(tag)
    extra, extra_case = entry.get("extra", []), str(entry.get("extra_case", ""))
    case, _, number = extra_case.partition(" ")
    _check(isinstance(extra, list) and all(_word(x) for x in extra), where, "extra must list lower-case words")
    _check(not extra or (case in CASES and number in ("sg", "pl")), where,
           f"extra_case must be '<case> sg|pl', not {extra_case!r}")
    for form in extra:
        forms.setdefault(form, set()).add((case, number))
    return {form: frozenset(tags) for form, tags in forms.items()}


def _entries(path: Path, data: Mapping[str, Any], section: str) -> list[tuple[str, dict[str, Any]]]:
    raw = data.get(section, [])
    _check(isinstance(raw, list), f"{path}: [[{section}]]", "must be an array of tables")
    out = []
    for i, e in enumerate(raw):
        where = f"{path}: [[{section}]] entry {i} ({e.get('nom', '?') if isinstance(e, dict) else e!r})"
        _check(isinstance(e, dict), where, "must be a table")
        out.append((where, e))
    return out


def load_lexicon(path: Path | str = DATA_PATH) -> Lexicon:
    """Read and validate a number lexicon; raise LexiconError naming the file and entry."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read the number lexicon: {exc}") from exc
    suffix = data.get("teen", {}).get("suffix") if isinstance(data.get("teen"), dict) else None
    _check(_word(suffix), f"{path}: [teen]", f"suffix must be a lower-case word, not {suffix!r}")
    assert isinstance(suffix, str)
    parts: dict[str, list[Part]] = {}
    scales: dict[str, int] = {}
    halves: dict[str, frozenset[Tag]] = {}
    vague_plural: set[int] = set()

    for where, e in _entries(path, data, "number"):
        forms = _forms(where, e, _SECTION_KEYS["number"])
        role: Any = e.get("role")
        value: Any = e.get("value")
        homographs = e.get("ordinal_homographs", [])
        _check(role in _ROLES, where, f"role must be one of {list(_ROLES)}, not {role!r}")
        _check(_number(value) and {
            "zero": value == 0,
            "unit": isinstance(value, int) and 1 <= value <= 9,
            "scale": isinstance(value, int) and value >= 10 and str(value).rstrip("0") == "1",
            "half": _number(e.get("teen_value")),
        }[role], where, f"value {value!r} (or teen_value) does not fit role {role!r}")
        _check(isinstance(e.get("vague_plural", False), bool), where, "vague_plural must be true or false")
        _check(isinstance(homographs, list) and set(homographs) <= set(forms), where,
               f"ordinal_homographs must list forms of this word, not {homographs!r}")
        if e.get("vague_plural"):
            vague_plural.add(int(value))
        for form, tags in forms.items():
            ordinal = form in homographs
            if role == "unit":
                parts.setdefault(form, []).append(Part("unit", value, tags, ordinal))
                parts.setdefault(form + suffix, []).append(Part("teen", value + 10, tags, ordinal))
            elif role == "half":
                halves[form] = tags
                parts.setdefault(form, []).append(Part("half", value, tags))
                parts.setdefault(form + suffix, []).append(Part("sesqui", e["teen_value"], tags))
            else:
                parts.setdefault(form, []).append(Part(role, value, tags, ordinal))
                # After digits only the singular multiplies ("2 miljoonaa"); below a thousand
                # digits are written out ("200", not "2 sataa"), and "sataa" is also "it rains".
                if role == "scale" and value >= 1000 and any(n == "sg" for _, n in tags):
                    scales[form] = int(value)

    lone_vague: dict[str, int | float] = {}
    for where, e in _entries(path, data, "vague"):
        forms = _forms(where, e, _SECTION_KEYS["vague"])
        value = e.get("value")
        _check(_number(value) and isinstance(e.get("compounds"), bool), where,
               "needs a numeric value and compounds = true|false")
        for form, tags in forms.items():
            if e["compounds"]:
                parts.setdefault(form, []).append(Part("approx", value, tags))
            else:
                lone_vague[form] = value

    non_numbers = {f for where, e in _entries(path, data, "not_number")
                   for f in _forms(where, e, _SECTION_KEYS["not_number"])}
    abbreviations: Any = data.get("abbreviations", {})
    for abbr, value in abbreviations.items() if isinstance(abbreviations, dict) else [("", None)]:
        _check(isinstance(value, int) and not isinstance(value, bool) and value > 0 and abbr == abbr.lower(),
               f"{path}: [abbreviations] {abbr!r}", f"needs lower-case keys and positive integers, not {value!r}")
        scales[abbr] = value

    frozen = {form: tuple(readings) for form, readings in parts.items()}
    trie: dict[str, Any] = {}
    for form, readings in frozen.items():
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = readings
    return Lexicon(frozen, trie,
                   frozenset(f[:3] for f in (*frozen, *lone_vague)), scales, lone_vague, halves,
                   frozenset(vague_plural), frozenset(non_numbers))


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded on first use and shared by the process."""
    return load_lexicon(DATA_PATH)
