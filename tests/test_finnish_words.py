"""No Finnish word in engine code outside ``lang/fi/`` (the words are data there).

Engine code is ``src/tiedote`` less the Finnish data (``lang/fi/``), the faces
(``io/``, ``cli.py``, ``dask.py``, ``frame.py``, ``pipeline.py``, ``schema/``)
and the rule catalogue (its examples are Finnish sentences by design).

A string literal of engine code (docstrings and comments, which quote the
phrases rules are for, are not code) is Finnish when a word of it holds ä, ö
or å, or is a word the ``lang/fi`` word lists hold.  Those lists also hold the
English names of grammatical cases, which the engine uses as tags: they are no
Finnish words (``_TAGS``).  Each literal found must be allowed below, with the
reason; an allowance that no longer matches anything fails too, so the list
shrinks as words move into ``lang/fi``.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from tiedote.lang.lexicon import lexicon
from tiedote.lang.morphology import CASES
from tiedote.periods.lexicon import time_lexicon

SRC = Path(__file__).resolve().parent.parent / "src" / "tiedote"
NOT_ENGINE = ("lang/fi/", "io/", "schema/", "cli.py", "dask.py", "frame.py", "pipeline.py", "rules.py",
              "rules_doc.py", "__main__.py", "_version.py")
# Tags the word lists hold besides words: case names, number, and the role "to" of a time word
_TAGS = {*CASES, "sg", "pl", "to", "eur", "mm"}
# The package's own name ("tiedote.models"), also a label word of lang/fi/release.toml ("TIEDOTE 9.6.2020")
_TAGS.add("tiedote")
_WORD = re.compile(r"[^\W\d_]+")

# module -> (the Finnish literals it may hold, why they are code and not data)
ALLOWED: dict[str, tuple[set[str], str]] = {
    "periods/figures.py": (
        {"eli"},
        ("'eli' (that is) before a restating figure: the one word of release.toml's restating list that "
        "must also stand after the figure's qualifiers; to move with the restating words"),
    ),
    "periods/find.py": (
        {"koko"},
        ("'koko' (whole) allowed between two joined times ('vuotta aiemmin koko huhtikuun aikana'); "
        "a candidate for time.toml's particles"),
    ),
    "periods/named.py": (
        {"(?:ja|sekä)", "koko vuo"},
        ("the coordinators of a weekday pair and the needle prefix of 'koko vuonna': regex glue built "
        "beside the time.toml words; candidates for the particles table"),
    ),
    "periods/release.py": (
        {r"\b(?:klo|kello)\s*[0-9]{1,2}(?:[.:][0-9]{2})?",
         r"[ \t]{0,3}(?:(?:klo|kello)[ \t]{0,3}[0-9]{1,2}(?:[.:][0-9]{2})?[ \t]{0,3})?(?:[—–-]|$)"},
        ("the clock word of a dateline ('Oulu 12.3.2021 klo 10.15 —') inside the dateline pattern; "
        "nonclaims.toml's clock list holds the same words"),
    ),
    "claims/assemble.py": (
        {"ssä", "ja", "tai", "sekä"},
        ("the inessive ending of a duration unit (with 'ssa') and the coordinators joining two figures of "
        "one unit ('3,1 ja 1,8 prosenttia'): grammar of the sentence, not vocabulary"),
    ),
    "claims/fill.py": (
        {"ja", "tai", "sekä", "se"},
        ("the coordinators joining a noun-less count to the next figure ('haki 1 930 ja ... 1 120 "
        "hakijaa') and the pronoun 'se' whose statistic carries over: closed-class grammar words"),
    ),
    "claims/measure_rules.py": (
        {"mpään", "stä"},
        "the comparative illative ('pidempään') and elative endings: morphology, not words",
    ),
    "claims/source.py": (
        {"että", "vän", "vä", "nyt"},
        ("'että' opening what a source says, and the participle endings ('olevan', '-vä', '-nyt') that "
        "tell a reported clause or an adjective: grammar, not vocabulary"),
    ),
    "claims/subject.py": (
        {"ään", "öön"},
        "illative endings ('Suomeen', 'Ouluun'): an illative owns no noun after it; morphology",
    ),
    "claims/context.py": (
        {" kohden", "eli", "kohden", "kohti", "kuin", "kun", "mutta", "vaikka"},
        ("clause boundaries (conjunctions), the postpositions of a per-figure ('asukasta kohden') and "
         "'kuin' of a comparison: closed-class grammar words the clause splitter is built on; candidates "
         "for words.toml"),
    ),
    "claims/change.py": (
        {r"(?:([aeiouyäö])\1n|seen|siin|hin)$", "eli", "koska", "kuin", "sillä", "stä"},
        ("the elative and illative endings of a change from X to Y ('14 päivästä 5 päivään'), 'kuin' of "
         "a comparison and the conjunctions that end the clause a change verb governs; candidates for "
         "words.toml (periods/figures.py reads the same endings from time.toml)"),
    ),
    "claims/unit.py": (
        {"eli", "ja", "kun", "mutta", "sekä", "ssä", "tai", "vaan", "yks"},
        ("the words after a bare number that leave it to take a neighbour's unit ('3,1 ja 1,8 "
         "prosenttia'), the inessive ending of a duration unit ('23 päivässä') and '%-yks'; candidates "
         "for units.toml"),
    ),
    "claims/measure.py": (
        {"aä", "itä", "iä", "ja", "jä", "llä", "ltä", "nyt", "olla", "ssä", "stä", "tä", "ä", "ään", "öön"},
        ("case and participle endings and vowel-harmony pairs by which the measure finder tells a noun "
         "from a verb form or a modifier: morphology, not words"),
    ),
    "claims/wordform.py": (
        {"dä", "dään", "eä", "ivät", "iä", "la", "lä", "misellä", "misessä", "mistä", "neistä", "neitä", "nyt",
         "nä", "rä", "ttyjä", "tä", "tään", "vät", "yä", "yö", "ää", "ään", "öi", "öidä", "öimme", "öä", "öö"},
        ("infinitive, participle, passive and tense endings ('-neitä', '-ttyjä', '-tään', '-ivät', '-oi' of "
         "'ennakoi', '-imme' of 'teimme') and vowel-harmony pairs by which the lemma and tense guesses tell "
         "a noun from a verb form: morphology, not words"),
    ),
    "nonclaims/checks.py": (
        {"ssä", "stä", "llä", "ltä", "nä", "vuotta", "vuoden"},
        ("the local-case endings of a place or name ('Suomessa 5 000') and the year noun of an age "
        "('65 vuotta täyttäneet'); issue 17 rebuilds the non-claim checks"),
    ),
    "nonclaims/forms.py": (
        {"neitä", "neistä", "neillä", "neissä", "neinä", "nyt", "ltä", "nä"},
        ("the endings of the active past participle that names a group ('odottaneita', 'oli jonottanut'), "
         "of the ablative hour ('kolmelta') and of the essive count of days ('kolmena päivänä'): morphology, "
         "not words (issue 17)"),
    ),
    "numbers/mentions.py": (
        {"ja", "välillä", "välille", "väliltä", "välissä"},
        ("a range written '40 000:n ja 80 000:n välillä': the one construction of a range in words; "
        "issue 17 rebuilds the number readers"),
    ),
    "numbers/words.py": (
        {"ja"},
        "'kaksi ja puoli': the conjunction inside a number word phrase; issue 17 rebuilds the number readers",
    ),
    "periods/state.py": (
        {"kuin", "jolloin", "sama", "Sama"},
        ("'kuin' marks the base of a comparison, 'jolloin' (a relative adverb taking the time before it) "
        "and 'sama' (the same time as before)"),
    ),
    "periods/patterns.py": (
        {r"[^0-9_a-zäöå](?<!\w)"},
        "a character class of the Finnish alphabet in a regular expression, not a word",
    ),
    "periods/lexicon.py": (
        {"[a-zåäö]+(?:[ -][a-zåäö]+)*"},
        "the shape a Finnish time word must have, checked when time.toml is loaded: an alphabet, not a word",
    ),
    "lang/morphology.py": (
        {"äöyÄÖY", "äöy", "ne", "ittäin"},
        ("the front vowels of vowel harmony, the plural stem marker '-ne-' of the inflection machinery "
        "that generates every form from lang/fi's principal parts, and the distributive adverb ending "
        "('kuukausittain', 'viikoittäin')"),
    ),
}


def _list_words(value: object, in_list: bool = False) -> Iterator[str]:
    """The words of the string values inside lists (the word lists, not scalar settings); lists of
    case endings (keys ending in "endings"), which are no words, are passed over."""
    if isinstance(value, str):
        if in_list:
            yield from (w for w in _WORD.findall(value.lower()) if len(w) >= 2)
    elif isinstance(value, dict):
        for key, inner in value.items():
            if not str(key).endswith("endings"):
                yield from _list_words(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _list_words(inner, True)


def _finnish_words() -> set[str]:
    """Every word of the lists, and every form the engine generates from them ("prosenttia")."""
    words: set[str] = set()
    for path in (SRC / "lang" / "fi").glob("*.toml"):
        words.update(_list_words(tomllib.loads(path.read_text(encoding="utf-8"))))
    lex, time = lexicon(), time_lexicon()
    for forms in (lex.unit_forms, lex.grade_forms, lex.qualifier_words, lex.rate_words, lex.comparatives,
                  time.months, *time.units.values()):
        words.update(w for form in forms for w in _WORD.findall(form.lower()) if len(w) >= 2)
    return words - _TAGS


def _docstrings(tree: ast.AST) -> set[int]:
    """Ids of the string statements (docstrings, attribute docstrings) and of the schema descriptions
    (``Field(description=...)``, which quote the phrases a field is for): prose, not code."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "description":
            out.update(id(c) for c in ast.walk(node.value) if isinstance(c, ast.Constant))
        body = getattr(node, "body", None)
        for stmt in body if isinstance(body, list) else []:
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(
                    stmt.value.value, str):
                out.add(id(stmt.value))
    return out


