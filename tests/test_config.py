"""Settings: rules.yaml is complete and checked; mistakes name the file, line and key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_cli

from plainlint.errors import ConfigError
from plainlint.rules import RULES
from plainlint.settings.loading import default_file, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(textwrap.dedent(text))
    return path


def test_built_in_rules_yaml_is_the_top_level_file():
    assert default_file("rules.yaml").resolve() == (ROOT / "rules.yaml").resolve()


def test_every_rule_has_settings_with_enabled_severity_and_options():
    data = yaml.safe_load((ROOT / "rules.yaml").read_text())
    assert set(data["rules"]) == set(RULES)
    for rule_id, rule in RULES.items():
        assert {"enabled", "severity", *rule.options} == set(data["rules"][rule_id])


def test_project_settings_change_only_what_they_name(tmp_path):
    config = write(
        tmp_path,
        """\
        rules:
          long-sentence:
            max_words: 30
          readability:
            enabled: false
        """,
    )
    settings = load_settings(config)
    assert settings.rules["long-sentence"].options == {"max_words": 30, "error_words": 35}
    assert settings.rules["readability"].enabled is False
    assert settings.rules["plain-words"].enabled is True


def test_extensions_are_configurable(tmp_path):
    config = write(tmp_path, "extensions:\n  .mdx: markdown\n")
    settings = load_settings(config)
    assert settings.format_for(Path("page.mdx")) == "markdown"
    assert settings.format_for(Path("page.md")) == "markdown"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("rules:\n  long-sentences:\n    enabled: true\n", 2, "unknown rule 'long-sentences'"),
        ("rules:\n  long-sentence:\n    max_word: 3\n", 3, "no option 'max_word'"),
        ("rules:\n  long-sentence:\n    max_words: many\n", 3, "must be a whole number"),
        ("rules:\n  long-sentence:\n    max_words: 0\n", 3, "must be at least 1"),
        ("rules:\n  long-sentence:\n    enabled: yes please\n", 3, "true or false"),
        ("rules:\n  readability:\n    severity: fatal\n", 3, "error, warning or info"),
        ("\n\ncolour: blue\n", 3, "unknown setting 'colour'"),
        ("extensions:\n  md: markdown\n", 2, "must start with a dot"),
        ("extensions:\n  .doc: word\n", 2, "unknown format 'word'"),
        ("rules:\n  plain-words:\n    words:\n      utilise: []\n", 3, "needs a plainer word"),
        ("rules:\n  plain-words:\n    words:\n      yes: agree\n", 3, "put quotes around yes"),
        ("rules:\n  gendered-language:\n    pronouns:\n      1: one\n", 3, "must be words"),
        ("rules:\n  long-sentence: {}\n  long-sentence: {}\n", 3, "appears twice"),
        ("rules: [\n", 2, "not valid YAML"),
    ],
)
def test_mistakes_name_the_file_line_and_key(tmp_path, text, line, words):
    config = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert caught.value.where == f"{config}, line {line}"
    assert words in caught.value.reason


def test_bad_settings_exit_2_with_one_line(tmp_path):
    config = write(tmp_path, "rules:\n  long-sentence:\n    max_word: 3\n")
    page = tmp_path / "page.md"
    page.write_text("Hello.\n")
    result = run_cli("check", "--config", str(config), str(page))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"plainlint: {config}, line 3: ")
    assert "Traceback" not in result.stderr


def test_missing_settings_file_is_a_clear_error(tmp_path):
    result = run_cli("check", "--config", str(tmp_path / "nope.yaml"), str(tmp_path))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_empty_settings_file_changes_nothing(tmp_path):
    settings = load_settings(write(tmp_path, "# nothing yet\n"))
    assert settings.rules["long-sentence"].options["max_words"] == 25
