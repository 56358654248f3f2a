"""Bad input: one clear line naming the file and the reason, exit 2, other files still checked."""

from __future__ import annotations

import os

import pytest
from conftest import json_output, run_cli


@pytest.fixture
def good(tmp_path):
    page = tmp_path / "good.md"
    page.write_text("Please utilise the ramp.\n")
    return page


def assert_reported(result, path, reason):
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert errors == [f"plainlint: {path}: {reason}"] or any(
        line.startswith(f"plainlint: {path}: ") and reason in line for line in errors
    )
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_path(tmp_path, good):
    missing = tmp_path / "missing.md"
    result = run_cli("check", str(missing), str(good))
    assert_reported(result, missing, "no such file or folder")
    assert (
        "Found 1 problem in 1 file (1 warning). 1 can be fixed with --fix. plainlint could not check 1 file."
        in result.stdout
    )


def test_binary_file(tmp_path, good):
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_reported(run_cli("check", str(binary), str(good)), binary, "binary file")


def test_invalid_utf8_names_the_place(tmp_path, good):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Line one\nCaf\xe9 au lait\n".encode("latin-1"))
    result = run_cli("check", "--format", "json", str(latin), str(good))
    assert_reported(result, latin, "not UTF-8 text (unreadable byte at line 2, column 4)")
    assert [f["path"] for f in json_output(result)["files"]] == [str(good)]


def test_utf8_with_bom_is_fine(tmp_path):
    page = tmp_path / "bom.md"
    page.write_bytes("\ufeffPlease utilise it.\n".encode("utf-8"))
    result = run_cli("check", "--format", "json", str(page))
    assert result.exit_code == 0
    [finding] = json_output(result)["files"][0]["findings"]
    assert (finding["line"], finding["column"], finding["text"]) == (1, 8, "utilise")


@pytest.mark.parametrize("name", ["empty.md", "empty.html", "empty.txt"])
def test_empty_file_has_no_findings_and_no_error(tmp_path, name):
    page = tmp_path / name
    page.write_text("")
    result = run_cli("check", "--format", "json", str(page))
    assert result.exit_code == 0
    assert json_output(result)["files"][0]["findings"] == []


def test_whitespace_only_and_markup_only_files(tmp_path):
    (tmp_path / "blank.md").write_text("\n\n   \n")
    (tmp_path / "tags.html").write_text("<html><body><div></div></body></html>")
    (tmp_path / "code.md").write_text("```\nonly code\n```\n")
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 0
    assert "No problems found in 3 files." in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path, good):
    locked = tmp_path / "locked.md"
    locked.write_text("Hello.\n")
    locked.chmod(0)
    assert_reported(run_cli("check", str(locked), str(good)), locked, "permission denied")


def test_pipe_named_directly_is_not_read_and_one_in_a_folder_is_skipped(tmp_path, good):
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    assert_reported(run_cli("check", str(pipe), str(good)), pipe, "not a regular file")
    result = run_cli("check", str(tmp_path))  # would hang if the pipe were opened
    assert result.exit_code == 0
    assert "in 1 file" in result.stdout


def test_unknown_extension_named_directly(tmp_path, good):
    doc = tmp_path / "leaflet.docx"
    doc.write_bytes(b"PK\x03\x04")
    assert_reported(run_cli("check", str(doc), str(good)), doc, "does not check '.docx' files")


def test_a_file_over_five_megabytes_is_checked_when_the_limit_allows(tmp_path):
    """A big export: a log in a code block, a long table, and prose with a finding at the end.
    It is over the built-in max_file_size, so the project raises the limit."""
    (tmp_path / "plainlint.yaml").write_text("max_file_size: 6 MB\n")
    log = "```\n" + "2024-05-01 12:00:00 utilise prior to commence\n" * 115_000 + "```\n\n"
    table = "| Day | What happens |\n|---|---|\n" + "| 1 | Blood test |\n" * 2_000
    prose = "\n".join("You can eat and drink as normal after your scan." for _ in range(2000))
    source = log + table + "\n" + prose + "\n\nPlease utilise the ramp.\n"
    assert len(source.encode()) > 5 * 1024 * 1024
    page = tmp_path / "big.md"
    page.write_text(source)
    result = run_cli("check", "--format", "json", "--select", "plain-words", str(page))
    assert result.exit_code == 0, result.stderr
    [finding] = json_output(result)["files"][0]["findings"]
    assert (finding["line"], finding["column"], finding["text"]) == (
        source.count("\n"),
        8,
        "utilise",
    )


def test_one_huge_paragraph_is_checked(tmp_path):
    page = tmp_path / "wall.txt"
    page.write_text("Please utilise the ramp. " * 8000)
    result = run_cli("check", "--format", "json", "--select", "plain-words", str(page))
    findings = json_output(result)["files"][0]["findings"]
    assert len(findings) == 8000
    assert findings[-1]["column"] == 25 * 7999 + 8


def test_deeply_nested_markup_does_not_crash(tmp_path):
    page = tmp_path / "nested.md"
    page.write_text(">" * 3000 + " Please utilise it.\n" + "<div>" * 3000 + "\n")
    result = run_cli("check", str(page))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 2)


def test_an_unexpected_failure_in_one_file_is_reported_and_the_rest_are_checked(
    tmp_path, good, monkeypatch
):
    """A bug met on one page gives one line naming it, not a traceback."""
    import plainlint.run.engine as engine

    real = engine.parse_document

    def fragile(path, source, fmt):
        if "boom" in source:
            raise ValueError("unexpected markup")
        return real(path, source, fmt)

    monkeypatch.setattr(engine, "parse_document", fragile)
    bad = tmp_path / "bad.md"
    bad.write_text("boom\n")
    result = run_cli("check", str(bad), str(good))
    assert_reported(result, bad, "could not check this file (ValueError: unexpected markup)")
    assert "1 problem in 1 file" in result.stdout