def engine_modules() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if not p.relative_to(SRC).as_posix().startswith(NOT_ENGINE)]


def finnish_literals() -> Iterator[tuple[str, str, int]]:
    """(module, literal, line) of every Finnish-looking string literal of engine code."""
    words = _finnish_words()
    for path in engine_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prose = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
                tokens = _WORD.findall(node.value.lower())
                if any(re.search("[äöå]", t) or t in words for t in tokens):
                    yield path.relative_to(SRC).as_posix(), node.value, node.lineno


def test_the_heuristic_sees_finnish_and_not_english() -> None:
    words = _finnish_words()
    assert {"kuin", "noin", "viikossa", "keskimäärin", "prosenttia"} <= words
    assert not {"day", "unit", "genitive", "to", "published", "count"} & words
    assert len(engine_modules()) > 20


def test_no_finnish_word_in_engine_code_but_the_allowed() -> None:
    found: dict[str, set[str]] = {}
    unexplained = []
    for module, literal, line in finnish_literals():
        found.setdefault(module, set()).add(literal)
        if literal not in ALLOWED.get(module, (set(), ""))[0]:
            unexplained.append(f"{module}:{line}: {literal!r}")
    assert not unexplained, (
        "Finnish words in engine code: move them into src/tiedote/lang/fi/*.toml, or allow them in "
        "tests/test_finnish_words.py with the reason\n" + "\n".join(unexplained))
    stale = {module: sorted(lits - found.get(module, set())) for module, (lits, _) in ALLOWED.items()}
    assert not {m: s for m, s in stale.items() if s}, f"allowed but no longer in the code (remove them): {stale}"
