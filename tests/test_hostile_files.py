"""Files that are not what they seem: pipes, locked files and folders, other encodings,
very large input and links out of the project. Each is one line or is read; none hangs."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, json_output, run_cli, run_process

from plainlint.cli import main

PAGE = "Please utilise the ramp.\n"
NOBODY = 65534  # the user with no rights, as the tool runs for a visitor to a shared folder
SELECT = ("--select", "plain-words")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str = PAGE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def check_json(*args: str):
    return run_cli("check", "--no-cache", "--format", "json", *SELECT, *args)


def found(result) -> dict[str, list[tuple[int, int, str]]]:
    """Each checked file's findings as (line, column, text)."""
    return {
        item["path"]: [(f["line"], f["column"], f["text"]) for f in item["findings"]]
        for item in json_output(result)["files"]
    }


def slice_of(text: str, finding: dict) -> str:
    """The part of `text` a JSON finding's line and column range points at."""
    lines = text.split("\n")
    if finding["line"] == finding["end_line"]:
        return lines[finding["line"] - 1][finding["column"] - 1 : finding["end_column"] - 1]
    first = lines[finding["line"] - 1][finding["column"] - 1 :]
    middle = lines[finding["line"] : finding["end_line"] - 1]
    last = lines[finding["end_line"] - 1][: finding["end_column"] - 1]
    return "\n".join([first, *middle, last])


# A page swapped for a pipe, and pipes named on the command line (item 6)


