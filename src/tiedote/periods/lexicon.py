"""The Finnish time words of ``lang/fi/time.toml``, loaded once and validated.

Every surface form the period rules react to comes from here: month names in
every case are generated from one paradigm ("kuu") and twelve stems with
:func:`tiedote.lang.morphology.inflect`, and so are the seasons, the unit nouns, the
ordinals and the small cardinals.  A malformed file raises
:class:`tiedote.errors.LexiconError` naming the file and the entry, so a
linguist extending the lists sees at once what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from tiedote.errors import LexiconError
from tiedote.lang.morphology import CASES, inflect

DEFAULT_PATH: Final = Path(__file__).parent.parent / "lang" / "fi" / "time.toml"

ROLES: Final = ("in", "from", "to", "date")
PARTS: Final = ("early", "middle", "late", "end", "whole")
UNITS: Final = ("year", "quarter", "quarter_loan", "half", "month", "month_short", "week", "day", "workday", "turn")
ANCHORS: Final = ("published", "context")
_WORD: Final = re.compile(r"[a-zåäö]+(?:[ -][a-zåäö]+)*")


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of a time noun: what it names and what its case does."""

    value: int  # month 1–12, season index, ordinal or count
    role: str  # one of ROLES
    case: str  # morphology case name
    number: str  # "sg" or "pl"


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    path: str
    months: dict[str, Form]  # "toukokuussa" -> Form(5, "in", "inessive", "sg")
    month_stems: dict[str, int]  # "huhti" -> 4
    month_abbr: dict[str, int]  # "tammik" -> 1 (written with a full stop)
    weekdays_essive: dict[str, int]  # "tiistaina" -> 1 (Monday is 0)
    seasons: dict[str, Form]  # "syksyllä" -> Form(index, "in", …)
    season_months: tuple[tuple[int, int], ...]  # (first, last) per season index
    units: dict[str, dict[str, Form]]  # unit -> form -> Form(0, role, case, number)
    ordinals: dict[str, int]  # every case form -> value; -1 is "the last"
    cardinals: dict[str, Form]  # every case form -> Form(count, …)
    modifiers: dict[str, tuple[int, str]]  # "viime" -> (-1, "published")
    modifier_prefixes: dict[str, tuple[int, str]]  # "edellis" -> (-1, "context")
    parts: dict[str, tuple[str, str]]  # "lopussa" -> ("end", "in")
    part_compounds: dict[str, str]  # "alkuvuonna" -> "early"
    month_windows: dict[str, tuple[int, int]]
    year_windows: dict[str, tuple[tuple[int, int], tuple[int, int]]]
    words: dict[str, tuple[str, ...]]
    day_forms: dict[str, str]  # "päivään" -> "to"
    now: tuple[str, ...]
    deictic_days: dict[str, int]
    event_partitive: tuple[str, ...]  # "epidemiaa" (after "ennen")
    event_genitive: tuple[str, ...]  # "epidemian" (before "aikana", after "ennen"/"jälkeen")
    event_before: tuple[str, ...]
    event_after: tuple[str, ...]
    event_during: tuple[str, ...]
    holidays_fixed: tuple[tuple[int, int], ...]
    easter_offsets: tuple[int, ...]
    friday_between: tuple[tuple[tuple[int, int], tuple[int, int]], ...]

    def holidays(self, year: int) -> frozenset[dt.date]:
        """The weekday public holidays of ``year`` (days that are not "arkipäivä")."""
        return _holidays(self, year)


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holidays(lex: TimeLexicon, year: int) -> frozenset[dt.date]:
    days = {dt.date(year, m, d) for m, d in lex.holidays_fixed}
    easter = _easter(year)
    days.update(easter + dt.timedelta(days=off) for off in lex.easter_offsets)
    for (m1, d1), (m2, d2) in lex.friday_between:
        day = dt.date(year, m1, d1)
        while day <= dt.date(year, m2, d2):
            if day.weekday() == 4:
                days.add(day)
            day += dt.timedelta(days=1)
    return frozenset(days)


