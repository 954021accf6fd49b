"""What a figure measures, read from the dependency tree (the parser reading).

The counted noun is the head of the number's phrase ("7 400 lääke- ja
hammaslääketieteen opiskelijaa" → opiskelija).  A figure with a unit of its own
("93 prosenttia", "46 päivässä") climbs the tree to the clause that names what
it is about: through an aside or list item (appos, conj), "eli" (conj), to the
clause's subject, its translative complement ("Kustannuksiksi kirjattiin"), an
elative group ("vastaajista"), its object, and last its verb.  Pronouns go to
their antecedent; quantity and statistic nouns to the noun they own
("korjausajan keskiarvo" → korjausaika).  A duration measures the activity: the
verb of its clause ("käsiteltiin 15 päivässä" → käsitellä).  Words inside a time
expression are never the measure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Protocol

from tiedote.claims.measure import MeasureHit
from tiedote.claims.measure_rules import is_event, pointing_before
from tiedote.claims.measure_words import DURATION_UNITS, MeasureWords, measure_words
from tiedote.claims.syntax import SentParse
from tiedote.claims.unit import Unit, after_number
from tiedote.claims.wordform import lemma
from tiedote.lang.lexicon import Lexicon
from tiedote.numbers.mentions import Num
from tiedote.text.segment import Token

SHARE_UNITS: Final = frozenset({"percent", "percentage_point"})
# relations a figure's phrase climbs through to reach the clause that names what it measures
_CLIMB: Final = frozenset({"appos", "conj", "obl", "nmod", "obj", "xcomp", "advcl", "parataxis", "advmod", "nsubj",
                    "nsubj:cop", "ccomp", "csubj", "csubj:cop", "xcomp:ds", "dep", "obl:arg", "nummod",
                    "acl", "compound", "flat"})
_NOMINAL: Final = frozenset({"NOUN", "ADJ", "VERB", "PRON"})


class Mask(Protocol):
    def covers(self, pos: int) -> bool: ...


@dataclass(slots=True)
class _Ctx:
    sp: SentParse
    toks: list[Token]
    lex: Lexicon
    mw: MeasureWords
    carried: Callable[[], MeasureHit | None]
    masked: Mask | None
    duration: bool
    share: bool
    on_path: set[int]


def tree_measure(sp: SentParse, toks: list[Token], num: Num, unit: Unit, lex: Lexicon,
                 carried: Callable[[], MeasureHit | None], *, rate: bool = False,
                 masked: Mask | None = None) -> MeasureHit | None:
    """The measure of the figure ``num`` from the parse, or None when the tree names none.

    ``carried`` gives the measure a pronoun or a bare statistic noun refers back to
    (the last figure's), asked only when needed; ``masked`` covers time expressions.
    """
    mw = measure_words()
    n = sp.at[num.j - 1] if num.j - 1 < len(sp.at) else -1
    if n < 0:
        return None
    # climb the number's own tokens: "1,97 miljoonaa" (compound), "45,2 (42,1) miljoonaa"
    for _ in range(4):
        h = sp.head[n]
        if h == n or sp.pos[h] != "NUM" or sp.dep[n] not in ("compound", "nummod", "flat", "conj"):
            break
        n = h
    event = is_event(toks, num, unit.token, mw)
    ctx = _Ctx(sp, toks, lex, mw, carried, masked, (unit.unit in DURATION_UNITS and not rate) or event,
               unit.unit in SHARE_UNITS, {n})
    h = sp.head[n]
    phrase = h if sp.dep[n] in ("nummod", "det", "amod") and h != n else n
    ctx.on_path.add(phrase)
    point = pointing_before(toks, num, mw, lex)
    if point >= 0 and point < len(sp.at):
        # "joista 5 tehohoidossa", "Heistä noin 300 sai paikan": the group the pronoun points to
        return _resolve(ctx, sp.at[point], 0)
    if unit.unit == "count" and not unit.bare and not event:
        counted = _counted(ctx, n, phrase, after_number(toks, num))
        if counted is not None:
            return counted
    elif unit.unit == "count" and unit.bare:
        # "Syntyneitä oli 382 ja kuolleita 719": the partitive right before a bare figure
        k = sp.at[num.i - 1] if num.i > 0 else -1
        if k >= 0 and sp.tok[k] == num.i - 1 and sp.case[k] == "Par" and sp.pos[k] in ("NOUN", "ADJ", "VERB"):
            hit = _resolve(ctx, k, 0)
            if hit is not None:
                return hit
    # "88 prosenttia vastaajista", "Vastaajista 88 prosenttia", "heistä 23 800"; but "Käyttökate oli
    # 14,8 prosenttia liikevaihdosta" is the predicate of its nominative subject, which is measured
    subj = next((c for c in sp.children[phrase] if sp.dep[c] == "nsubj:cop" and sp.case[c] == "Nom"
                 and sp.pos[c] == "NOUN"), None) if ctx.share else None
    if subj is not None:
        hit = _resolve(ctx, subj, 0)
        if hit is not None:
            return hit
    own = _elative_child(ctx, phrase)
    if own is None and n != phrase:
        own = _elative_child(ctx, n)
    if own is not None:
        hit = _resolve(ctx, own, 0)
        if hit is not None:
            return _with_rule(hit, "measure.tree_elative")
    return _clause(ctx, phrase)


def _counted(ctx: _Ctx, n: int, phrase: int, after: int) -> MeasureHit | None:
    """The counted noun of "40 000 puheluun", "vajaa 6 000 työperusteista hakemusta", or None."""
    sp = ctx.sp
    if phrase == n or phrase < n or sp.pos[phrase] not in ("NOUN", "ADJ", "VERB") or _masked(ctx, phrase):
        # a counted noun follows its number ("vuoden lopussa 171" is no count of "loppu"); the parser
        # sometimes hangs a number on a time word before it ("elokuussa 64 700 uutta työpaikkaa"):
        # then the word right after the number, when it is a noun or adjective
        k = sp.at[after] if after < len(sp.at) else -1
        if k <= n or sp.pos[k] not in ("NOUN", "ADJ") or sp.tok[k] != after:
            return None
        phrase = k
    # an adjective or genitive the parser took for the head: "työperusteista hakemusta", "sähkönmyynnin asiakasta"
    for _ in range(3):
        h = sp.head[phrase]
        if h > phrase and sp.dep[phrase] in ("amod", "nmod:poss", "nmod") and sp.pos[h] == "NOUN":
            phrase = h
        else:
            break
    t = sp.tok[phrase]
    if t < 0:
        return None
    w = ctx.toks[t].lower
    if w in ctx.lex.comparatives or _has_case_word(ctx, phrase, ctx.mw.per_after) \
            or lemma(w) in ctx.mw.scale_nouns:
        return None  # "29 200 pienempi", "9,7 yhtä aloituspaikkaa kohden", "71,2 pisteestä"
    ctx.on_path.add(phrase)
    return _resolve(ctx, phrase, 0)


def _with_rule(hit: MeasureHit, rule: str) -> MeasureHit:
    return MeasureHit(hit.lemma, hit.start, hit.end, rule) if hit.rule == "measure.tree_noun" else hit


def _span(ctx: _Ctx, k: int) -> tuple[int, int] | None:
    """The tiedote tokens of parser token ``k`` (one, or several: "20–29-vuotiaita", "LED-valaisimia")."""
    t = ctx.sp.tok[k]
    if t < 0:
        return None
    u = t
    while u + 1 < len(ctx.toks) and ctx.toks[u + 1].start < ctx.sp.end[k] and not ctx.toks[u + 1].space_before:
        u += 1
    return t, u


def _hit(ctx: _Ctx, k: int, rule: str) -> MeasureHit | None:
    span = _span(ctx, k)
    if span is None:
        return None
    first, last = ctx.toks[span[0]], ctx.toks[span[1]]
    text = "".join(t.lower for t in ctx.toks[span[0]:span[1] + 1])
    return MeasureHit(lemma(text), first.start, last.end, rule)


def _is_prefix(ctx: _Ctx, k: int) -> bool:
    """"Bussi-", "lääke-": the first part of a coordinated compound, never a head."""
    t = ctx.sp.tok[k]
    toks = ctx.toks
    return t >= 0 and t + 1 < len(toks) and toks[t + 1].text in "-–" and not toks[t + 1].space_before \
        and (t + 2 >= len(toks) or toks[t + 2].space_before)


def _masked(ctx: _Ctx, k: int) -> bool:
    t = ctx.sp.tok[k]
    return t < 0 or (ctx.masked is not None and ctx.masked.covers(ctx.toks[t].start))


def _has_case_word(ctx: _Ctx, k: int, words: frozenset[str]) -> bool:
    """"oppilasta kohti", "Tilastokeskuksen mukaan": a noun governed by one of ``words``."""
    sp = ctx.sp
    for c in sp.children[k]:
        if sp.dep[c] == "case" and sp.tok[c] >= 0 and ctx.toks[sp.tok[c]].lower in words:
            return True
    return False


def _elative_child(ctx: _Ctx, k: int) -> int | None:
    """A group the figure is a part of: "vastaajista", "65 vuotta täyttäneistä" (not "vuodentakaisesta")."""
    sp = ctx.sp
    for c in sp.children[k]:
        if c in ctx.on_path or sp.case[c] != "Ela" or sp.dep[c] not in ("nmod", "obl", "acl") \
                or sp.pos[c] not in ("NOUN", "PRON", "ADJ", "VERB") or _masked(ctx, c):
            continue
        w = ctx.toks[sp.tok[c]].lower
        if w in ctx.lex.change_time or _has_case_word(ctx, c, ctx.mw.postpositions):
            continue
        return c
    return None


def _elative_group(ctx: _Ctx, verb: int) -> int | None:
    """The group a share is of, among the verb's dependents or theirs ("65 vuotta täyttäneistä ... on ottanut")."""
    found = _elative_child(ctx, verb)
    if found is not None:
        return found
    for c in ctx.sp.children[verb]:
        if c not in ctx.on_path and ctx.sp.dep[c] in ("obj", "obl", "nsubj"):
            found = _elative_child(ctx, c)
            if found is not None:
                return found
    return None


def _word_ok(ctx: _Ctx, k: int, lem: str) -> bool:
    """Never an adverb, postposition, number, unit, change verb, "olla", a duration-only verb or a time."""
    sp, mw = ctx.sp, ctx.mw
    if sp.pos[k] not in _NOMINAL or _is_prefix(ctx, k) or _masked(ctx, k):
        return False
    t = sp.tok[k]
    w = ctx.toks[t].lower
    if not any(ch.isalpha() for ch in w) or w in mw.postpositions or w in ctx.lex.unit_forms \
            or w in mw.superlatives:
        return False
    if t > 0 and ctx.toks[t - 1].text == ":" and not ctx.toks[t].space_before:
        return False  # "4 310:stä": a number's case ending
    if lem in mw.never_verbs or lem in mw.duration_verbs or lem in mw.scale_nouns or lem in mw.fractions \
            or _has_case_word(ctx, k, mw.prepositions):  # "ilman kertaluonteisia kuluja" qualifies the measure
        return False
    wc = ctx.lex.classes(w)
    return not (sp.pos[k] == "VERB" and (wc.change is not None or wc.weak_change is not None))


def _resolve(ctx: _Ctx, k: int, depth: int) -> MeasureHit | None:
    """The measure a candidate word stands for: itself, its antecedent, or the noun it owns."""
    sp = ctx.sp
    if depth > 4 or _masked(ctx, k):
        return None
    if sp.pos[k] == "PRON":
        return _antecedent(ctx, k, depth)
    if sp.pos[k] == "NUM":
        # "1,97 miljoonaa, joista ...": a figure as antecedent stands for its own measure
        return _clause(ctx, k, depth + 1)
    hit = _hit(ctx, k, "measure.tree_noun")
    if hit is None:
        return None
    lem = hit.lemma
    if ctx.mw.is_statistic(lem) or ctx.mw.is_quantity(lem) or lem in ctx.mw.fractions:
        # "korjausajan keskiarvo", "matkojen määrä", "vieraskielisten osuus väestöstä"
        for c in sorted(sp.children[k], key=lambda c: (sp.case[c] != "Gen", c)):
            if sp.dep[c] in ("nmod:poss", "nmod", "nmod:gobj") and sp.pos[c] in ("NOUN", "ADJ", "VERB", "PRON") \
                    and sp.case[c] in ("Gen", "Ela") and not _has_case_word(ctx, c, ctx.mw.postpositions):
                owned = _resolve(ctx, c, depth + 1)
                if owned is not None:
                    return MeasureHit(owned.lemma, owned.start, owned.end, "measure.tree_owner")
        if ctx.mw.is_statistic(lem):
            return ctx.carried()
    if not _word_ok(ctx, k, lem):
        return None
    return hit


def _antecedent(ctx: _Ctx, k: int, depth: int) -> MeasureHit | None:
    """"joista" → the noun its relative clause hangs on; "heistä", "se", "mikä" → the last figure's measure."""
    sp = ctx.sp
    if sp.pron[k] == "Rel":
        r = k
        for _ in range(6):
            if sp.dep[r] == "acl:relcl":
                head = sp.head[r]
                if sp.pos[head] in ("NOUN", "ADJ"):
                    return _resolve(ctx, head, depth + 1)
                if sp.pos[head] == "NUM":
                    return _clause(ctx, head, depth + 1)
                break
            if sp.head[r] == r:
                break
            r = sp.head[r]
    return ctx.carried()


def _subject(ctx: _Ctx, k: int) -> int | None:
    sp = ctx.sp
    best: int | None = None
    for c in sp.children[k]:
        if c in ctx.on_path or not sp.dep[c].startswith(("nsubj", "csubj")) or _is_prefix(ctx, c):
            continue
        if best is None or abs(c - k) < abs(best - k):
            best = c  # the nearest of several ("Bussi-, metro- ja raitioliikenteessä matkat lisääntyivät")
    return best


def _child(ctx: _Ctx, k: int, deps: tuple[str, ...]) -> int | None:
    sp = ctx.sp
    for c in sp.children[k]:
        if c not in ctx.on_path and sp.dep[c] in deps and not _has_case_word(ctx, c, ctx.mw.postpositions):
            return c
    return None


def _into(ctx: _Ctx, verb: int) -> MeasureHit | None:
    """"käsittelyyn kului 9 arkipäivää": a duration-only verb's illative names the activity."""
    sp = ctx.sp
    if sp.tok[verb] < 0 or lemma(ctx.toks[sp.tok[verb]].lower) not in ctx.mw.duration_verbs:
        return None
    for c in sp.children[verb]:
        if c not in ctx.on_path and sp.case[c] == "Ill" and sp.pos[c] == "NOUN" and sp.dep[c].startswith("obl"):
            hit = _resolve(ctx, c, 1)
            if hit is not None:
                return MeasureHit(hit.lemma, hit.start, hit.end, "measure.duration_into")
    return None


def _translative(ctx: _Ctx, k: int) -> int | None:
    """"Menoiksi kirjattiin 1,2 miljoonaa euroa": what the figure is entered or counted as."""
    sp = ctx.sp
    for c in sp.children[k]:
        if c not in ctx.on_path and sp.case[c] == "Tra" and sp.dep[c] in ("obl", "xcomp", "xcomp:ds") \
                and sp.pos[c] == "NOUN":
            return c
    return None


def _verb_hit(ctx: _Ctx, k: int) -> MeasureHit | None:
    sp = ctx.sp
    if sp.pos[k] != "VERB" or sp.tok[k] < 0:
        return None
    hit = _hit(ctx, k, "measure.tree_verb")
    if hit is None or not _word_ok(ctx, k, hit.lemma):
        return None
    return hit


def _counted_of(ctx: _Ctx, k: int) -> bool:
    """A noun another figure counts ("64 700 uutta avointa työpaikkaa, 30 700 vähemmän")."""
    sp = ctx.sp
    return sp.pos[k] == "NOUN" and any(sp.pos[c] == "NUM" and sp.dep[c] == "nummod" and c < k
                                       for c in sp.children[k])


def _clause(ctx: _Ctx, k: int, depth: int = 0) -> MeasureHit | None:
    """Climb from the figure's phrase to the first clause that names what it measures."""
    sp = ctx.sp
    cur = k
    for step in range(6):
        ctx.on_path.add(cur)
        if step > 0 and _counted_of(ctx, cur):
            w = ctx.toks[sp.tok[cur]].lower if sp.tok[cur] >= 0 else ""
            if w not in ctx.lex.unit_forms and lemma(w) not in ctx.mw.scale_nouns:
                hit = _resolve(ctx, cur, depth + 1)
                if hit is not None:
                    return _with_rule(hit, "measure.tree_aside")
        is_verb = sp.pos[cur] == "VERB"
        if is_verb and ctx.duration:
            hit = _verb_hit(ctx, cur)
            if hit is not None:
                return hit
            into = _into(ctx, cur)
            if into is not None:
                return into
        for cand in (_subject(ctx, cur), _translative(ctx, cur)):
            if cand is not None:
                hit = _resolve(ctx, cand, depth + 1)
                if hit is not None:
                    return _with_rule(hit, "measure.tree_subject")
        if is_verb:
            group = _elative_group(ctx, cur) if ctx.share else None
            if group is not None:
                # "65 vuotta täyttäneistä rokotteen oli saanut 56,8 prosenttia": a share of the group
                hit = _resolve(ctx, group, depth + 1)
                if hit is not None:
                    return _with_rule(hit, "measure.tree_elative")
            obj = _child(ctx, cur, ("obj",))
            if obj is not None and not ctx.duration:
                hit = _resolve(ctx, obj, depth + 1)
                if hit is not None:
                    return _with_rule(hit, "measure.tree_object")
            hit = _verb_hit(ctx, cur)
            if hit is not None:
                return hit
        h = sp.head[cur]
        if h == cur or sp.dep[cur] not in _CLIMB:
            if sp.dep[cur] == "acl:relcl" and h != cur:
                return ctx.carried()  # "..., mikä on 23 prosenttia enemmän": restates the figure before
            return None
        cur = h
    return None
