"""The people rules, registered by name in the order find_people runs them.

A rule is a function (Text, Lexicon, Found) -> None that adds the names it finds to Found with its own
label (Found.rule), which the arbiter reads: VETOED_RULES, TAG_RULES and BARE_RULES name these entries.
A new rule is one entry here plus its test (tests/test_rules.py checks that every entry has one).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tasks.extract.arbiter import model_names
from tasks.extract.clauses import by_names, clause_subjects, dotted_names, quoted_speakers, standalone_names, tagged_names
from tasks.extract.lists import adjacent_names, bare_lists
from tasks.extract.titles import (appointed_titles, appointees, described_names, families_listed, glued_list_titles,
                                  leaders_after_a_list, profile_names,
                                  names_before_titles, titled_names, titles_in_apposition, titles_in_parentheses,
                                  titles_on_list_lines)

if TYPE_CHECKING:
    from tasks.extract.annotate import Text
    from tasks.extract.arbiter import Found
    from tasks.extract.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    find: Callable[[Text, Lexicon, Found], None]


# Strongest evidence first: a rule reads the names found before it (a list after a titled name, a name
# written back to back with a found one), and the model's names are settled against all of them.
RULES: tuple[Rule, ...] = (
    Rule("title", titled_names),            # 1. a title right before the name (and the list after it)
    Rule("described", described_names),    # 1b. a name after a description kept no title (店主, 游客)
    Rule("after", names_before_titles),     # 2. a title or honorific right after it
    Rule("appointee", appointees),          # 2b. a name an appointment formula holds where jieba reads a word
    Rule("profile", profile_names),         # 2c. the name opening a personnel notice's profile (甲，男，蒙古族，…)
    Rule("list", bare_lists),               # 3. lists of bare names
    Rule("clause", clause_subjects),        # 4. a clause-opening name before a verb of meeting reports
    Rule("by", by_names),                   # 4b. a name jieba glued to 由 before a verb ("会议由甲主持")
    Rule("nr", tagged_names),               # 5. jieba's person tag beside a speech verb or a preposition
    Rule("alone", standalone_names),        # 6. a line or a parenthesis holding nothing but a name
    Rule("dotted", dotted_names),           # 7. a name joined by middle dots
    Rule("adjacent", adjacent_names),       # 8. person words written back to back after a found name
    Rule("quoted", quoted_speakers),        # 8b. the name after a quotation's closing quote, before a verb of saying
    Rule("model", model_names),             # 9. the learned name model's names, settled by the arbiter
    Rule("paren", titles_in_parentheses),   # 10. titles in parentheses after a found name (adds no name)
    Rule("glued", glued_list_titles),       # 11. a title before names written back to back goes to each
    Rule("leaders", leaders_after_a_list),  # 12. a leaders' title behind 等 goes to the list before it
    Rule("appointed", appointed_titles),    # 13. the post a name is appointed or elected to
    Rule("apposed", titles_in_apposition),  # 14. a title chain set off by commas after a name (adds no name)
    Rule("lines", titles_on_list_lines),    # 15. a title after a name and spaces on a list's line (and its list's names)
    Rule("families", families_listed),      # 16. the other names of an honour list of families where a found one stands
)


def rule(name: str) -> Rule:
    """The registered rule of that name."""
    for r in RULES:
        if r.name == name:
            return r
    raise KeyError(f"no people rule named {name!r}; registered: {', '.join(r.name for r in RULES)}")
