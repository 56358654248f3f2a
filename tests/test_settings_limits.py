"""Project limits (`max_file_size`, `max_seconds_per_file`), and the page lines that a
page's own settings name in their mistakes."""

from __future__ import annotations

import pytest
from conftest import run_cli

from plainlint.errors import ConfigError
from plainlint.settings.checks import file_size
from plainlint.settings.loading import load_settings


def write(folder, text):
    config = folder / "plainlint.yaml"
    config.write_text(text)
    return config


def test_built_in_limits():
    settings = load_settings()
    assert settings.max_file_size == 5 * 1024 * 1024
    assert settings.max_seconds_per_file == 60


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("5 MB", 5 * 1024 * 1024),
        ("500 KB", 500 * 1024),
        ("2.5MB", int(2.5 * 1024 * 1024)),
        ("1 gb", 1024**3),
        ("12 bytes", 12),
        (4096, 4096),
    ],
)
def test_sizes_people_write(value, size):
    assert file_size(value) == size


@pytest.mark.parametrize("value", ["big", "0 MB", 0, -5, True, "5 TB", "MB", "", None, [5]])
def test_not_sizes(value):
    assert file_size(value) is None


def test_a_project_sets_both(tmp_path):
    settings = load_settings(write(tmp_path, "max_file_size: 200 KB\nmax_seconds_per_file: 5\n"))
    assert settings.max_file_size == 200 * 1024
    assert settings.max_seconds_per_file == 5


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("\nmax_file_size: huge\n", 'max_file_size must be a size such as "5 MB"'),
        ("\nmax_file_size: -1\n", 'max_file_size must be a size such as "5 MB"'),
        ("\nmax_seconds_per_file: 0\n", "max_seconds_per_file must be a number of seconds"),
        ("\nmax_seconds_per_file: soon\n", "max_seconds_per_file must be a number of seconds"),
        ("\nmax_seconds_per_file: true\n", "max_seconds_per_file must be a number of seconds"),
    ],
)
def test_mistakes_name_the_line(tmp_path, text, words):
    config = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert caught.value.where == f"{config}, line 2"
    assert words in caught.value.reason


def test_limits_are_project_settings_not_page_settings(tmp_path):
    config = write(tmp_path, "overrides:\n  - files: ['*.md']\n    max_file_size: 1 MB\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert "unknown setting 'max_file_size'" in caught.value.reason


def test_a_key_twice_in_a_pages_own_settings_names_the_pages_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "---\ntitle: Scans\nplainlint:\n  skip_sections: [A]\n  skip_sections: [B]\n---\n\nHello.\n"
    )
    result = run_cli("check", "--no-cache", str(page))
    assert result.exit_code == 2
    assert result.stderr == f"plainlint: {page}: line 5: the key 'skip_sections' appears twice\n"


def test_toml_front_matter_with_a_mistake_stops_that_page_with_its_line(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text('+++\ntitle = "Scans"\nbad = = 3\n+++\n\nPlease utilise the ramp.\n')
    good = tmp_path / "good.md"
    good.write_text('+++\ntitle = "Scans"\n+++\n\nPlease utilise the ramp.\n')
    result = run_cli("check", "--no-cache", str(bad), str(good))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"plainlint: {bad}: line 3, in the front matter: this is not valid TOML: "
    )
    assert result.stderr.count("\n") == 1
    assert f"{good}:5:8: warning plain-words" in result.stdout
