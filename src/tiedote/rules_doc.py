"""Write docs/rules.md from the rule catalogue: ``python -m tiedote.rules_doc [PATH]``."""

from __future__ import annotations

import sys
from pathlib import Path

from tiedote.rules import RULES, STAGES

_TITLES = {
    "number": "Number mentions",
    "nonclaim": "Numbers that are not claims",
    "unit": "Units",
    "qualifier": "Qualifiers",
    "statistic": "Statistics",
    "rate": "Rates",
    "change": "Changes",
    "measure": "What a figure measures",
    "subject": "Whose figure it is",
    "source": "Who reports it",
    "per": "Per what",
    "period": "Periods",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " / ")


def render() -> str:
    lines = [
        "# Rule ids",
        "",
        "Every rule id the engine can emit: in a claim's `rules`, as the rule that drops a",
        "number, or as the rule that finds a time expression.  Written by",
        "`python -m tiedote.rules_doc` from `src/tiedote/rules.toml` (`tiedote.RULES`); do not",
        "edit by hand.  Each example is a sentence the rule fires in (published 2024-05-15),",
        "checked by `tests/test_rules.py`.",
        "",
        f"{len(RULES)} rules.",
    ]
    for stage in STAGES:
        entries = [r for r in RULES.values() if r.stage == stage]
        lines += ["", f"## {_TITLES[stage]}", ""]
        if stage == "period":
            lines += ["| id | what it does | pattern | example |", "|---|---|---|---|"]
            lines += [f"| `{r.id}` | {_cell(r.description)} | {_cell(r.pattern or '')} | {_cell(r.example)} |"
                      for r in entries]
        else:
            lines += ["| id | what it does | example |", "|---|---|---|"]
            lines += [f"| `{r.id}` | {_cell(r.description)} | {_cell(r.example)} |" for r in entries]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else Path("docs") / "rules.md"
    path.write_text(render(), encoding="utf-8")
    print(f"wrote {path} ({len(RULES)} rules)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
