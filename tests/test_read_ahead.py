"""Reading files ahead while the language model loads: a helper process that only ever
saves work. Whatever it reads must be what the workers would read, and whatever it fails
to read, the workers read themselves."""

from __future__ import annotations

import tempfile
import time

import pytest
from conftest import json_output, run_cli

from plainlint.documents import parse_document
from plainlint.run import read_ahead
from plainlint.run.read_ahead import ReadAhead

FILES = [
    (
        "a.md",
        "# Scans\n\nPlease utilise the ramp. You may need an [ECG](https://x.org).\n",
        "markdown",
    ),
    ("b.html", "<h1>Tests</h1><p>The form was signed by the doctor.</p>", "html"),
    ("c.txt", "Prior to your visit, drink water.\n", "text"),
]


def finished(helper: ReadAhead, groups: int) -> None:
    """Wait (a few seconds at most) until the helper has written every group."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if all((helper.folder / f"{n}.pickle").exists() for n in range(groups)):
            return
        time.sleep(0.02)
    pytest.fail("the helper did not read the groups")


def test_documents_read_ahead_are_the_documents_the_worker_would_read():
    groups = [FILES[:2], FILES[2:]]
    helper = ReadAhead.start(groups)
    try:
        finished(helper, 2)
        for number, group in enumerate(groups):
            assert helper.documents(number) == [parse_document(*file) for file in group]
    finally:
        helper.remove()
    assert not helper.folder.exists()


def test_a_file_the_helper_cannot_read_is_left_for_the_worker(monkeypatch):
    real = read_ahead.parse_document

    def fragile(name, source, format_name):
        if name == "b.html":
            raise ValueError("unexpected markup")
        return real(name, source, format_name)

    monkeypatch.setattr(read_ahead, "parse_document", fragile)
    helper = ReadAhead.start([FILES])
    try:
        finished(helper, 1)
        documents = helper.documents(0)
        assert documents is not None
        assert documents[1] is None
        assert documents[0] == parse_document(*FILES[0])
    finally:
        helper.remove()


def test_a_group_not_read_or_damaged_is_read_by_the_worker():
    helper = ReadAhead.start([])
    try:
        helper.stop()
        assert helper.documents(0) is None  # never written
        (helper.folder / "0.pickle").write_bytes(b"not a pickle")
        assert helper.documents(0) is None
    finally:
        helper.remove()


def test_the_helper_stops_when_asked_and_leaves_nothing_behind():
    many = [[(f"p{n}.md", "Please utilise the ramp.\n" * 2000, "markdown")] for n in range(200)]
    helper = ReadAhead.start(many)
    helper.stop()
    assert helper.process is not None and not helper.process.is_alive()
    helper.remove()
    assert not helper.folder.exists()


def test_a_worker_checks_documents_read_ahead_and_reads_the_rest_itself(settings):
    """What the worker does with a group the helper read in part: the same results as
    reading every file itself."""
    from plainlint.run.engine import Linter

    linter = Linter.create(settings)
    read = [parse_document(*FILES[0]), None, parse_document(*FILES[2])]
    assert linter.check_texts(FILES, read) == linter.check_texts(FILES)
    assert linter.check_texts(FILES, [None, None, None]) == linter.check_texts(FILES)


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(6):
        (folder / f"p{n}.md").write_text(
            f"# Page {n}\n\nPatients should utilise the ramp. The scan was done by the nurse "
            "and you may need chemotherapy.\n" * (n + 1),
            encoding="utf-8",
        )
    (folder / "p3.md").write_text("# Boom\n\nPlease utilise the ramp.\n", encoding="utf-8")
    return folder


def test_runs_with_workers_match_one_process_when_the_helper_fails(pages, monkeypatch):
    single = run_cli("check", "--no-cache", "--format", "json", "-j", "1", str(pages))

    def broken(name, source, format_name):
        raise ValueError("unexpected markup")

    monkeypatch.setattr(read_ahead, "parse_document", broken)
    several = run_cli("check", "--no-cache", "--format", "json", "-j", "2", str(pages))
    assert several.stdout == single.stdout
    assert json_output(several)["files"][3]["findings"]


def test_a_run_with_workers_leaves_no_folder_behind(pages, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    result = run_cli("check", "--no-cache", "-j", "2", str(pages))
    assert "utilise" in result.stdout
    assert list(scratch.iterdir()) == []