class _Reader:
    """Typed access to the parsed TOML that reports the file and entry on error."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, entry: str, why: str) -> LexiconError:
        return LexiconError(f"{self.path}: entry {entry!r}: {why}")

    def table(self, data: Mapping[str, Any], key: str, entry: str) -> dict[str, Any]:
        value = data.get(key)
        if not isinstance(value, dict):
            raise self.fail(f"{entry}.{key}" if entry else key, "missing or not a table")
        return value

    def words(self, data: Mapping[str, Any], key: str, entry: str, *, empty: bool = True) -> tuple[str, ...]:
        value = data.get(key)
        name = f"{entry}.{key}" if entry else key
        if not isinstance(value, list) or (not empty and not value):
            raise self.fail(name, "missing or not a list of words")
        for w in value:
            if not isinstance(w, str) or not _WORD.fullmatch(w):
                raise self.fail(name, f"{w!r} is not a lower-case Finnish word")
        return tuple(value)

    def int_(self, data: Mapping[str, Any], key: str, entry: str) -> int:
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"{entry}.{key}", "missing or not an integer")
        return value

    def paradigm(self, entry: Any, name: str) -> dict[tuple[str, str], str]:
        if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
            raise self.fail(name, "principal parts must be a table of strings")
        for part, form in entry.items():
            if not _WORD.fullmatch(form):
                raise self.fail(name, f"principal part {part}={form!r} is not a lower-case Finnish word")
        try:
            return inflect(entry)
        except ValueError as exc:
            raise self.fail(name, str(exc)) from exc

    def month_day(self, text: Any, name: str) -> tuple[int, int]:
        if not isinstance(text, str) or not re.fullmatch(r"\d\d-\d\d", text):
            raise self.fail(name, f"{text!r} is not an MM-DD date")
        m, d = int(text[:2]), int(text[3:])
        try:
            dt.date(2000, m, d)  # a leap year, so 02-29 is accepted
        except ValueError as exc:
            raise self.fail(name, f"{text!r} is not a day of the year") from exc
        return m, d


def _roles(r: _Reader, data: Mapping[str, Any]) -> dict[str, str]:
    cases = r.table(data, "cases", "")
    out: dict[str, str] = {}
    for role in cases:
        if role not in ROLES:
            raise r.fail(f"cases.{role}", f"unknown role; accepted: {', '.join(ROLES)}")
        for case in r.words(cases, role, "cases"):
            if case not in CASES:
                raise r.fail(f"cases.{role}", f"unknown case {case!r}")
            out[case] = role
    return out


def _forms(r: _Reader, entry: Any, name: str, value: int, roles: Mapping[str, str]) -> dict[str, Form]:
    out: dict[str, Form] = {}
    for (case, number), form in r.paradigm(entry, name).items():
        role = roles.get(case)
        if role is not None:
            out.setdefault(form, Form(value, role, case, number))
    return out


def load(path: Path | None = None) -> TimeLexicon:
    """Read and validate a time lexicon (the packaged one by default)."""
    p = path or DEFAULT_PATH
    r = _Reader(str(p))
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{p}: cannot be read as TOML: {exc}") from exc
    roles = _roles(r, data)
    all_cases = {c: roles.get(c, "other") for c in CASES}

    month = r.table(data, "month", "")
    stems = r.words(month, "stems", "month")
    abbr = r.words(month, "abbreviations", "month")
    if len(stems) != 12 or len(abbr) != 12:
        raise r.fail("month", "stems and abbreviations must list the twelve months in order")
    head = r.table(month, "head", "month")
    r.paradigm(head, "month.head")
    months: dict[str, Form] = {}
    for i, stem in enumerate(stems, start=1):
        entry = {k: stem + v for k, v in head.items()}
        for form, f in _forms(r, entry, f"month.head ({stem})", i, roles).items():
            months[form] = f
    weekdays: dict[str, int] = {}
    weekday_table = r.table(data, "weekday", "")
    if len(weekday_table) != 7:
        raise r.fail("weekday", "must list the seven weekdays from Monday on")
    for i, (name, entry) in enumerate(weekday_table.items()):
        weekdays[r.paradigm(entry, f"weekday.{name}")[("essive", "sg")]] = i

    seasons: dict[str, Form] = {}
    season_months: list[tuple[int, int]] = []
    for i, (name, spec) in enumerate(r.table(data, "season", "").items()):
        ms = spec.get("months") if isinstance(spec, dict) else None
        if not (isinstance(ms, list) and len(ms) == 2 and all(isinstance(m, int) and 1 <= m <= 12 for m in ms)):
            raise r.fail(f"season.{name}.months", "must be [first month, last month], each 1–12")
        season_months.append((ms[0], ms[1]))
        seasons.update(_forms(r, spec.get("entry"), f"season.{name}.entry", i, roles))

    units: dict[str, dict[str, Form]] = {}
    unit_table = r.table(data, "unit", "")
    for unit in UNITS:
        spec = r.table(unit_table, unit, "unit")
        forms = _forms(r, spec.get("entry"), f"unit.{unit}.entry", 0, all_cases)
        for form in r.words(spec, "extra_essive", f"unit.{unit}") if "extra_essive" in spec else ():
            forms[form] = Form(0, roles.get("essive", "in"), "essive", "sg")
        compounds_of = r.words(spec, "compound_prefixes", f"unit.{unit}") if "compound_prefixes" in spec else ()
        for pre in compounds_of:
            forms.update({pre + form: f for form, f in list(forms.items())})
        units[unit] = forms
    extra = set(unit_table) - set(UNITS)
    if extra:
        raise r.fail(f"unit.{min(extra)}", f"unknown unit; accepted: {', '.join(UNITS)}")

    def numbered(key: str) -> dict[str, Form]:
        out: dict[str, Form] = {}
        for name, spec in r.table(data, key, "").items():
            if not isinstance(spec, dict):
                raise r.fail(f"{key}.{name}", "must be a table with value and entry")
            value = r.int_(spec, "value", f"{key}.{name}")
            out.update(_forms(r, spec.get("entry"), f"{key}.{name}.entry", value, all_cases))
        return out

    ordinals = {form: f.value for form, f in numbered("ordinal").items()}
    cardinals = numbered("cardinal")

    modifiers: dict[str, tuple[int, str]] = {}
    prefixes: dict[str, tuple[int, str]] = {}
    mods = data.get("modifier")
    if not isinstance(mods, list) or not mods:
        raise r.fail("modifier", "missing or not an array of tables")
    for i, spec in enumerate(mods):
        name = f"modifier[{i}]"
        if not isinstance(spec, dict):
            raise r.fail(name, "not a table")
        anchor = spec.get("anchor")
        if anchor not in ANCHORS:
            raise r.fail(f"{name}.anchor", f"{anchor!r}; accepted: {', '.join(ANCHORS)}")
        value = (r.int_(spec, "offset", name), str(anchor))
        modifiers.update(dict.fromkeys(r.words(spec, "words", name, empty=False), value))
        prefixes.update(dict.fromkeys(r.words(spec, "prefixes", name), value))

    parts: dict[str, tuple[str, str]] = {}
    part_table = r.table(data, "part", "")
    for part in PARTS:
        spec = r.table(part_table, part, "part")
        for role in ("in", "from", "to"):
            parts.update(dict.fromkeys(r.words(spec, role, f"part.{part}"), (part, role)))
    comp = r.table(data, "part_compound", "")
    comp_prefixes = r.table(comp, "prefixes", "part_compound")
    compounds: dict[str, str] = {}
    for pre, part in comp_prefixes.items():
        if part not in PARTS or not _WORD.fullmatch(pre):
            raise r.fail(f"part_compound.prefixes.{pre}", f"{part!r}; accepted: {', '.join(PARTS)}")
        for form in r.words(comp, "year_forms", "part_compound"):
            compounds[pre + form] = str(part)

    window = r.table(data, "window", "")
    mwin: dict[str, tuple[int, int]] = {}
    ywin: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
    for part in PARTS:
        m = r.table(window, "month", "window").get(part)
        if not (isinstance(m, list) and len(m) == 2 and all(isinstance(x, int) and (x == -1 or 1 <= x <= 28) for x in m)):
            raise r.fail(f"window.month.{part}", "must be [first day, last day] with days 1–28 or -1 (last)")
        mwin[part] = (m[0], m[1])
        y = r.table(window, "year", "window").get(part)
        if not (isinstance(y, list) and len(y) == 2):
            raise r.fail(f"window.year.{part}", "must be [\"MM-DD\", \"MM-DD\"]")
        ywin[part] = (r.month_day(y[0], f"window.year.{part}"), r.month_day(y[1], f"window.year.{part}"))

    wt = r.table(data, "words", "")
    word_lists = {k: r.words(wt, k, "words") for k, v in wt.items() if isinstance(v, list)}
    for need in ("since", "by", "until", "between", "coordinators", "ago", "since_year", "earlier", "later",
                 "corresponding", "ago_adjective", "base_before", "base_after", "base_between", "clock", "year_words",
                 "week_words", "quarter_letter"):
        if need not in word_lists:
            raise r.fail(f"words.{need}", "missing")
    day_forms = r.table(wt, "day_forms", "words")
    for form, role in day_forms.items():
        if role not in ROLES or not _WORD.fullmatch(form):
            raise r.fail(f"words.day_forms.{form}", f"role {role!r}; accepted: {', '.join(ROLES)}")

    ddays = r.table(data, "deictic_day", "")
    for word in ddays:
        r.int_(ddays, word, "deictic_day")
    ev = r.table(data, "event", "")
    ev_entries = ev.get("entries")
    if not isinstance(ev_entries, list) or not ev_entries:
        raise r.fail("event.entries", "missing or empty")
    ev_part: set[str] = set()
    ev_gen: set[str] = set()
    for i, entry in enumerate(ev_entries):
        paradigm = r.paradigm(entry, f"event.entries[{i}]")
        ev_part.add(paradigm[("partitive", "sg")])
        ev_gen.add(paradigm[("genitive", "sg")])

    hol = r.table(data, "holidays", "")
    fixed = tuple(r.month_day(x, "holidays.fixed") for x in hol.get("fixed", ()))
    offs = hol.get("easter_offsets", [])
    if not isinstance(offs, list) or not all(isinstance(x, int) for x in offs):
        raise r.fail("holidays.easter_offsets", "must be a list of day offsets from Easter Sunday")
    fridays = []
    for pair in hol.get("friday_between", []):
        if not (isinstance(pair, list) and len(pair) == 2):
            raise r.fail("holidays.friday_between", "each item must be [\"MM-DD\", \"MM-DD\"]")
        fridays.append((r.month_day(pair[0], "holidays.friday_between"),
                        r.month_day(pair[1], "holidays.friday_between")))

    return TimeLexicon(
        path=str(p),
        months=months,
        month_stems={s: i for i, s in enumerate(stems, start=1)},
        month_abbr={a: i for i, a in enumerate(abbr, start=1)},
        weekdays_essive=weekdays,
        seasons=seasons,
        season_months=tuple(season_months),
        units=units,
        ordinals=ordinals,
        cardinals=cardinals,
        modifiers=modifiers,
        modifier_prefixes=prefixes,
        parts=parts,
        part_compounds=compounds,
        month_windows=mwin,
        year_windows=ywin,
        words=word_lists,
        day_forms={str(k): str(v) for k, v in day_forms.items()},
        now=r.words(r.table(data, "now", ""), "words", "now", empty=False),
        deictic_days={str(k): int(v) for k, v in ddays.items()},
        event_partitive=tuple(sorted(ev_part)),
        event_genitive=tuple(sorted(ev_gen)),
        event_before=r.words(ev, "before", "event"),
        event_after=r.words(ev, "after", "event"),
        event_during=r.words(ev, "during", "event"),
        holidays_fixed=fixed,
        easter_offsets=tuple(offs),
        friday_between=tuple(fridays),
    )


@cache
def time_lexicon() -> TimeLexicon:
    """The packaged lexicon, read once per process."""
    return load()
