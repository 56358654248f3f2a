"""The results cache: the same findings with and without it, what makes an entry stale,
damaged and unwritable caches, where the cache folder goes, and that a run with every
file cached loads neither spaCy nor the glossary.

Each test keeps its cache in a folder of its own (--cache-dir), apart from the tests of
where the cache goes, which remove PLAINLINT_CACHE_DIR and look.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import json_output, run_cli

from plainlint.cli import main
from plainlint.run import results_cache
from plainlint.run.results_cache import ENTRY_FORMAT, ResultsCache, cache_folder
from plainlint.settings.loading import load_settings

PLAIN = "Please utilise the ramp.\n"
CLEAN = "You can go home today.\n"


def lint(cache: Path, *args: str):
    """A `plainlint check --format json` run with its cache in `cache`."""
    return run_cli("check", "--format", "json", "--cache-dir", str(cache), *args)


def entries(cache: Path) -> list[Path]:
    return sorted((cache / f"results-{ENTRY_FORMAT}").glob("*"))


def rules_found(result) -> list[tuple[str, str]]:
    """(file name, rule) for every finding of a --format json run."""
    return [
        (Path(file["path"]).name, finding["rule"])
        for file in json_output(result)["files"]
        for finding in file["findings"]
    ]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    write(folder / "a.md", "# Your scan\n\nPlease utilise the ramp. You may need an ECG.\n")
    write(folder / "b.txt", "The form was signed by the doctor. Prior to your visit, eat.\n")
    write(folder / "c.html", "<p>You may have chemotherapy.</p>")
    return folder


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (it holds `.git`) with a settings file; the current folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root / "plainlint.yaml", "rules:\n  long-sentence:\n    max_words: 25\n")
    monkeypatch.chdir(root)
    return root


# -- the same findings with and without the cache ------------------------------------------


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_a_cached_run_prints_what_the_first_run_and_a_run_without_cache_print(
    pages, tmp_path, output_format
):
    cache = tmp_path / "cache"
    args = ("check", "--format", output_format, "--cache-dir", str(cache), str(pages))
    first = run_cli(*args)
    assert len(entries(cache)) == 3
    second = run_cli(*args)
    uncached = run_cli("check", "--format", output_format, "--no-cache", str(pages))
    assert first.exit_code == second.exit_code == uncached.exit_code == 0
    assert "utilise" in first.stdout and "chemotherapy" in first.stdout
    assert second.stdout == first.stdout == uncached.stdout
    assert second.stderr == first.stderr == uncached.stderr == ""
    assert len(entries(cache)) == 3


def test_a_second_run_takes_its_findings_from_the_cache(pages, tmp_path):
    """An entry planted with a changed message shows: the file was not checked again."""
    cache = tmp_path / "cache"
    lint(cache, str(pages / "b.txt"))
    [entry] = entries(cache)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"][0]["message"] = "This came from the cache."
    entry.write_text(json.dumps(data), encoding="utf-8")
    messages = [
        f["message"] for f in json_output(lint(cache, str(pages / "b.txt")))["files"][0]["findings"]
    ]
    assert "This came from the cache." in messages


def test_one_entry_per_checked_file_named_by_its_key(pages, tmp_path):
    cache = tmp_path / "cache"
    lint(cache, str(pages))
    found = entries(cache)
    assert len(found) == 3
    for entry in found:
        assert re.fullmatch(r"[0-9a-f]{64}\.json", entry.name)
        data = json.loads(entry.read_text(encoding="utf-8"))
        assert data["key"] == entry.stem
        assert {"metrics", "findings"} <= set(data)


def test_the_cache_folder_holds_a_gitignore_that_ignores_everything(pages, tmp_path):
    cache = tmp_path / "cache"
    lint(cache, str(pages))
    lines = (cache / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "*" in lines
    assert all(line == "*" or line.startswith("#") for line in lines if line.strip())


def test_no_cache_neither_writes_nor_reads_the_cache(pages, tmp_path):
    cache = tmp_path / "cache"
    result = run_cli("check", "--no-cache", "--cache-dir", str(cache), str(pages))
    assert result.exit_code == 0
    assert not cache.exists()
    lint(cache, str(pages / "b.txt"))
    [entry] = entries(cache)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"] = []
    entry.write_text(json.dumps(data), encoding="utf-8")
    fresh = run_cli(
        "check", "--format", "json", "--no-cache", "--cache-dir", str(cache), str(pages / "b.txt")
    )
    assert json_output(fresh)["summary"]["findings"] == 2


def test_standard_input_goes_through_the_cache_under_its_name(tmp_path):
    cache = tmp_path / "cache"
    args = ["check", "--format", "json", "--cache-dir", str(cache), "--stdin-filename"]

    def run(name: str):
        return CliRunner().invoke(main, [*args, name, "-"], input=PLAIN, catch_exceptions=False)

    first = run("page.txt")
    assert rules_found(first) == [("page.txt", "plain-words")]
    assert len(entries(cache)) == 1
    assert run("page.txt").stdout == first.stdout
    assert len(entries(cache)) == 1
    assert rules_found(run("other.txt")) == [("other.txt", "plain-words")]
    assert len(entries(cache)) == 2


# -- what makes an entry stale ------------------------------------------------------------


def test_changed_file_text_is_checked_again(pages, tmp_path):
    cache = tmp_path / "cache"
    page = write(pages / "d.txt", CLEAN)
    assert rules_found(lint(cache, str(page))) == []
    page.write_text(PLAIN, encoding="utf-8")
    assert rules_found(lint(cache, str(page))) == [("d.txt", "plain-words")]
    assert len(entries(cache)) == 2


def test_the_same_text_at_another_path_is_checked_again(project, tmp_path):
    """Overrides pick rules by path, so a moved page may get other findings."""
    write(
        project / "plainlint.yaml",
        """\
        overrides:
          - files: ["professionals/**"]
            rules:
              plain-words:
                enabled: false
        """,
    )
    cache = tmp_path / "cache"
    write(project / "patients" / "a.txt", PLAIN)
    assert rules_found(lint(cache, "patients/a.txt")) == [("a.txt", "plain-words")]
    (project / "professionals").mkdir()
    (project / "patients" / "a.txt").rename(project / "professionals" / "a.txt")
    assert rules_found(lint(cache, "professionals/a.txt")) == []
    assert len(entries(cache)) == 2


def test_a_copy_of_a_file_gets_an_entry_of_its_own(pages, tmp_path):
    cache = tmp_path / "cache"
    lint(cache, str(pages))
    shutil.copy(pages / "b.txt", pages / "b-copy.txt")
    result = lint(cache, str(pages))
    assert len(entries(cache)) == 4
    assert ("b-copy.txt", "plain-words") in rules_found(result)


def test_a_changed_setting_in_the_settings_file_is_a_miss(project, tmp_path):
    cache = tmp_path / "cache"
    write(project / "a.txt", PLAIN)
    assert rules_found(lint(cache, "a.txt")) == [("a.txt", "plain-words")]
    write(project / "plainlint.yaml", "rules:\n  plain-words:\n    words:\n      utilise: null\n")
    assert rules_found(lint(cache, "a.txt")) == []


def test_a_new_override_in_the_settings_file_is_a_miss(project, tmp_path):
    cache = tmp_path / "cache"
    write(project / "a.txt", PLAIN)
    assert rules_found(lint(cache, "a.txt")) == [("a.txt", "plain-words")]
    write(
        project / "plainlint.yaml",
        'overrides:\n  - files: ["*.txt"]\n    rules:\n      plain-words:\n        severity: info\n',
    )
    [finding] = json_output(lint(cache, "a.txt"))["files"][0]["findings"]
    assert (finding["rule"], finding["severity"]) == ("plain-words", "info")


def test_a_changed_glossary_file_is_a_miss(project, tmp_path):
    cache = tmp_path / "cache"
    write(project / "plainlint.yaml", "glossary: [words.yaml]\n")
    words = write(
        project / "words.yaml",
        "entries:\n  - term: florbix scan\n    explanation: A scan of your ear.\n",
    )
    write(project / "a.md", "You will have a florbix scan next week.\n")

    def messages() -> list[str]:
        result = lint(cache, "--select", "unexplained-term", "a.md")
        return [f["message"] for f in json_output(result)["files"][0]["findings"]]

    [before] = messages()
    assert "A scan of your ear." in before
    words.write_text(
        "entries:\n  - term: florbix scan\n    explanation: A quick scan that looks in your ear.\n",
        encoding="utf-8",
    )
    [after] = messages()
    assert "A quick scan that looks in your ear." in after


@pytest.mark.parametrize(
    "options",
    [("--select", "plain-words"), ("--ignore", "plain-words"), ("--select", "long-sentence")],
)
def test_select_and_ignore_are_part_of_the_key(pages, tmp_path, options):
    cache = tmp_path / "cache"
    every = rules_found(lint(cache, str(pages)))
    assert ("a.md", "plain-words") in every and ("c.html", "unexplained-term") in every
    picked = rules_found(lint(cache, *options, str(pages)))
    uncached = rules_found(run_cli("check", "--format", "json", "--no-cache", *options, str(pages)))
    assert picked == uncached != every
    assert rules_found(lint(cache, str(pages))) == every


def _key(settings) -> str:
    return ResultsCache(Path("unused"), settings).key("page.md", "markdown", PLAIN)


@pytest.mark.parametrize(
    "change",
    ["plainlint version", "spacy version", "model version"],
)
def test_plainlint_spacy_and_model_versions_are_part_of_the_key(settings, monkeypatch, change):
    before = _key(settings)
    assert _key(settings) == before  # the key is stable while nothing changes
    versions = dict(results_cache._library_versions())
    assert "spacy" in versions
    if change == "plainlint version":
        monkeypatch.setattr(results_cache, "__version__", results_cache.__version__ + ".1")
    else:
        model = next(name for name in versions if name.startswith("en_core_web_sm"))
        versions["spacy" if change == "spacy version" else model] += ".post1"
        monkeypatch.setattr(results_cache, "_library_versions", lambda: versions)
    assert _key(settings) != before


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of plainlint's own files, which the cache fingerprints in place of the real ones."""
    copy = tmp_path / "package"
    shutil.copytree(
        Path(results_cache.__file__).parents[1], copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(results_cache, "_PACKAGE", copy)
    results_cache._package_fingerprint.cache_clear()
    yield copy
    results_cache._package_fingerprint.cache_clear()


@pytest.mark.parametrize(
    "name",
    [
        "run/engine.py",
        "language/words.py",
        "data/grammar_words.yaml",
        "data/syllables.txt.gz",
    ],
)
def test_a_change_to_any_of_plainlints_own_files_is_a_miss(settings, package_copy, name):
    before = _key(settings)
    path = package_copy / name
    path.write_bytes(path.read_bytes() + b"\n")
    results_cache._package_fingerprint.cache_clear()
    assert _key(settings) != before


# -- files that are not cached ------------------------------------------------------------


def test_a_file_that_cannot_be_read_is_not_cached(pages, tmp_path):
    cache = tmp_path / "cache"
    (pages / "binary.md").write_bytes(b"\x89PNG\x00\x01 not text")
    for _ in range(2):
        result = lint(cache, str(pages))
        assert result.exit_code == 2
        assert f"{pages / 'binary.md'}: this looks like a binary file" in result.stderr
        assert len(entries(cache)) == 3


def test_a_page_with_a_settings_mistake_is_not_cached_and_is_read_again_once_fixed(pages, tmp_path):
    cache = tmp_path / "cache"
    page = write(pages / "d.md", "---\nplainlint:\n  colour: red\n---\n" + PLAIN)
    for _ in range(2):
        result = lint(cache, str(page))
        assert result.exit_code == 2
        assert "unknown setting 'colour'" in result.stderr
        assert entries(cache) == []
    page.write_text("---\nplainlint:\n  skip_sections: []\n---\n" + PLAIN, encoding="utf-8")
    assert rules_found(lint(cache, str(page))) == [("d.md", "plain-words")]
    assert len(entries(cache)) == 1


# -- damaged and unwritable caches --------------------------------------------------------


def _damage(change):
    """Turn a function that changes an entry's data into one that changes its text."""

    def apply(text: str) -> str:
        data = json.loads(text)
        change(data)
        return json.dumps(data)

    return apply


DAMAGE = {
    "nested too deeply to read": lambda text: "[" * 200_000,
    "garbage": lambda text: "\x00\x07 this is not JSON {{{",
    "truncated": lambda text: text[: len(text) // 2],
    "empty": lambda text: "",
    "a JSON list": lambda text: "[]",
    "the key of another file": _damage(lambda data: data.update(key="0" * 64)),
    "a finding without its text": _damage(lambda data: data["findings"][0].pop("text")),
    "an unknown severity": _damage(lambda data: data["findings"][0].update(severity="fatal")),
    "a line that is not a number": _damage(lambda data: data["findings"][0].update(line="x")),
    "no metrics": _damage(lambda data: data.pop("metrics")),
    "an unknown metric": _damage(lambda data: data["metrics"].update(colour=3)),
    "a metric missing": _damage(lambda data: data["metrics"].pop("words")),
    "a metric that is not a number": _damage(lambda data: data["metrics"].update(words="many")),
    "findings that are not a list": _damage(lambda data: data.update(findings={})),
    "suggestions that are not a list": _damage(
        lambda data: data["findings"][0].update(suggestions="use")
    ),
    "a rule id that is not text": _damage(lambda data: data["findings"][0].update(rule=7)),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_entry_is_ignored_and_written_again(pages, tmp_path, damage):
    cache = tmp_path / "cache"
    target = str(pages / "b.txt")
    first = lint(cache, target)
    [entry] = entries(cache)
    good = entry.read_text(encoding="utf-8")
    entry.write_text(DAMAGE[damage](good), encoding="utf-8")
    again = lint(cache, target)
    assert (again.exit_code, again.stdout, again.stderr) == (first.exit_code, first.stdout, "")
    assert entries(cache) == [entry]
    assert json.loads(entry.read_text(encoding="utf-8")) == json.loads(good)


def test_a_cache_folder_that_cannot_be_made_is_given_up_silently(pages, tmp_path):
    """A file stands where the folder should be: even root cannot make it."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    uncached = run_cli("check", "--format", "json", "--no-cache", str(pages))
    result = lint(blocker / "cache", str(pages))
    assert (result.exit_code, result.stdout, result.stderr) == (
        uncached.exit_code,
        uncached.stdout,
        "",
    )
    assert blocker.read_text(encoding="utf-8") == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_a_read_only_cache_folder_is_given_up_silently(pages, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (pages / "bad.md").write_bytes(b"\xff\xfe\x00 binary")
    uncached = run_cli("check", "--format", "json", "--no-cache", str(pages))
    cache.chmod(0o500)
    try:
        result = lint(cache, str(pages))
    finally:
        cache.chmod(0o700)
    assert result.exit_code == uncached.exit_code == 2
    assert result.stdout == uncached.stdout
    assert result.stderr == uncached.stderr
    assert list(cache.iterdir()) == []


# -- where the cache goes -----------------------------------------------------------------


def test_cache_folder_chosen_folder_wins(project):
    chosen = project.parent / "elsewhere"
    settings = load_settings(discover_from=project)
    assert cache_folder(settings, project, chosen) == chosen


def test_cache_folder_beside_the_settings_file_found(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "site" / "plainlint.yaml", "rules: {}\n")
    start = repo / "site" / "docs" / "deep"
    start.mkdir(parents=True)
    settings = load_settings(discover_from=start)
    assert cache_folder(settings, start) == repo / "site" / ".plainlint_cache"


def test_cache_folder_at_the_top_of_the_git_repository_without_settings(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    start = repo / "docs" / "deep"
    start.mkdir(parents=True)
    settings = load_settings(discover_from=start)
    assert cache_folder(settings, start) == repo / ".plainlint_cache"


def test_cache_folder_outside_any_project_is_the_users_cache_folder(tmp_path, monkeypatch):
    outside = tmp_path / "loose"
    outside.mkdir()
    settings = load_settings(discover_from=outside)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder(settings, outside) == tmp_path / "xdg" / "plainlint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder(settings, outside) == tmp_path / "home" / ".cache" / "plainlint"


def test_cache_folder_outside_any_project_follows_the_systems_custom(tmp_path, monkeypatch):
    """macOS keeps caches in ~/Library/Caches, not in ~/.cache (Windows has its own place
    too, which cannot be shown on another system)."""
    import platformdirs

    outside = tmp_path / "loose"
    outside.mkdir()
    settings = load_settings(discover_from=outside)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(sys, "platform", "darwin")
    importlib.reload(platformdirs)
    try:
        expected = tmp_path / "home" / "Library" / "Caches" / "plainlint"
        assert cache_folder(settings, outside) == expected
    finally:
        monkeypatch.undo()
        importlib.reload(platformdirs)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def git_repo(tmp_path, monkeypatch):
    """A real git repository, the current folder, and no cache folder chosen."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    monkeypatch.delenv("PLAINLINT_CACHE_DIR")
    monkeypatch.chdir(repo)
    return repo


def test_a_run_keeps_its_cache_beside_the_settings_file_and_git_ignores_it(git_repo, monkeypatch):
    write(git_repo / "site" / "plainlint.yaml", "rules: {}\n")
    write(git_repo / "site" / "docs" / "a.md", PLAIN)
    monkeypatch.chdir(git_repo / "site" / "docs")
    result = run_cli("check", "a.md")
    assert result.exit_code == 0, result.stderr
    assert len(entries(git_repo / "site" / ".plainlint_cache")) == 1
    assert not (git_repo / ".plainlint_cache").exists()
    untracked = _git(git_repo, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert sorted(untracked) == ["?? site/docs/a.md", "?? site/plainlint.yaml"]


def test_a_run_without_settings_keeps_its_cache_at_the_top_of_the_repository(git_repo, monkeypatch):
    write(git_repo / "docs" / "a.md", PLAIN)
    monkeypatch.chdir(git_repo / "docs")
    assert run_cli("check", "a.md").exit_code == 0
    assert len(entries(git_repo / ".plainlint_cache")) == 1
    assert _git(git_repo, "status", "--porcelain", "--untracked-files=all").splitlines() == [
        "?? docs/a.md"
    ]


def test_a_run_outside_any_project_uses_the_users_cache_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PLAINLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    outside = tmp_path / "loose"
    write(outside / "a.md", PLAIN)
    monkeypatch.chdir(outside)
    assert run_cli("check", "a.md").exit_code == 0
    assert len(entries(tmp_path / "xdg" / "plainlint")) == 1
    assert not (outside / ".plainlint_cache").exists()


def test_the_environment_variable_wins_and_the_option_wins_over_it(git_repo, monkeypatch):
    write(git_repo / "plainlint.yaml", "rules: {}\n")
    write(git_repo / "a.md", PLAIN)
    from_env = git_repo.parent / "from-env"
    monkeypatch.setenv("PLAINLINT_CACHE_DIR", str(from_env))
    run_cli("check", "a.md")
    assert len(entries(from_env)) == 1
    from_option = git_repo.parent / "from-option"
    run_cli("check", "--cache-dir", str(from_option), "a.md")
    assert len(entries(from_option)) == 1
    assert len(entries(from_env)) == 1
    assert not (git_repo / ".plainlint_cache").exists()


# -- nothing heavy loads when every file is cached ----------------------------------------

PROBE = """\
import json, sys
from plainlint.language import glossary
from plainlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print(json.dumps({
    "exit": code,
    "spacy": "spacy" in sys.modules,
    "glossary_loads": glossary._load.cache_info().misses,
}))
"""


def test_a_fully_cached_run_imports_no_spacy_and_reads_no_glossary(pages, tmp_path):
    cache = tmp_path / "cache"
    command = [sys.executable, "-c", PROBE, "check", "--cache-dir", str(cache), str(pages)]

    def run() -> tuple[str, dict]:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        *output, probe = done.stdout.splitlines()
        return "\n".join(output), json.loads(probe)

    first_output, first = run()
    assert first == {"exit": 0, "spacy": True, "glossary_loads": 1}
    second_output, second = run()
    assert second == {"exit": 0, "spacy": False, "glossary_loads": 0}
    assert second_output == first_output
    assert "chemotherapy" in second_output


def test_a_cache_folder_that_was_there_already_gets_no_gitignore(pages, tmp_path):
    """`--cache-dir docs` must not hide someone's own files from git (or from plainlint)."""
    own = tmp_path / "docs"
    write(own / "a.md", PLAIN)
    lint(own, str(pages))
    assert not (own / ".gitignore").exists()
    assert len(entries(own)) == 3
    again = lint(own, str(own))
    assert rules_found(again) == [("a.md", "plain-words")]


def test_settings_with_keys_that_are_not_text_still_cache(tmp_path, monkeypatch):
    """YAML reads `2025:` as a number: the settings must still make a key."""
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "plainlint.yaml",
        """\
        overrides:
          - front_matter: {audience: professional, 2025: true}
            rules: {plain-words: {enabled: false}}
        """,
    )
    write(tmp_path / "a.md", PLAIN)
    cache = tmp_path / "cache"
    first, second = lint(cache, "a.md"), lint(cache, "a.md")
    assert first.stderr == "" and first.exit_code == second.exit_code == 0
    assert rules_found(first) == rules_found(second) == [("a.md", "plain-words")]
    assert len(entries(cache)) == 1
