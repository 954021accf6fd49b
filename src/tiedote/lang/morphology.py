"""Finnish inflection of the closed word classes: stems × case endings.

A lexicon entry gives a word's principal parts (the forms a dictionary would
list); every case form, singular and plural, is generated from them, so the
data files stay short and every form is testable.  Why principal parts rather
than Kotus paradigm numbers: consonant gradation and stem changes
("kuukausi" → "kuukaude-/kuukaute-") are then written once per word, visibly,
instead of being hidden in a paradigm table we would have to maintain.

Principal parts (keys of an entry):
    nom       nominative singular          "minuutti"   "kuukausi"
    weak      weak singular stem           "minuuti"    "kuukaude"
    strong    strong singular stem         "minuutti"   "kuukaute"
    part      partitive singular           "minuuttia"  "kuukautta"
    ill       illative singular            "minuuttiin" "kuukauteen"
    pl_weak   weak plural stem             "minuutei"   "kuukausi"
    pl_strong strong plural stem           "minuuttei"  "kuukausi"
    pl_gen    genitive plural              "minuuttien" "kuukausien"
    pl_part   partitive plural             "minuutteja" "kuukausia"
    pl_ill    illative plural              "minuutteihin" "kuukausiin"
Plural parts may be left out for words used only in the singular.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, cast

CASES: tuple[str, ...] = (
    "nominative", "genitive", "partitive", "inessive", "elative", "illative", "adessive",
    "ablative", "allative", "essive", "translative", "abessive", "instructive", "comitative",
)

REQUIRED: Final = ("nom", "weak", "strong", "part", "ill")
PLURAL: Final = ("pl_weak", "pl_strong", "pl_gen", "pl_part", "pl_ill")

_BACK: Final = set("aouAOU")
_FRONT: Final = set("äöyÄÖY")


def is_back(word: str) -> bool:
    """Vowel harmony of a (possibly compound) word: its last harmonic vowel decides."""
    for ch in reversed(word):
        if ch in _BACK:
            return True
        if ch in _FRONT:
            return False
    return False  # only neutral vowels (e, i): front endings ("tieteessä")


def is_adverb(word: str) -> bool:
    """"yhtäjaksoisesti", "suhteellisesti": a -sti adverb (never the thing a figure measures).

    Also the adverbs of habit and distribution: "iltaisin", "viikonloppuisin", "kuukausittain".
    """
    return len(word) > 5 and word.endswith(("sti", "isin", "ittain", "ittäin"))


def _h(ending: str, back: bool) -> str:
    return ending if back else ending.translate(str.maketrans("aou", "äöy"))


def inflect(entry: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """Every (case, number) form of one entry, number being "sg" or "pl".

    The comitative exists only in the plural (with a possessive suffix in real
    text: "minuutteineen"); it is given without the suffix.
    """
    missing = [k for k in REQUIRED if not entry.get(k)]
    if missing:
        raise ValueError(f"entry {entry.get('nom', entry)!r} lacks principal parts {missing}")
    back = is_back(entry["nom"])
    w, s = entry["weak"], entry["strong"]
    forms: dict[tuple[str, str], str] = {
        ("nominative", "sg"): entry["nom"],
        ("genitive", "sg"): w + "n",
        ("partitive", "sg"): entry["part"],
        ("inessive", "sg"): w + _h("ssa", back),
        ("elative", "sg"): w + _h("sta", back),
        ("illative", "sg"): entry["ill"],
        ("adessive", "sg"): w + _h("lla", back),
        ("ablative", "sg"): w + _h("lta", back),
        ("allative", "sg"): w + "lle",
        ("essive", "sg"): s + _h("na", back),
        ("translative", "sg"): w + "ksi",
        ("abessive", "sg"): w + _h("tta", back),
    }
    if all(entry.get(k) for k in PLURAL):
        pw, ps = entry["pl_weak"], entry["pl_strong"]
        forms.update({
            ("nominative", "pl"): w + "t",
            ("genitive", "pl"): entry["pl_gen"],
            ("partitive", "pl"): entry["pl_part"],
            ("inessive", "pl"): pw + _h("ssa", back),
            ("elative", "pl"): pw + _h("sta", back),
            ("illative", "pl"): entry["pl_ill"],
            ("adessive", "pl"): pw + _h("lla", back),
            ("ablative", "pl"): pw + _h("lta", back),
            ("allative", "pl"): pw + "lle",
            ("essive", "pl"): ps + _h("na", back),
            ("translative", "pl"): pw + "ksi",
            ("abessive", "pl"): pw + _h("tta", back),
            ("instructive", "pl"): pw + "n",
            ("comitative", "pl"): ps + "ne",
        })
    return forms


def all_forms(entry: Mapping[str, str]) -> set[str]:
    """The set of surface forms of an entry, lower case, plus any ``extra`` forms it lists."""
    out = {f.lower() for f in inflect(entry).values()}
    # ``extra`` is the entry's one field that is a list, not a str: read as what it is (the
    # compiled build checks a value against its declared type)
    extra: object = cast("Mapping[str, object]", entry).get("extra")
    if isinstance(extra, (list, tuple)):
        out.update(str(x).lower() for x in extra)
    return out