def test_a_page_swapped_for_a_pipe_after_the_folder_search_is_one_line_not_a_hang(tmp_path):
    """The folder search finds a regular file; by the time it is read it is a pipe.
    Opening the pipe to read it waited for a writer for ever."""
    write(tmp_path / "a.md")
    write(tmp_path / "b.md")
    script = textwrap.dedent(
        f"""
        import json, os
        from pathlib import Path
        from plainlint.run.engine import Linter
        from plainlint.run.files import find_files
        from plainlint.run.runner import Runner
        from plainlint.settings.projects import Projects

        folder = Path({str(tmp_path)!r})
        projects = Projects(cwd=folder)
        targets = list(find_files([folder], projects))
        os.remove(folder / "a.md")
        os.mkfifo(folder / "a.md")
        runner = Runner(Linter.create(projects, {{"plain-words"}}), None, 1)
        print(json.dumps([[r.path, r.error, len(r.findings)] for r in runner.check_targets(targets)]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        [str(tmp_path / "a.md"), "this is not a regular file (it may be a pipe or a device)", 0],
        [str(tmp_path / "b.md"), None, 1],
    ]


@pytest.mark.parametrize("output", ["text", "gitlab"])
def test_a_pipe_named_on_the_command_line_is_one_line_and_the_rest_are_checked(tmp_path, output):
    os.mkfifo(tmp_path / "pipe.md")
    write(tmp_path / "good.md")
    done = run_process(
        "check", "--no-cache", "--format", output, "pipe.md", "good.md", cwd=tmp_path
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "plainlint: pipe.md: this is not a regular file (it may be a pipe or a device)"
    ]
    assert "good.md" in done.stdout


def test_config_for_a_pipe_is_one_line(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    done = run_process("config", "pipe.md", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "plainlint: pipe.md: this is not a regular file (it may be a pipe or a device)\n"
    )


def test_a_gitignore_that_is_a_pipe_is_passed_over_not_waited_on(tmp_path):
    (tmp_path / ".git").mkdir()
    os.mkfifo(tmp_path / ".gitignore")
    write(tmp_path / "good.md")
    done = run_process("check", "--no-cache", *SELECT, ".", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "good.md:1:8:" in done.stdout


# Files and folders the user may not read (item 10)


@functools.lru_cache(maxsize=1)
def _interpreter_for_nobody() -> str | None:
    """A Python of this version that the user NOBODY may run, with plainlint and its
    libraries in reach; None when there is none (a virtual environment in /root)."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [sys.executable, getattr(sys, "_base_executable", None)]
    candidates += [shutil.which(version), shutil.which(version, path="/usr/local/bin:/usr/bin")]
    probe = f"import sys, spacy, plainlint; assert sys.version_info[:2] == {sys.version_info[:2]}"
    for candidate in dict.fromkeys(c for c in candidates if c):
        try:
            done = subprocess.run(
                [candidate, "-c", _IN_REACH + probe],
                user=NOBODY,
                group=NOBODY,
                extra_groups=[],
                env=_nobody_environment(tempfile.gettempdir()),
                cwd="/",
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return candidate
    return None


# Site folders are added as site does (their .pth files count); plainlint is this checkout.
_IN_REACH = (
    "import site, sys; "
    f"[site.addsitedir(p) for p in {sorted({sysconfig.get_path('purelib'), sysconfig.get_path('platlib')})!r}]; "
    f"sys.path.insert(0, {str(ROOT)!r}); "
)


def _nobody_environment(home: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"}


@pytest.fixture
def shared(project):
    """A folder NOBODY can reach (pytest's own folders are private to root); as another
    user the test runs as that user, whose rights are checked anyway."""
    if os.geteuid() != 0:
        yield project
        return
    if _interpreter_for_nobody() is None:
        pytest.skip("no Python here that an unprivileged user may run")
    folder = Path(tempfile.mkdtemp(prefix="plainlint-rights-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for inner, dirs, _ in os.walk(folder, onerror=None):
            for name in dirs:
                os.chmod(os.path.join(inner, name), 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def run_without_rights(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """plainlint in `folder`, as NOBODY when the tests run as root, so permissions count."""
    if os.geteuid() != 0:
        return run_process(*args, cwd=folder)
    code = _IN_REACH + "import runpy; runpy.run_module('plainlint', run_name='__main__')"
    return subprocess.run(
        [_interpreter_for_nobody(), "-c", code, *args],
        user=NOBODY,
        group=NOBODY,
        extra_groups=[],
        env=_nobody_environment(str(folder)),
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def locked_page(folder: Path) -> Path:
    page = write(folder / "locked.md", "Secret.\n")
    page.chmod(0)
    return page


def locked_folder(folder: Path, mode: int = 0) -> Path:
    inner = folder / "locked"
    write(inner / "in.md")
    inner.chmod(mode)
    return inner


def test_an_unreadable_file_named_on_the_command_line_is_one_line(shared):
    """It stopped the run with a usage error, and good.md was not checked."""
    locked_page(shared)
    write(shared / "good.md")
    done = run_without_rights(shared, "check", "--no-cache", *SELECT, "locked.md", "good.md")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "plainlint: locked.md: permission denied: plainlint cannot open this file"
    ]
    assert "good.md:1:8:" in done.stdout


def test_a_file_in_an_unreadable_folder_named_on_the_command_line_is_one_line(shared):
    """It stopped the run with a line that called it a bug."""
    locked_folder(shared)
    write(shared / "good.md")
    done = run_without_rights(shared, "check", "--no-cache", *SELECT, "locked/in.md", "good.md")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "plainlint: locked/in.md: permission denied: plainlint cannot open the folder this is in"
    ]
    assert "good.md:1:8:" in done.stdout


@pytest.mark.parametrize("mode", [0o000, 0o111], ids=["no rights", "enter but not list"])
def test_an_unreadable_folder_in_a_folder_search_is_one_line(shared, mode):
    """It was passed over without a word, and the run said "No problems found"."""
    locked_folder(shared, mode)
    write(shared / "good.md")
    done = run_without_rights(shared, "check", "--no-cache", *SELECT, ".")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "plainlint: locked: permission denied: plainlint cannot open this folder, "
        "so the files in it were not checked"
    ]
    assert "good.md:1:8:" in done.stdout


def test_files_in_a_folder_that_can_be_listed_but_not_entered_are_named(shared):
    locked_folder(shared, 0o444)
    write(shared / "good.md")
    done = run_without_rights(shared, "check", "--no-cache", *SELECT, ".")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "plainlint: locked/in.md: permission denied: plainlint cannot open this file"
    ]
    assert "good.md:1:8:" in done.stdout


@pytest.mark.parametrize(
    ("make", "path", "reason"),
    [
        (
            locked_folder,
            "locked/in.md",
            "permission denied: plainlint cannot open the folder this is in",
        ),
        (locked_page, "locked.md", "permission denied: plainlint cannot open this file"),
    ],
)
def test_config_for_a_path_it_cannot_read_is_one_line(shared, make, path, reason):
    """A file in a locked folder printed a traceback; a locked file, a usage error."""
    make(shared)
    done = run_without_rights(shared, "config", path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"plainlint: {path}: {reason}\n"


# Text in other encodings (item 12)

NOTEPAD = (
    "Caf\u00e9 \u201cnotes\u201d \u2014 please utilise the ramp. \U0001f600 Then utilise it.\r\n"
    "Second line: utilise.\r\n"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(project, codec):
    """They were called binary files. Columns count characters, so the smiley (two
    UTF-16 units, four bytes) before the second word counts once."""
    (project / "notes.txt").write_bytes(("\ufeff" + NOTEPAD).encode(codec))
    result = check_json("notes.txt")
    assert result.exit_code == 0, result.stderr
    findings = json_output(result)["files"][0]["findings"]
    assert [(f["line"], f["column"]) for f in findings] == [(1, 23), (1, 48), (2, 14)]
    assert all(slice_of(NOTEPAD, f) == f["text"] == "utilise" for f in findings)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b"\xff\xfeA\x00B",
            "this file starts like UTF-16 text but is not UTF-16 text "
            "(unreadable bytes at line 1, column 2); save it as UTF-8 and try again",
        ),
        (b"\xff\xfe" + b"A\x00\x00\x00" * 16, "this looks like a binary file, not text"),
    ],
    ids=["cut short", "binary"],
)
def test_a_byte_order_mark_on_what_is_not_text_is_one_line(project, data, reason):
    (project / "odd.txt").write_bytes(data)
    write(project / "good.md")
    result = check_json("odd.txt", "good.md")
    assert result.exit_code == 2
    assert result.stderr == f"plainlint: odd.txt: {reason}\n"
    assert list(found(result)) == ["good.md"]


SENTENCE = (
    "Caf\u00e9 \u201cnotes\u201d and we will ask you to utilise the ramp at the front of the "
    "building when you arrive for your appointment with the nurse on the second floor."
)


def html_page(head: str, body: str = SENTENCE) -> str:
    return f"<html><head>{head}<title>Visit</title></head>\n<body>\n<p>{body}</p>\n</body></html>\n"


@pytest.mark.parametrize(
    ("head", "codec", "body"),
    [
        ('<meta charset="windows-1252">', "cp1252", SENTENCE),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
            "cp1252",  # as browsers read Latin-1 pages: their curly quotes are Windows-1252's
            SENTENCE,
        ),
        ("<meta charset='Shift_JIS'>", "shift_jis", "\u53d7\u4ed8\u3067 " + SENTENCE[5:]),
    ],
    ids=["meta charset", "http-equiv", "multibyte"],
)
def test_html_that_declares_its_character_set_is_read_in_it(project, head, codec, body):
    """Such pages were refused as not UTF-8. Positions count characters of the text read."""
    source = html_page(head, body)
    (project / "visit.html").write_bytes(source.encode(codec))
    result = run_cli("check", "--no-cache", "--format", "json", "visit.html")
    assert (result.exit_code, result.stderr) == (0, "")
    findings = {f["rule"]: f for f in json_output(result)["files"][0]["findings"]}
    assert findings["long-sentence"]["text"] == body
    assert findings["plain-words"]["text"] == "utilise"
    for finding in findings.values():
        assert slice_of(source, finding) == finding["text"]


def test_utf8_bytes_are_read_as_utf8_whatever_the_page_declares(project):
    source = html_page('<meta charset="iso-8859-1">')
    (project / "visit.html").write_bytes(source.encode("utf-8"))
    result = run_cli("check", "--no-cache", "--format", "json", "visit.html")
    findings = {f["rule"]: f for f in json_output(result)["files"][0]["findings"]}
    assert findings["long-sentence"]["text"] == SENTENCE  # "Café", not "CafÃ©"


@pytest.mark.parametrize(
    ("name", "head", "reason"),
    [
        (
            "visit.html",
            '<meta charset="klingon">',
            "this file is not UTF-8 text (unreadable byte at line 3, column 7); "
            "save it as UTF-8 and try again",
        ),
        (
            "visit.html",
            '<meta charset="utf-16">',  # browsers ignore this too: markup cannot be UTF-16
            "this file is not UTF-8 text (unreadable byte at line 3, column 7); "
            "save it as UTF-8 and try again",
        ),
        (
            "visit.md",  # only HTML declares a character set
            '<meta charset="windows-1252">',
            "this file is not UTF-8 text (unreadable byte at line 3, column 7); "
            "save it as UTF-8 and try again",
        ),
        (
            "visit.html",
            '<meta charset="utf-8">',
            "this file is not UTF-8 text (unreadable byte at line 3, column 7); "
            "save it as UTF-8 and try again",
        ),
    ],
    ids=["unknown name", "utf-16 in markup", "not html", "declares utf-8"],
)
def test_other_text_that_is_not_utf8_keeps_its_one_line(project, name, head, reason):
    (project / name).write_bytes(html_page(head).encode("cp1252"))
    write(project / "good.md")
    result = check_json(name, "good.md")
    assert result.exit_code == 2
    assert result.stderr == f"plainlint: {name}: {reason}\n"
    assert list(found(result)) == ["good.md"]


def test_a_bad_byte_after_a_utf8_byte_order_mark_is_placed_in_characters(project):
    (project / "notes.txt").write_bytes(b"\xef\xbb\xbfLine one\nCaf\xe9 au lait\n")
    result = check_json("notes.txt")
    assert result.stderr == (
        "plainlint: notes.txt: this file is not UTF-8 text (unreadable byte at line 2, "
        "column 4); save it as UTF-8 and try again\n"
    )


def test_a_page_whose_bytes_do_not_fit_its_declaration_says_so(project):
    source = html_page("<meta charset=shift_jis>", "Caf\u00e9 please utilise it.")
    (project / "visit.html").write_bytes(source.encode("latin-1"))
    result = check_json("visit.html")
    assert result.exit_code == 2
    assert result.stderr == (
        "plainlint: visit.html: this page says it is shift_jis text but is not "
        "(unreadable byte at line 3, column 7); save it as UTF-8 and try again\n"
    )


def test_standard_input_is_read_by_its_byte_order_mark_and_declaration(project):
    runner = CliRunner()
    args = ["check", "--no-cache", "--format", "json", *SELECT, "-", "--stdin-filename"]
    notes = runner.invoke(main, [*args, "notes.txt"], input=NOTEPAD.encode("utf-16"))
    assert [(f["line"], f["column"]) for f in found_in(notes)] == [(1, 23), (1, 48), (2, 14)]
    page = html_page('<meta charset="windows-1252">')
    visit = runner.invoke(main, [*args, "visit.html"], input=page.encode("cp1252"))
    [finding] = found_in(visit)
    assert slice_of(page, finding) == finding["text"] == "utilise"


def found_in(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    [only] = json_output(result)["files"]
    return only["findings"]


# Large files and standard input: max_file_size (item 13)


@pytest.mark.timeout(30)
def test_a_file_just_under_the_old_limit_is_one_line_at_once(project):
    """A 19 MB page took a minute and 1.4 GB; the built-in limit is now 5 MB."""
    (project / "export.md").write_text("Please utilise the ramp.\n" * (19 * 1024 * 1024 // 25))
    write(project / "good.md")
    result = check_json("export.md", "good.md")
    assert result.exit_code == 2
    assert result.stderr == (
        "plainlint: export.md: this file is too large to check "
        "(19 MB; the limit is 5 MB, set by max_file_size)\n"
    )
    assert list(found(result)) == ["good.md"]


@pytest.mark.timeout(30)
def test_standard_input_has_the_same_limit_and_stops_reading_there(project):
    """30 MB on standard input took 103 seconds: it had no limit."""
    data = b"Please utilise the ramp.\n" * (30 * 1024 * 1024 // 25)
    result = CliRunner().invoke(main, ["check", "--no-cache", "-"], input=data)
    assert result.exit_code == 2
    assert result.stderr == (
        "plainlint: -: standard input is too large to check "
        "(over the limit of 5 MB, set by max_file_size)\n"
    )


def test_each_file_follows_its_own_projects_max_file_size(project):
    write(project / "plainlint.yaml", "max_file_size: 1 KB\n")
    write(project / "leaflets" / "plainlint.yaml", "max_file_size: 100 KB\n")
    long_page = PAGE * 80  # 2,000 bytes
    write(project / "page.md", long_page)
    write(project / "leaflets" / "page.md", long_page)
    result = check_json(".")
    assert result.exit_code == 2
    assert result.stderr == (
        "plainlint: page.md: this file is too large to check "
        "(2.0 KB; the limit is 1 KB, set by max_file_size)\n"
    )
    assert len(found(result)["leaflets/page.md"]) == 80


@pytest.mark.parametrize(
    ("name", "checked"),
    [(None, False), ("page.md", False), ("leaflets/page.md", True)],
    ids=["no name: this folder's project", "named here", "named in another project"],
)
def test_standard_input_follows_the_limit_of_its_names_project(project, name, checked):
    write(project / "plainlint.yaml", "max_file_size: 1 KB\n")
    write(project / "leaflets" / "plainlint.yaml", "max_file_size: 100 KB\n")
    args = ["check", "--no-cache", "--format", "json", *SELECT, "-"]
    if name:
        args += ["--stdin-filename", name]
    result = CliRunner().invoke(main, args, input=(PAGE * 80).encode())
    if checked:
        assert result.exit_code == 0, result.stderr
        assert len(json_output(result)["files"][0]["findings"]) == 80
    else:
        assert result.exit_code == 2
        assert result.stderr == (
            f"plainlint: {name or '-'}: standard input is too large to check "
            "(over the limit of 1 KB, set by max_file_size)\n"
        )


# Links that lead out of the folder checked (item 17)


# A long sentence, so its whole text is a finding's text: in JSON, and SARIF's snippet.
PRIVATE = (
    "Zanzibar is the code for the back door, and we will ask you to utilise the ramp at "
    "the side of the building when you arrive for your appointment with the nurse.\n"
)


@pytest.fixture
def linked(tmp_path, monkeypatch):
    """A project with links to a private file and folder elsewhere, and links inside it."""
    outside = tmp_path / "outside"
    write(outside / "private.md", PRIVATE)
    write(outside / "notes" / "more.md", "Zanzibar: please utilise it.\n")
    project = tmp_path / "site"
    write(project / "inner" / "real.md")
    (project / "docs").mkdir()
    (project / "docs" / "leak.md").symlink_to("../../outside/private.md")
    (project / "absolute.md").symlink_to(outside / "private.md")
    (project / "docs" / "inside.md").symlink_to("../inner/real.md")
    (project / "notes").symlink_to(outside / "notes")
    (project / "docs" / "broken.md").symlink_to("nowhere.md")
    monkeypatch.chdir(project)
    return project


@pytest.mark.parametrize("output", ["json", "sarif"])
def test_a_folder_search_does_not_follow_links_out_of_the_folder(linked, output):
    """The private file's words were in the JSON text and the SARIF snippet."""
    rules = "plain-words,long-sentence"
    result = run_cli("check", "--no-cache", "--format", output, "--select", rules, ".")
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr == ""
    assert "Zanzibar" not in result.stdout
    if output == "json":
        assert list(found(result)) == ["docs/inside.md", "inner/real.md"]


def test_a_link_that_leads_out_of_the_folder_named_is_passed_over(linked):
    """docs/inside.md stays in the project but leads out of docs, the folder checked."""
    result = check_json("docs")
    assert result.exit_code == 0
    assert found(result) == {}
    assert result.stderr == "No Markdown, HTML or text files found under docs.\n"


def test_a_link_named_on_the_command_line_is_followed(linked):
    result = check_json("docs/leak.md", "absolute.md")
    assert result.exit_code == 0, result.stderr
    assert found(result) == {
        "docs/leak.md": [(1, 64, "utilise")],
        "absolute.md": [(1, 64, "utilise")],
    }
