"""Guideline: use plain English (measured over the whole page)."""

from __future__ import annotations

from typing import Iterator

from plainlint.findings import Severity
from plainlint.language.page import Page
from plainlint.rules.base import Hit, Option, Rule


class Readability(Rule):
    """The page as a whole reads above the level patient information should."""

    id = "readability"
    summary = "The page is harder to read than patient information should be."
    why = (
        "Health information should be readable by someone with a reading age of about 11 "
        "(US school grade 8 or below). Long words and long sentences push the level up."
    )
    fix = "Use shorter sentences and everyday words. Explain or replace medical words."
    flags = (
        "Chemotherapy administration necessitates comprehensive haematological evaluation "
        "preceding each consecutive treatment cycle. Individuals experiencing pyrexia "
        "subsequent to administration should immediately contact the oncology department. "
        "Intravenous medications occasionally precipitate considerable gastrointestinal "
        "disturbance, including nausea and diarrhoea. Antiemetic preparations are routinely "
        "prescribed prophylactically. Haematological monitoring continues throughout the "
        "therapeutic programme. Unexpected complications require immediate professional "
        "consultation. Additional information regarding potential complications is available "
        "from specialist nursing personnel. Pharmacological interventions necessitate "
        "individualised consideration of comorbidities, concurrent medications and "
        "physiological parameters. Consequently, practitioners frequently undertake "
        "supplementary investigations prior to initiating intravenous administration. "
        "Documentation of adverse reactions facilitates subsequent therapeutic optimisation "
        "and multidisciplinary communication between specialist clinical departments.",
    )
    passes = (
        "You have chemotherapy in cycles. Before each cycle you have a blood test. If you get a "
        "high temperature, call the ward straight away. Some people feel sick. We can give "
        "you medicine to help with this. Your nurse will check on you during each cycle. "
        "Ask us if you have any questions. We are here to help you. You can call us at any "
        "time of the day or night. Keep our number with you. Most side effects go away "
        "after treatment ends. Tell us how you feel at each visit. Bring a friend if you "
        "like. Wear loose clothes. Eat a light meal before you come in. Drink plenty of "
        "water.",
    )
    default_severity = Severity.WARNING
    options = {
        "max_grade": Option("number", "highest Flesch-Kincaid grade allowed", 0),
        "max_average_sentence_words": Option("number", "highest average sentence length", 1),
        "min_words": Option("int", "pages shorter than this are not measured", 0),
    }

    def check(self, page: Page) -> Iterator[Hit]:
        metrics = page.metrics
        if metrics.words < self.settings["min_words"]:
            return
        problems = []
        max_grade = self.settings["max_grade"]
        if metrics.flesch_kincaid_grade > max_grade:
            problems.append(
                f"its reading grade is {metrics.flesch_kincaid_grade:.1f}, above the aim of "
                f"{max_grade:g}"
            )
        max_average = self.settings["max_average_sentence_words"]
        if metrics.average_sentence_words > max_average:
            problems.append(
                f"its sentences have {metrics.average_sentence_words:.1f} words on average, "
                f"above the aim of {max_average:g}"
            )
        if problems:
            yield Hit(f"This page is hard to read: {' and '.join(problems)}.")
