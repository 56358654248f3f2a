"""Runs that meet hostile surroundings: a report or baseline named after a pipe, a device
or a link; a run stopped with SIGTERM or SIGKILL while its workers check pages; a page
that takes longer than max_seconds_per_file.

Commands that could hang or leave processes behind run in a subprocess with a timeout.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, run_process

from plainlint.io.atomic_files import write_atomically

SENTENCE = (
    "Patients should utilise the ramp number {n} when they come to the clinic for the "
    "scan, and the nurse will be able to help them if they ask at the desk."
)
SMALL_PAGE = "# Small\n\nPlease utilise the lift.\n"


def long_page(paragraphs: int) -> str:
    """A page of plain paragraphs, each with findings, that takes a while to check."""
    return "# Long page\n\n" + "\n\n".join(SENTENCE.format(n=n) for n in range(paragraphs)) + "\n"


# --- Writing reports and baselines (never over a pipe, a device or a link to one) ---


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with one empty page: nothing to check, so no model loads."""
    (tmp_path / "page.md").write_text("")
    return tmp_path


WRITERS = {
    "baseline": ("--write-baseline", "cannot write the baseline"),
    "output file": ("--output-file", "cannot write the report here"),
    "extra report": ("--report", "cannot write the report here"),
}


def write_to(name: str, target: str) -> list[str]:
    option, _ = WRITERS[name]
    return [option, f"junit={target}" if option == "--report" else target]


@pytest.mark.parametrize("writer", WRITERS)
def test_a_named_pipe_is_refused_and_left_as_it_is(project: Path, writer: str):
    os.mkfifo(project / "out")
    done = run_process("check", "--no-cache", "page.md", *write_to(writer, "out"), cwd=project)
    assert done.returncode == 2
    reason = WRITERS[writer][1]
    assert done.stderr == (
        f"plainlint: out: {reason} (this is a named pipe, not a regular file, "
        "so plainlint will not write over it)\n"
    )
    assert stat.S_ISFIFO(os.lstat(project / "out").st_mode)


def test_a_device_is_refused_and_left_as_it_is(project: Path):
    """A copy of /dev/full made here (the real one is never touched), root only."""
    device = project / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root on Linux")
    done = run_process("check", "--no-cache", "page.md", "--write-baseline", "full", cwd=project)
    assert done.returncode == 2
    assert done.stderr == (
        "plainlint: full: cannot write the baseline (this is a device, not a regular file, "
        "so plainlint will not write over it)\n"
    )
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert os.lstat(device).st_rdev == os.makedev(1, 7)


def test_a_link_to_a_file_is_written_through_and_kept(tmp_path: Path):
    (tmp_path / "page.md").write_text(SMALL_PAGE)
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "baseline.json").write_text("old\n")
    (kept / "baseline.json").chmod(0o640)
    (tmp_path / "link.json").symlink_to(kept / "baseline.json")
    done = run_process(
        "check", "--no-cache", "page.md", "--write-baseline", "link.json", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert os.readlink(tmp_path / "link.json") == str(kept / "baseline.json")
    recorded = json.loads((kept / "baseline.json").read_text())
    assert [entry["text"] for entry in recorded["findings"]] == ["utilise"]
    assert stat.S_IMODE(os.stat(kept / "baseline.json").st_mode) == 0o640
    assert sorted(os.listdir(kept)) == ["baseline.json"]  # no temporary file left


def test_a_link_to_nothing_is_refused(project: Path):
    (project / "out.json").symlink_to(project / "missing" / "out.json")
    done = run_process("check", "--no-cache", "page.md", "-o", "out.json", cwd=project)
    assert done.returncode == 2
    assert done.stderr == (
        f"plainlint: out.json: cannot write the report here (this is a link to "
        f"{project / 'missing' / 'out.json'}, which does not exist, so plainlint will not "
        "use it)\n"
    )
    assert (project / "out.json").is_symlink()
    assert not (project / "missing").exists()


def test_a_link_to_a_pipe_is_refused(project: Path):
    os.mkfifo(project / "pipe")
    (project / "out.json").symlink_to("pipe")
    done = run_process(
        "check", "--no-cache", "page.md", "--write-baseline", "out.json", cwd=project
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"plainlint: out.json: cannot write the baseline (this is a link to {project / 'pipe'}, "
        "which is a named pipe, not a regular file, so plainlint will not write over it)\n"
    )
    assert stat.S_ISFIFO(os.lstat(project / "pipe").st_mode)
    assert (project / "out.json").is_symlink()


def test_the_writer_refuses_a_pipe_without_opening_it(tmp_path: Path):
    """Opening a pipe to write waits for a reader: the writer must not even try."""
    os.mkfifo(tmp_path / "pipe")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from plainlint.io.atomic_files import NotRegularFile, write_atomically\n"
        "try:\n"
        f"    write_atomically(Path({str(tmp_path / 'pipe')!r}), 'text')\n"
        "except NotRegularFile as exc:\n"
        "    print(exc.strerror)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.stdout == (
        "this is a named pipe, not a regular file, so plainlint will not write over it\n"
    )
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def test_a_link_to_a_folder_is_refused_as_a_folder(tmp_path: Path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "link").symlink_to("folder")
    with pytest.raises(IsADirectoryError):
        write_atomically(tmp_path / "link", "text")
    assert (tmp_path / "link").is_symlink()
    assert os.listdir(tmp_path / "folder") == []


# --- A run stopped from outside: its workers end with it ---


