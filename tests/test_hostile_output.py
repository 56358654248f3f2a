"""Output that cannot be written, file names and words that try to forge output, and
results cache entries that are well formed but cannot be true.

Writing the report: a full disk, a closed standard output or standard error, and a
reader that stops reading (`| head -1`) each end in one plain line (where standard
error is open) and the right exit code, never a traceback.

Names and words: a file name can hold a line break, a terminal escape or a character
that turns text around. Every format people read shows them as escapes, so a pull
request cannot forge a GitHub workflow command or recolour a terminal; the structured
formats stay valid documents.

The cache: an entry with NaN, a line 0, an end before its start, or an unknown rule
or severity is a miss, and NaN never reaches the JSON output.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import SENTENCE, WORDS, run_cli

from plainlint.findings import FileResult, Metrics
from plainlint.formatters import render
from plainlint.formatters.readable_json import readable_json
from plainlint.formatters.statistics import format_statistics_json
from plainlint.io.printable import one_line, printable
from plainlint.run.results_cache import ENTRY_FORMAT, ResultsCache
from plainlint.settings.loading import load_settings

PAGE = "# Visit\n\nPrior to your scan, please utilise the ramp.\n"
PLAINLINT = [sys.executable, "-m", "plainlint"]
RUN_LIMIT = 120  # seconds: loading the language model takes a few

needs_posix = pytest.mark.skipif(os.name != "posix", reason="POSIX streams and file names")


def run_plainlint(*args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """The real command in a process of its own, with its output as text."""
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([*PLAINLINT, *args], text=True, timeout=RUN_LIMIT, check=False, **options)


def strict_json(text: str) -> Any:
    """JSON as a strict reader takes it: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        (folder / name).write_text(PAGE, encoding="utf-8")
    return folder


