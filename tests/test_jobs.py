"""--jobs N: files checked in forked worker processes, with output in the same order as
one job, errors included.

Runs use --no-cache, so that each run really checks its files (apart from the test of
files already cached). Forks are counted with os.register_at_fork, so a test can tell
that a run used workers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import json_output, run_cli

_FORKS: list[int] = []
_COUNTING: list[bool] = []


def _count_fork() -> None:
    if _COUNTING:
        _FORKS.append(1)


os.register_at_fork(after_in_parent=_count_fork)


def counted(*args: str):
    """An in-process `plainlint` run, and how many processes it forked."""
    _FORKS.clear()
    _COUNTING.append(True)
    try:
        result = run_cli(*args)
    finally:
        _COUNTING.clear()
    return result, len(_FORKS)


def checked(*args: str):
    """An in-process `plainlint check --no-cache` run, and how many processes it forked."""
    return counted("check", "--no-cache", *args)


# Runs with workers also start one helper that reads files while the model loads.
HELPER = 1


LONG_PAGE = "\n\n".join(
    f"Patients should utilise the ramp number {n} when they come to the clinic for the "
    "scan, and the nurse will be able to help them if they ask at the front desk of the "
    "building where the imaging department can be found on the ground floor today."
    for n in range(40)
)

PAGES = {
    # The first page is much longer than the rest: a worker that finishes late must not
    # move its results down the list.
    "a-long.md": f"# Getting to your scan\n\n{LONG_PAGE}\n",
    "b.html": "<h1>Tests</h1><p>Please utilise the lift. You may need an ECG.</p>",
    "c.txt": "The form was signed by the doctor. Prior to your visit, drink water.\n",
    "d-bad-settings.md": (
        "---\nplainlint:\n  rules:\n    plain-words:\n      enabld: false\n---\n"
        "Please utilise the ramp.\n"
    ),
    "e-binary.md": b"\xff\xfe\x00\x01 not text \x00\x00",
    "f-clean.html": "<p>You can go home today.</p>",
    "g.markdown": "# Chemotherapy\n\nYou may have chemotherapy.\n\n- one\n- two\n",
    "h-own-settings.md": (
        "---\nplainlint:\n  rules:\n    plain-words:\n      enabled: false\n---\n"
        "Please utilise the ramp. Commence the fast at midnight.\n"
    ),
    "i-latin1.txt": "Caf\xe9 menu: please utilise it.\n".encode("latin-1"),
}


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, content in PAGES.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_one_two_and_three_jobs_give_the_same_output_byte_for_byte(pages, output_format):
    single, forks = checked("--format", output_format, "-j", "1", str(pages))
    assert forks == 0
    assert single.exit_code == 2  # two files could not be read or set up
    errors = single.stderr.splitlines()
    assert [line.split(": ")[1] for line in errors] == [
        str(pages / "d-bad-settings.md"),
        str(pages / "e-binary.md"),
        str(pages / "i-latin1.txt"),
    ]
    assert "utilise" in single.stdout and "chemotherapy" in single.stdout
    for jobs in ("2", "3"):
        several, forks = checked("--format", output_format, "-j", jobs, str(pages))
        assert forks == int(jobs) + HELPER, "the run did not use worker processes"
        assert several.exit_code == single.exit_code
        assert several.stdout == single.stdout
        assert several.stderr == single.stderr


def test_json_files_keep_the_order_of_the_folder_walk_with_workers(pages):
    result, forks = checked("--format", "json", "-j", "3", str(pages))
    assert forks == 3 + HELPER
    shown = [Path(file["path"]).name for file in json_output(result)["files"]]
    readable = ["a-long.md", "b.html", "c.txt", "f-clean.html", "g.markdown", "h-own-settings.md"]
    assert shown == readable
    long_page = json_output(result)["files"][0]
    assert len([f for f in long_page["findings"] if f["rule"] == "plain-words"]) == 40


def test_without_jobs_there_is_a_worker_for_each_core(pages):
    cores = len(os.sched_getaffinity(0))
    single, _ = checked("--format", "json", "-j", "1", str(pages))
    result, forks = checked("--format", "json", str(pages))
    if cores == 1:
        assert forks == 0
    else:  # seven pages to check: more than one worker, and never more than the cores
        assert 2 + HELPER <= forks <= cores + HELPER
    assert result.stdout == single.stdout


def test_a_file_of_unknown_type_named_in_the_middle_keeps_its_place(pages):
    (pages / "notes.docx").write_bytes(b"PK\x03\x04")
    named = [
        str(pages / "c.txt"),
        str(pages / "b.html"),
        str(pages / "notes.docx"),
        str(pages / "g.markdown"),
        str(pages / "a-long.md"),
        str(pages / "e-binary.md"),
        str(pages / "f-clean.html"),
    ]
    single, _ = checked("--format", "json", "-j", "1", *named)
    several, forks = checked("--format", "json", "-j", "2", *named)
    assert forks == 2 + HELPER
    assert several.stdout == single.stdout
    assert several.stderr == single.stderr
    assert [line.split(": ")[1] for line in several.stderr.splitlines()] == [
        str(pages / "notes.docx"),
        str(pages / "e-binary.md"),
    ]
    assert "does not check '.docx' files" in several.stderr
    assert [Path(f["path"]).name for f in json_output(several)["files"]] == [
        "c.txt",
        "b.html",
        "g.markdown",
        "a-long.md",
        "f-clean.html",
    ]


@pytest.mark.parametrize("jobs", ["0", "-1", "many"])
def test_jobs_below_one_or_not_a_number_is_a_usage_error(pages, jobs):
    result = run_cli("check", "--no-cache", "-j", jobs, str(pages))
    assert result.exit_code == 2
    assert "--jobs" in result.stderr
    assert result.stdout == ""


def test_fewer_than_four_files_to_check_use_one_process(tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Please utilise ramp {n}.\n")
    three, forks = checked("--format", "json", "-j", "4", str(tmp_path))
    assert forks == 0
    assert len(json_output(three)["files"]) == 3
    (tmp_path / "3.txt").write_text("Please utilise ramp 3.\n")
    four, forks = checked("--format", "json", "-j", "4", str(tmp_path))
    assert forks >= 2 + HELPER
    assert len(json_output(four)["files"]) == 4


def test_files_already_in_the_cache_do_not_count_towards_starting_workers(tmp_path):
    folder, cache = tmp_path / "pages", tmp_path / "cache"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.txt").write_text(f"Please utilise ramp {n}.\n")
    run_cli("check", "--cache-dir", str(cache), str(folder))
    for n in range(5, 8):
        (folder / f"{n}.txt").write_text(f"Please utilise ramp {n}.\n")
    result, forks = counted(
        "check", "--format", "json", "--cache-dir", str(cache), "-j", "4", str(folder)
    )
    assert forks == 0  # three files to check: one process
    assert [Path(f["path"]).name for f in json_output(result)["files"]] == [
        f"{n}.txt" for n in range(8)
    ]


def test_a_settings_mistake_in_a_pages_front_matter_stays_that_files_error(pages):
    result, forks = checked("--format", "json", "-j", "2", str(pages))
    assert forks == 2 + HELPER
    assert result.exit_code == 2
    assert (
        f"plainlint: {pages / 'd-bad-settings.md'}: line 5: 'plain-words' has no option 'enabld'"
        in result.stderr
    )
    report = json_output(result)
    assert report["summary"]["files"] == 6  # every other readable page was still checked
    assert "d-bad-settings.md" not in result.stdout


def test_a_settings_error_raised_in_a_worker_stops_the_run_with_one_line(tmp_path, monkeypatch):
    """The project glossary is broken, but only pages that switch on a glossary rule read it.

    Such a page is checked in a worker, so the error starts there.
    """
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "glossary.yaml").write_text("entries:\n  - term: gland\n")  # no explanation
    (tmp_path / "plainlint.yaml").write_text(
        textwrap.dedent(
            """\
            glossary: [glossary.yaml]
            rules:
              unexplained-term: {enabled: false}
              unexplained-abbreviation: {enabled: false}
              jargon: {enabled: false}
            """
        )
    )
    for n in range(6):
        (tmp_path / f"{n}.md").write_text(f"Please utilise ramp {n}.\n")
    (tmp_path / "3.md").write_text(
        "---\nplainlint:\n  rules:\n    unexplained-term: {enabled: true}\n---\nA gland.\n"
    )
    single, _ = checked("-j", "1", ".")
    several, forks = checked("-j", "2", ".")
    assert forks == 2 + HELPER
    for result in (single, several):
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"plainlint: {tmp_path / 'glossary.yaml'}")
    assert several.stderr == single.stderr


@pytest.mark.parametrize("jobs", [[], ["-j", "1"], ["-j", "4"]])
def test_a_single_file_is_checked_in_this_process_with_any_number_of_jobs(tmp_path, jobs):
    page = tmp_path / "one.txt"
    page.write_text("Please utilise the ramp.\n", encoding="utf-8")
    result, forks = checked("--format", "json", *jobs, str(page))
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no crash
    assert forks == 0
    [file] = json_output(result)["files"]
    assert [f["rule"] for f in file["findings"]] == ["plain-words"]


def test_a_worker_that_dies_ends_the_run_with_one_line_not_a_wait(tmp_path):
    """The out-of-memory killer ends a worker at once: the run must say so and stop."""
    for n in range(6):
        (tmp_path / f"{n}.txt").write_text(f"Please utilise ramp {n}.\n", encoding="utf-8")
    script = (
        "import os, sys\n"
        "from plainlint.run import runner\n"
        "parent = os.getpid()\n"
        "def dies(group):\n"
        "    if os.getpid() != parent:\n"
        "        os._exit(9)\n"
        "runner._check_group = dies\n"
        "from plainlint.cli import main\n"
        f"sys.argv = ['plainlint', 'check', '--no-cache', '-j', '2', {str(tmp_path)!r}]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "plainlint: a worker process: stopped before it finished, perhaps because the "
        "computer ran out of memory. Try again with --jobs 1"
    ]


# -- groups of files: equal work, smaller at the end --------------------------------------


def _jobs(sizes: list[int]):
    from plainlint.run.runner import _Job

    return [_Job(f"page{n}.md", "x" * size, "markdown", None) for n, size in enumerate(sizes)]


def test_one_worker_checks_files_in_groups_of_sixteen():
    from plainlint.run.runner import GROUP_SIZE, _groups

    jobs = _jobs([1000] * 40)
    groups = _groups(jobs, 1)
    assert [len(group) for group in groups] == [GROUP_SIZE, GROUP_SIZE, 40 - 2 * GROUP_SIZE]
    assert [job for group in groups for job in group] == jobs


def test_groups_for_several_workers_keep_order_and_shrink_towards_the_end():
    from plainlint.run.runner import GROUP_SIZE, MIN_GROUP_TEXT, _groups

    sizes = [3_000, 90_000, 2_000] * 40 + [9_000] * 80  # long pages here and there
    jobs = _jobs(sizes)
    groups = _groups(jobs, 2)
    assert [job for group in groups for job in group] == jobs  # every file once, in order
    assert all(1 <= len(group) <= GROUP_SIZE for group in groups)
    text = [sum(len(job.source) for job in group) for group in groups]
    assert text[-1] < text[0] / 4  # the last group is a small one
    remaining = sum(sizes)
    for group, size in zip(groups[:-1], text):
        share = max(MIN_GROUP_TEXT, remaining // 6)  # a third of each worker's share
        # a group stops at its share of the text, at 16 files, or with the file that passes it
        assert len(group) == GROUP_SIZE or size - len(group[-1].source) < share
        remaining -= size
