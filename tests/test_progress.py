"""The progress bar: when it is drawn, redrawn and rubbed out (on a fake terminal), when
it is wanted at all, and real runs on a real terminal."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plainlint.run.progress import (
    BAR_WIDTH,
    DELAY,
    Progress,
    progress_delay,
    progress_wanted,
)

LONG = 3600.0  # a delay no test lasts


class Terminal(io.StringIO):
    """Text written to a terminal, kept to look at."""

    def isatty(self) -> bool:
        return True

    def drawings(self) -> list[str]:
        """Each state of the line, in order: what each carriage return started."""
        return [part for part in self.getvalue().split("\r") if part.strip()]


def bar(done: int, total: int) -> str:
    filled = BAR_WIDTH * done // total
    return f"Checking [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} files"


@pytest.fixture
def terminal() -> Terminal:
    return Terminal()


def test_nothing_is_drawn_before_the_delay(terminal):
    progress = Progress(10, terminal, delay=LONG)
    for _ in range(5):
        progress.advance()
    assert progress.done == 5
    assert terminal.getvalue() == ""
    progress.close()
    assert terminal.getvalue() == ""  # nothing drawn, so nothing to rub out


def test_the_bar_is_drawn_once_the_delay_has_passed(terminal):
    progress = Progress(10, terminal, delay=0.05)
    progress.advance()
    assert terminal.getvalue() == ""
    time.sleep(0.2)
    progress.advance()
    assert terminal.drawings()[-1].rstrip() == bar(2, 10)
    assert "#" * 6 + "." * 24 in terminal.getvalue()  # 2 of 10: a fifth of the bar


def test_the_delay_counts_from_the_start_not_from_the_first_file(terminal):
    progress = Progress(4, terminal, delay=0.05)
    time.sleep(0.2)  # the model loading, before any file is done
    progress.advance()
    assert terminal.drawings()[-1].rstrip() == bar(1, 4)


def test_quick_files_are_not_all_drawn(terminal):
    """The bar redraws at most every tenth of a second, not once per file."""
    progress = Progress(1000, terminal, delay=0)
    for _ in range(999):
        progress.advance()
    assert progress.done == 999
    assert 1 <= len(terminal.drawings()) < 50


def test_the_last_file_is_always_drawn(terminal):
    progress = Progress(3, terminal, delay=0)
    for _ in range(3):
        progress.advance()  # each far less than a tenth of a second after the last
    assert terminal.drawings()[-1].rstrip() == bar(3, 3)
    assert terminal.getvalue().rstrip().endswith(f"[{'#' * BAR_WIDTH}] 3/3 files")


def test_the_total_can_grow_as_files_are_found(terminal):
    progress = Progress(0, terminal, delay=0)
    progress.total += 2
    progress.advance()
    progress.total += 2
    progress.advance(3)
    assert (progress.done, progress.total) == (4, 4)
    assert terminal.drawings()[-1].rstrip() == bar(4, 4)


def test_close_rubs_out_the_line_it_drew(terminal):
    progress = Progress(12, terminal, delay=0)
    for _ in range(12):
        progress.advance()
    drawn = terminal.getvalue()
    widest = max(len(line) for line in drawn.split("\r"))
    assert widest == len(bar(12, 12))
    progress.close()
    assert terminal.getvalue() == drawn + "\r" + " " * widest + "\r"
    progress.close()  # a second close has nothing left to rub out
    assert terminal.getvalue() == drawn + "\r" + " " * widest + "\r"


def test_clear_before_the_delay_writes_nothing(terminal):
    progress = Progress(3, terminal, delay=LONG)
    progress.advance()
    progress.clear()
    progress.close()
    assert terminal.getvalue() == ""


def test_clear_makes_room_for_a_line_and_the_bar_comes_back(terminal):
    progress = Progress(3, terminal, delay=0)
    progress.advance()
    progress.clear()
    assert terminal.getvalue().endswith("\r" + " " * len(bar(1, 3)) + "\r")
    terminal.write("plainlint: bad.md: this looks like a binary file\n")
    time.sleep(0.15)
    progress.advance()
    assert terminal.getvalue().endswith(bar(2, 3))


# -- when a bar is wanted -----------------------------------------------------------------

PERSON = {"TERM": "xterm-256color"}


def test_wanted_for_text_output_on_a_terminal(terminal):
    assert progress_wanted("text", terminal, PERSON) is True
    assert progress_wanted("text", terminal, {}) is True


@pytest.mark.parametrize("output_format", ["json", "sarif", "github", "junit"])
def test_never_for_machine_formats(terminal, output_format):
    assert progress_wanted(output_format, terminal, PERSON) is False


@pytest.mark.parametrize(
    "environ",
    [{**PERSON, "CI": "true"}, {**PERSON, "CI": "1"}, {"TERM": "dumb"}],
)
def test_never_in_ci_or_on_a_dumb_terminal(terminal, environ):
    assert progress_wanted("text", terminal, environ) is False


def test_never_when_standard_error_is_not_a_terminal():
    assert progress_wanted("text", io.StringIO(), PERSON) is False


def test_never_when_standard_error_is_closed():
    stream = open(os.devnull, "w")  # noqa: SIM115
    stream.close()
    with pytest.raises(ValueError):
        stream.isatty()
    assert progress_wanted("text", stream, PERSON) is False


@pytest.mark.parametrize(
    ("value", "seconds"), [("", DELAY), ("0", 0.0), ("2.5", 2.5), (" 3 ", 3.0)]
)
def test_the_delay_can_be_set_in_the_shell(value, seconds):
    assert progress_delay({"PLAINLINT_PROGRESS_DELAY": value}) == seconds
    assert progress_delay({}) == DELAY


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "inf"])
def test_a_delay_that_is_not_a_number_of_seconds_is_refused(value):
    with pytest.raises(ValueError, match="is not a time in seconds"):
        progress_delay({"PLAINLINT_PROGRESS_DELAY": value})


def test_a_bad_delay_is_one_line_and_exit_2(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("You can rest.\n", encoding="utf-8")
    env = {**os.environ, "PLAINLINT_PROGRESS_DELAY": "soon"}
    done = subprocess.run(
        [_plainlint(), "check", "--no-cache", str(page)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "plainlint: PLAINLINT_PROGRESS_DELAY: 'soon' is not a time in seconds, such as 2.5"
    ]


# -- a real run on a real terminal --------------------------------------------------------

PAGE = "# Your visit\n\nPlease utilise the ramp number {n}. You may need an ECG.\n"


def _plainlint() -> str:
    beside_python = Path(sys.executable).parent / "plainlint"
    found = str(beside_python) if beside_python.exists() else shutil.which("plainlint")
    assert found, "the plainlint command is not installed"
    return found


def _run_on_a_terminal(folder: Path, *args: str, **environ: str) -> tuple[str, str]:
    """Run plainlint with a terminal as standard error and a pipe as standard output.

    Returns what reached the terminal and what reached the pipe.
    """
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    # No delay: the bar shows at the first file, however quick the machine.
    env.update({"TERM": "xterm", "NO_COLOR": "1", "PLAINLINT_PROGRESS_DELAY": "0", **environ})
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [_plainlint(), "check", "--no-cache", *args, str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    seen = bytearray()
    try:
        while True:
            ready, _, _ = select.select([controller], [], [], 60)
            if not ready:
                process.kill()
                pytest.fail("plainlint wrote nothing to the terminal for a minute")
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal is closed: plainlint has ended
                break
            if not chunk:
                break
            seen += chunk
        stdout = process.communicate(timeout=60)[0]
    finally:
        os.close(controller)
    return seen.decode("utf-8", "replace"), stdout.decode("utf-8")


@pytest.fixture(scope="module")
def many_pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for n in range(12):
        (folder / f"page{n:02}.md").write_text(PAGE.format(n=n), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_long_run_on_a_terminal_shows_the_bar_on_standard_error_only(many_pages):
    on_terminal, stdout = _run_on_a_terminal(many_pages)
    assert "Checking [" in on_terminal and "files" in on_terminal
    assert re.search(r"\] 12/12 files", on_terminal)
    assert re.search(r"\r +\r$", on_terminal), "the bar was not rubbed out at the end"
    assert "Checking" not in stdout and "\r" not in stdout
    assert "Found 24 problems in 12 files" in stdout


@pytest.mark.slow
def test_a_file_that_cannot_be_read_gets_its_own_line_on_the_terminal(tmp_path):
    for n in range(6):
        (tmp_path / f"page{n}.md").write_text(PAGE.format(n=n), encoding="utf-8")
    (tmp_path / "page3b.md").write_bytes(b"\x89PNG\x00\x01 not text")
    on_terminal, stdout = _run_on_a_terminal(tmp_path)
    [line] = [part for part in on_terminal.split("\r\n") if "binary" in part]
    # The bar is rubbed out first, so the line starts clean and holds nothing else.
    *before, written = line.split("\r")
    assert (
        written == f"plainlint: {tmp_path / 'page3b.md'}: this looks like a binary file, not text"
    )
    assert before[-1].strip() == ""
    assert re.search(r"\] 7/7 files", on_terminal)
    assert "page5.md" in stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "environ"),
    [
        (("--format", "json"), {}),
        ((), {"CI": "1"}),
        (("--no-progress",), {}),
    ],
    ids=["json", "CI", "no-progress"],
)
def test_no_bar_in_json_in_ci_or_with_no_progress(many_pages, args, environ):
    on_terminal, stdout = _run_on_a_terminal(many_pages, *args, **environ)
    assert "Checking" not in on_terminal
    assert on_terminal == ""
    assert "Checking" not in stdout
    assert "page11.md" in stdout


def test_the_total_counts_every_group_of_files_in_one_run(settings, tmp_path):
    """`check a.md - b.md` checks named files in groups: the total adds them up."""
    from plainlint.run.engine import Linter
    from plainlint.run.files import Target
    from plainlint.run.runner import Runner

    pages = []
    for name in ("a.md", "b.md", "c.md"):
        page = tmp_path / name
        page.write_text("You can ask your nurse.\n", encoding="utf-8")
        pages.append(Target(page))
    progress = Progress(0, Terminal(), delay=0.0)
    runner = Runner(Linter.create(settings, select={"long-sentence"}), None, 1, progress)
    list(runner.check_targets(pages[:1]))
    list(runner.check_targets(pages[1:]))
    assert (progress.done, progress.total) == (3, 3)