# -- item 8: the report cannot be written --------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_told_in_one_line_with_exit_2(pages):
    with open("/dev/full", "w") as full:
        done = run_plainlint("check", "--no-cache", str(pages), stdout=full)
    assert done.returncode == 2
    assert done.stderr == (
        "plainlint: standard output: cannot write the report (No space left on device)\n"
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_for_another_command_is_one_line_too():
    with open("/dev/full", "w") as full:
        done = run_plainlint("rules", stdout=full)
    assert done.returncode == 2
    assert done.stderr == "plainlint: cannot write the output (No space left on device)\n"


@needs_posix
def test_a_closed_standard_output_is_told_in_one_line_with_exit_2(pages):
    done = subprocess.run(
        ["sh", "-c", '"$@" >&-', "sh", *PLAINLINT, "check", "--no-cache", str(pages)],
        capture_output=True,
        text=True,
        timeout=RUN_LIMIT,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "plainlint: standard output: cannot write the report (Bad file descriptor)\n"
    )


@needs_posix
@pytest.mark.parametrize(("unreadable", "status"), [(False, 0), (True, 2)])
def test_a_closed_standard_error_keeps_the_exit_code_and_the_report(
    pages, tmp_path, unreadable, status
):
    """Messages have nowhere to go; the exit code still says what happened, and the
    reports (standard output and a file) are whole."""
    wanted = [str(pages)] + ([str(pages / "missing.md")] if unreadable else [])
    report = tmp_path / "report.json"
    command = [*PLAINLINT, "check", "--no-cache", "--report", f"json={report}", *wanted]
    done = subprocess.run(
        ["sh", "-c", '"$@" 2>&-', "sh", *command],
        capture_output=True,
        text=True,
        timeout=RUN_LIMIT,
    )
    assert done.returncode == status
    assert done.stdout.splitlines()[-1].startswith("Found 4 problems in 2 files")
    assert len(strict_json(report.read_text(encoding="utf-8"))["files"]) == 2


def _file_size_limit() -> None:
    """In the child: no regular file may grow past 0 bytes, and going past the limit is
    an error (EFBIG), not the signal that would end the process."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


@needs_posix
@pytest.mark.parametrize("option", ["--output-file", "--report", "--sarif-file"])
def test_a_report_file_that_cannot_be_written_is_one_line_with_exit_2(pages, tmp_path, option):
    target = tmp_path / "out" / "report.txt"
    value = f"json={target}" if option == "--report" else str(target)
    done = run_plainlint(
        "check", "--no-cache", option, value, str(pages), preexec_fn=_file_size_limit
    )
    assert done.returncode == 2
    assert done.stderr == f"plainlint: {target}: cannot write the report here (File too large)\n"
    assert list(target.parent.iterdir()) == []  # no half report, no temporary file


@pytest.fixture
def full_disk(tmp_path: Path):
    """A folder on a file system with no room left; skipped where one cannot be made."""
    folder = tmp_path / "full"
    folder.mkdir()
    if shutil.which("mount") is None or os.name != "posix" or os.geteuid() != 0:
        pytest.skip("making a small file system needs root and mount")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(folder)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("this system does not let a test mount a file system")
    try:
        handle = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(handle, b"\0" * 4096):
                pass  # until the disk is full
        except OSError:
            pass
        finally:
            os.close(handle)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_report_on_a_full_disk_is_one_line_with_exit_2(pages, full_disk):
    target = full_disk / "report.json"
    done = run_plainlint("check", "--no-cache", "--report", f"json={target}", str(pages))
    assert done.returncode == 2
    assert done.stderr == (
        f"plainlint: {target}: cannot write the report here (No space left on device)\n"
    )
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]


def _big_page(folder: Path) -> Path:
    """A page whose report is far larger than a pipe holds (64 KB)."""
    page = folder / "big.md"
    page.write_text(
        "# Visit\n\n" + "".join(f"Please utilise the ramp {n}.\n\n" for n in range(600)),
        encoding="utf-8",
    )
    return page


@needs_posix
@pytest.mark.parametrize(("read_first", "fail_on"), [(False, "error"), (True, "warning")])
def test_a_reader_that_stops_reading_ends_the_run_quietly_with_its_own_exit_code(
    tmp_path, read_first, fail_on
):
    """`plainlint check | head -1`: the pipe closes before the report is written, or in
    the middle of it; either way no traceback and the exit code of the findings."""
    page = _big_page(tmp_path)
    command = [*PLAINLINT, "check", "--no-cache", "--fail-on", fail_on, str(page)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as piped:
        assert piped.stdout is not None and piped.stderr is not None
        if read_first:
            assert piped.stdout.readline().startswith(str(page).encode())
        piped.stdout.close()
        errors = piped.stderr.read()
        status = piped.wait(timeout=RUN_LIMIT)
    assert errors == b""
    assert status == (1 if fail_on == "warning" else 0)


@needs_posix
def test_a_reader_that_stops_reading_other_output_ends_it_quietly():
    with subprocess.Popen(
        [*PLAINLINT, "rules"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as piped:
        assert piped.stdout is not None and piped.stderr is not None
        piped.stdout.close()
        errors = piped.stderr.read()
        piped.wait(timeout=RUN_LIMIT)
    assert errors == b""


# -- item 16: names and words that would forge output ----------------------------------------

# A name for each kind of character that must not reach a person's screen as it is.
HOSTILE_NAMES = {
    "line break forging a workflow command": "a\n::error file=x.md::forged.md",
    "carriage return": "b\rc.md",
    "terminal title escape": "d\x1b]0;owned\x07.md",
    "C1 control sequence introducer": "e\x9b31mf.md",
    "DEL": "g\x7fh.md",
    "line separator": "i\u2028j.md",
    "paragraph separator": "k\u2029l.md",
    "right-to-left override": "m\u202edm.exe.md",
    "first strong isolate": "n\u2068o.md",
}
RAW = [
    "\r",
    "\x1b]",
    "\x07",
    "\x9b",
    "\x7f",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u2068",
]


# How some of them show; Markdown escapes the "\\" of an escape, and "]", once more.
SHOWN = {
    "a\\n::error file=x.md::forged.md": "a\\\\n::error file=x.md::forged.md",
    "m\\u202edm.exe.md": "m\\\\u202edm.exe.md",
    "d\\x1b]0;owned\\x07.md": "d\\\\x1b\\]0;owned\\\\x07.md",
    "b\\rc.md": "b\\\\rc.md",
}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A folder of pages with hostile names; skipped where the system refuses them."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name in HOSTILE_NAMES.values():
        try:
            (folder / name).write_text(PAGE, encoding="utf-8")
        except (OSError, ValueError):
            pytest.skip("this file system does not take such names")
    return folder


@pytest.mark.parametrize("output_format", ["text", "concise", "markdown"])
def test_hostile_file_names_are_escaped_in_the_formats_people_read(hostile, output_format):
    result = run_cli(
        "check", "--no-cache", "--color", "always", "--format", output_format, str(hostile)
    )
    out = result.stdout
    assert result.exit_code == 0, result.stderr
    for raw in RAW:
        assert raw not in out, repr(raw)
    assert not any(line.startswith("::") for line in out.splitlines())
    for plain, markdown in SHOWN.items():
        assert (markdown if output_format == "markdown" else plain) in out


def test_hostile_file_names_on_standard_error_stay_on_one_line(tmp_path):
    missing = tmp_path / "x\n::error file=y.md::forged\x1b[2J.md"
    result = run_cli("check", "--no-cache", str(missing))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("plainlint: ") and "\x1b" not in line
    assert "x\\n::error file=y.md::forged\\x1b[2J.md" in line


@pytest.mark.parametrize(
    "args",
    [
        ("config", "nope\n::error::x"),  # a mistake plainlint tells
        ("check", "--format", "nope\n::error::x"),  # a usage mistake click finds
    ],
)
def test_a_mistake_naming_hostile_text_stays_on_one_line(args):
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "nope\\n::error::x" in result.stderr


def test_the_config_command_escapes_the_path_it_names(hostile):
    page = hostile / HOSTILE_NAMES["line break forging a workflow command"]
    result = run_cli("config", str(page))
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first == f"# Settings for {hostile}/a\\n::error file=x.md::forged.md"
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


@pytest.mark.parametrize("output_format", ["json", "sarif", "gitlab"])
def test_hostile_file_names_keep_the_json_formats_valid(hostile, output_format):
    result = run_cli("check", "--no-cache", "--format", output_format, str(hostile))
    document = strict_json(result.stdout)
    text = json.dumps(document, ensure_ascii=False)
    for name in HOSTILE_NAMES.values():
        assert json.dumps(name, ensure_ascii=False)[1:-1] in text or output_format == "sarif"
    if output_format == "json":
        shown = {Path(file["path"]).name for file in document["files"]}
        assert shown == set(HOSTILE_NAMES.values())


def test_hostile_file_names_keep_junit_valid_xml(hostile):
    result = run_cli("check", "--no-cache", "--format", "junit", str(hostile))
    suite = ET.fromstring(result.stdout.encode("utf-8"))
    assert suite.get("tests") == str(2 * len(HOSTILE_NAMES))


def test_hostile_file_names_give_one_github_command_per_finding(hostile):
    result = run_cli("check", "--no-cache", "--format", "github", str(hostile))
    lines = result.stdout.rstrip("\n").split("\n")  # the runner reads lines as "\n" ends them
    assert len(lines) == 2 * len(HOSTILE_NAMES)
    assert all(line.startswith("::warning file=") for line in lines)


def test_words_quoted_from_a_page_are_escaped_in_the_text_format():
    """A message, the words it quotes and a suggestion can hold what a page holds."""
    finding = replace(
        WORDS,
        text="util\x1b[2Jise",
        message="Try “use” instead of “util\x1b[2Jise\u202e”.\n::error::forged",
        suggestions=("u\u2066se",),
    )
    shown = render("text", [FileResult("page.md", findings=[finding])])
    for format_name in ("concise", "markdown"):
        shown += render(format_name, [FileResult("page.md", findings=[finding])])
    assert "\x1b[2J" not in shown and "\u202e" not in shown and "\u2066" not in shown
    assert not any(line.startswith("::") for line in shown.splitlines())
    assert "“util\\x1b[2Jise\\u202e”. ::error::forged" in shown
    assert "suggestion: u\\u2066se" in shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("notes/visit.md", "notes/visit.md"),
        ("Zürich – café 😀.md", "Zürich – café 😀.md"),
        ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\r\\nb"),
        ("tab\there", "tab\\there"),
        ("\x00\x1b\x7f", "\\x00\\x1b\\x7f"),
        ("\x85\x9b\x9f", "\\x85\\x9b\\x9f"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("\u202a\u202b\u202c\u202d\u202e", "\\u202a\\u202b\\u202c\\u202d\\u202e"),
        ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),
        (os.fsdecode(b"bad\xff.md"), "bad\\xff.md"),  # a byte that is not UTF-8
        ("C:\\notes\\visit.md", "C:\\notes\\visit.md"),  # backslashes stay as they are
    ],
)
def test_printable_escapes_exactly_the_unsafe_characters(text, shown):
    assert printable(text) == shown


def test_one_line_makes_line_breaks_spaces_and_escapes_the_rest():
    assert one_line("Prior\r\nto your\n\nscan\x1b") == "Prior to your scan\\x1b"


# -- item 18: cache entries that cannot be true, and NaN in JSON ------------------------------


def lint(cache: Path, *args: str):
    return run_cli("check", "--format", "json", "--cache-dir", str(cache), *args)


def entries(cache: Path) -> list[Path]:
    return sorted((cache / f"results-{ENTRY_FORMAT}").glob("*.json"))


def _change(change):
    def apply(text: str) -> str:
        data = json.loads(text)
        change(data)
        return json.dumps(data)  # writes NaN and Infinity as Python does

    return apply


def _first(data: dict[str, Any]) -> dict[str, Any]:
    finding: dict[str, Any] = data["findings"][0]
    return finding


UNTRUE = {
    "NaN reading ease": _change(lambda d: d["metrics"].update(flesch_reading_ease=math.nan)),
    "infinite grade": _change(lambda d: d["metrics"].update(flesch_kincaid_grade=math.inf)),
    "NaN share of passive sentences": _change(
        lambda d: d["metrics"].update(passive_sentences_percent=math.nan)
    ),
    "a share over 100": _change(lambda d: d["metrics"].update(passive_sentences_percent=150)),
    "a negative word count": _change(lambda d: d["metrics"].update(words=-3)),
    "a negative average": _change(lambda d: d["metrics"].update(average_sentence_words=-1.5)),
    "a negative line": _change(lambda d: _first(d).update(line=-1)),
    "line 0": _change(lambda d: _first(d).update(line=0, end_line=0)),
    "column 0": _change(lambda d: _first(d).update(column=0)),
    "end column 0": _change(lambda d: _first(d).update(end_column=0)),
    "an end line before the start": _change(
        lambda d: _first(d).update(end_line=_first(d)["line"] - 1)
    ),
    "an end column before the start": _change(
        lambda d: _first(d).update(end_column=_first(d)["column"] - 1)
    ),
    "an unknown severity": _change(lambda d: _first(d).update(severity="critical")),
    "an unknown rule": _change(lambda d: _first(d).update(rule="no-such-rule")),
}


@pytest.mark.parametrize("untrue", list(UNTRUE))
def test_an_entry_that_cannot_be_true_is_a_miss_and_written_again(pages, tmp_path, untrue):
    cache = tmp_path / "cache"
    target = str(pages / "a.md")
    first = lint(cache, target)
    [entry] = entries(cache)
    good = entry.read_text(encoding="utf-8")
    entry.write_text(UNTRUE[untrue](good), encoding="utf-8")
    again = lint(cache, target)
    assert (again.exit_code, again.stdout, again.stderr) == (first.exit_code, first.stdout, "")
    strict_json(again.stdout)
    assert json.loads(entry.read_text(encoding="utf-8")) == json.loads(good)


def test_a_folder_at_one_entrys_path_skips_that_entry_only(pages, tmp_path):
    cache = tmp_path / "cache"
    lint(cache, str(pages / "a.md"))
    [blocked] = entries(cache)
    blocked.unlink()
    blocked.mkdir()  # a folder stands where a.md's entry goes
    (pages / "c.md").write_text(PAGE, encoding="utf-8")
    uncached = run_cli("check", "--format", "json", "--no-cache", str(pages))
    result = lint(cache, str(pages))
    assert (result.exit_code, result.stdout, result.stderr) == (
        uncached.exit_code,
        uncached.stdout,
        "",
    )
    assert blocked.is_dir()
    assert len([e for e in entries(cache) if e.is_file()]) == 2  # b.md and c.md: written


@needs_posix
@pytest.mark.timeout(RUN_LIMIT + 60)
def test_a_pipe_at_an_entrys_path_is_a_miss_without_waiting(pages, tmp_path):
    """Reading the pipe would wait for a writer that never comes."""
    cache = tmp_path / "cache"
    lint(cache, str(pages / "a.md"))
    [entry] = entries(cache)
    entry.unlink()
    os.mkfifo(entry)
    done = run_plainlint("check", "--format", "json", "--cache-dir", str(cache), str(pages))
    assert done.returncode == 0, done.stderr
    assert len(strict_json(done.stdout)["files"]) == 2
    assert len([e for e in entries(cache) if e.is_file()]) >= 1  # b.md's: written


def test_a_result_with_a_figure_json_cannot_hold_is_not_stored(tmp_path):
    cache = ResultsCache(tmp_path / "cache", load_settings())
    cache.put("0" * 64, FileResult("a.md", Metrics(words=10, smog_index=math.nan)))
    cache.put("1" * 64, FileResult("b.md", Metrics(words=10), [WORDS]))
    assert [e.name for e in entries(tmp_path / "cache")] == ["1" * 64 + ".json"]
    assert cache.get("1" * 64, "b.md") == FileResult("b.md", Metrics(words=10), [WORDS])


NOT_FINITE = Metrics(
    words=12,
    sentences=1,
    average_sentence_words=math.nan,
    flesch_reading_ease=math.inf,
    flesch_kincaid_grade=-math.inf,
    smog_index=math.nan,
    passive_sentences_percent=math.nan,
)


@pytest.mark.parametrize("output_format", ["json", "sarif", "gitlab"])
def test_the_json_formats_never_hold_nan_or_infinity(output_format):
    results = [FileResult("page.md", NOT_FINITE, [WORDS, SENTENCE])]
    document = strict_json(render(output_format, results))
    if output_format == "json":
        metrics = document["files"][0]["metrics"]
        assert metrics["words"] == 12
        assert metrics["flesch_reading_ease"] is None
        assert metrics["flesch_kincaid_grade"] is None
        assert metrics["passive_sentences_percent"] is None


def test_readable_json_writes_null_for_numbers_json_lacks_at_every_depth():
    value = {"a": math.nan, "b": [math.inf, (1.5, -math.inf)], "c": {1: math.nan}}
    for flat_from in (0, 1, 3):
        assert strict_json(readable_json(value, flat_from)) == {
            "a": None,
            "b": [None, [1.5, None]],
            "c": {"1": None},
        }


def test_statistics_as_json_are_strict_json():
    assert strict_json(format_statistics_json([FileResult("page.md", NOT_FINITE, [WORDS])]))


@pytest.mark.parametrize("output", ["text", "concise"])
def test_a_name_that_starts_like_a_workflow_command_cannot_be_one(tmp_path, monkeypatch, output):
    monkeypatch.chdir(tmp_path)
    Path("::error file=x::boom.md").write_text("Please utilise the ramp.\n")
    result = run_cli("check", "--no-cache", "--format", output, "::error file=x::boom.md")
    assert not any(line.startswith("::") for line in result.stdout.splitlines())
    assert result.stdout.startswith("./::error file=x::boom.md:1:8: warning plain-words")