def live_processes(session: int) -> list[tuple[int, int]]:
    """(pid, parent pid) of each process in `session` that is still running (not a zombie)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            data = (entry / "stat").read_text()
        except OSError:
            continue  # ended while we looked
        fields = data[data.rindex(")") + 2 :].split()
        state, parent, session_id = fields[0], int(fields[1]), int(fields[3])
        if session_id == session and state not in ("Z", "X"):
            found.append((int(entry.name), parent))
    return found


def wait_for(condition, seconds: float) -> bool:
    """Whether `condition()` comes true within `seconds`."""
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def many_pages(tmp_path: Path) -> Path:
    """Enough pages to keep two workers busy for a while."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(80):
        (folder / f"page{number:02}.md").write_text(long_page(30))
    return folder


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
@pytest.mark.timeout(120)
def test_workers_end_when_the_run_is_stopped(many_pages: Path, stop: signal.Signals):
    run = subprocess.Popen(
        [sys.executable, "-m", "plainlint", "check", "--jobs", "2", "--no-cache", "."],
        cwd=many_pages,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its session holds the run and every process it starts
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )

    def working() -> bool:
        """Whether both workers have started (or the run is over)."""
        children = [pid for pid, parent in live_processes(run.pid) if parent == run.pid]
        return len(children) >= 2 or run.poll() is not None

    try:
        started = wait_for(working, 90)
        assert started and run.poll() is None, "the run ended before its workers started"
        os.kill(run.pid, stop)
        _, errors = run.communicate(timeout=30)
        assert wait_for(lambda: not live_processes(run.pid), 5), live_processes(run.pid)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        for pid, _ in live_processes(run.pid):
            os.kill(pid, signal.SIGKILL)
    if stop == signal.SIGTERM:
        assert run.returncode == 130  # as after Ctrl-C
        assert errors == "plainlint: stopped\n"
    else:
        assert run.returncode == -signal.SIGKILL


# --- max_seconds_per_file ---

LIMIT = 0.5  # seconds: the long page takes several, a small one a few milliseconds


@pytest.fixture
def slow_project(tmp_path: Path) -> Path:
    """A project with a short time limit, a long page and three small ones."""
    (tmp_path / "plainlint.yaml").write_text(f"max_seconds_per_file: {LIMIT}\n")
    (tmp_path / "a-long.md").write_text(long_page(3000))
    for number in range(3):
        (tmp_path / f"small{number}.md").write_text(SMALL_PAGE)
    return tmp_path


def too_slow(limit: float) -> str:
    """The line for the long page, when it takes longer than `limit` seconds."""
    return (
        f"plainlint: a-long.md: checking this file took longer than {limit} seconds, the "
        "limit set by max_seconds_per_file; split it into shorter pages, or raise "
        "max_seconds_per_file in the settings\n"
    )


def small_pages_checked(report: str) -> dict[str, list[str]]:
    """The words plainlint found on each small page, from a JSON report."""
    files = json.loads(report)["files"]
    return {
        item["path"]: [finding["text"] for finding in item["findings"]]
        for item in files
        if item["path"].startswith("small")
    }


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.timeout(90)
def test_a_page_over_the_time_limit_gets_one_line(slow_project: Path, jobs: str):
    done = run_process(
        "check", "--no-cache", "--jobs", jobs, "--format", "json", ".", cwd=slow_project
    )
    assert done.returncode == 2
    assert done.stderr == too_slow(LIMIT)
    assert small_pages_checked(done.stdout) == {f"small{n}.md": ["utilise"] for n in range(3)}


@pytest.mark.timeout(90)
def test_the_time_limit_leaves_the_alarm_as_it_was(slow_project: Path, monkeypatch):
    """In-process, beside this test's own time limit (SIGALRM too): the run's alarm is
    removed afterwards and the earlier one still set, so nothing fires later."""
    monkeypatch.chdir(slow_project)
    handler = signal.getsignal(signal.SIGALRM)
    signal.setitimer(signal.ITIMER_REAL, 80)  # the test runner may use another method
    try:
        result = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", ".")
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert signal.getsignal(signal.SIGALRM) is handler
        assert 60 < left <= 80
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    assert result.exit_code == 2
    assert result.stderr == too_slow(LIMIT)
    assert small_pages_checked(result.stdout) == {f"small{n}.md": ["utilise"] for n in range(3)}
    time.sleep(LIMIT * 2)  # a stray alarm would now raise here


@pytest.mark.timeout(120)
def test_a_page_over_the_time_limit_is_not_cached(slow_project: Path, tmp_path_factory):
    """Errors are never cached: the next run checks the page again, and with a higher
    limit it gets its findings."""
    cache = tmp_path_factory.mktemp("cache")
    (slow_project / "plainlint.yaml").write_text("max_seconds_per_file: 0.2\n")
    (slow_project / "a-long.md").write_text(long_page(1500))
    command = ["check", "--cache-dir", str(cache), "--jobs", "1", "a-long.md"]
    for _ in range(2):
        done = run_process(*command, cwd=slow_project)
        assert done.returncode == 2
        assert done.stderr == too_slow(0.2)
    (slow_project / "plainlint.yaml").write_text("max_seconds_per_file: 60\n")
    done = run_process(*command, cwd=slow_project)
    assert done.returncode == 0, done.stderr  # warnings only
    assert done.stderr == ""
    assert done.stdout.count("Try “use” instead of “utilise”.") == 1500
