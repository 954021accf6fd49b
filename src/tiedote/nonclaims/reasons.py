"""Why a number is not a claim: each non-claim rule id with the reason ``explain()`` gives.

The ids are the ones ``nonclaims.checks.why_not`` returns and the assembler
records for numbers it passes over (inside a time expression or a URL, a
phone number's later groups, the window of a change).  A check that returns
an id missing here fails the tests (tests/test_explain.py).
"""

from __future__ import annotations

REASONS: dict[str, str] = {
    "nonclaim.date_or_time": "date or clock time",
    "nonclaim.identifier": "identifier (digits joined to letters)",
    "nonclaim.name": "number inside a name",
    "nonclaim.list_number": "list numbering",
    "nonclaim.ordinal": "ordinal number",
    "nonclaim.clock": "clock time",
    "nonclaim.phone": "phone number",
    "nonclaim.scale": "rating scale",
    "nonclaim.section": "law section",
    "nonclaim.postal_code": "postal code",
    "nonclaim.year": "year",
    "nonclaim.address": "street number",
    "nonclaim.age": "age or age group",
    "nonclaim.ratio": "ratio without a unit",
    "nonclaim.period_count": "count naming a period",
    "nonclaim.period_year": "year naming a period",
    "nonclaim.in_period": "part of a time expression",
    "nonclaim.url": "inside a web address",
    "nonclaim.change_window": "window of a change, not a figure",
    # issue 17: numbers of real text (nonclaims/forms.py)
    "nonclaim.statute": "statute or document number",
    "nonclaim.index_base": "the base of an index ('2015=100')",
    "nonclaim.page": "page number",
    "nonclaim.year_range": "years of a season or school year",
    "nonclaim.formal_date": "formal date",
    "nonclaim.denominator": "denominator of a figure per so many",
    "nonclaim.rank": "rank or top-N group",
    "nonclaim.limit_name": "number naming a limit",
    "nonclaim.quarter_of_year": "quarter of a year, not a fraction",
    "nonclaim.one_as_word": "'one' meaning a single or together",
    "nonclaim.word_not_number": "ordinary word that looks like a number word",
    "nonclaim.clock_words": "clock time in words",
    "nonclaim.opening_schedule": "opening schedule",
    "nonclaim.window": "length of the window naming a period",
    "nonclaim.group_threshold": "threshold that defines the group counted",
}


def reason(rule: str) -> str:
    """The reason for a non-claim rule id; an unknown id is named as it is."""
    return REASONS.get(rule, rule)
