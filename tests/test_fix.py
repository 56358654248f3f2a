"""`plainlint check --fix`, `--unsafe-fixes` and `--diff`: the fixes each rule makes, the
grammar kept right around them, the text they never touch, and files written safely."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, json_output, run_cli, run_process
from test_hostile_files import project, run_without_rights, shared  # noqa: F401 - fixtures

from plainlint.cli import main
from plainlint.documents import parse_document
from plainlint.errors import InputError
from plainlint.findings import Edit, Fix
from plainlint.run.fix_edits import apply_fixes
from plainlint.run.fixer import FixedPage, write_page


def fixed(folder: Path, name: str, text: str | bytes, *options: str) -> str | bytes:
    """The file's content after `plainlint check --fix` (bytes in, bytes out)."""
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    result = run_cli("check", "--fix", "--no-cache", *options, str(path))
    assert result.exit_code in (0, 1), result.output
    data = path.read_bytes()
    return data if isinstance(text, bytes) else data.decode("utf-8")


def plainlint_bytes(
    *args: str, cwd: Path, data: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """plainlint in its own process, its input and output as bytes: text mode would turn
    CRLF into LF and decode what must stay as it was."""
    return subprocess.run(
        [sys.executable, "-m", "plainlint", *args],
        input=data,
        cwd=cwd,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


# Each fixable rule: a sentence before and after --fix (or --fix --unsafe-fixes).
RULE_CASES = {
    "plain-words": (
        "Please utilise the ramp prior to your visit.",
        "Please use the ramp before your visit.",
        (),
    ),
    "gendered-language": (
        "If your child is ill, he or she is seen first.",
        "If your child is ill, they are seen first.",
        (),
    ),
    "hidden-verb": (
        "You can make a decision about surgery later.",
        "You can decide about surgery later.",
        ("--unsafe-fixes",),
    ),
    "person-first": (
        "Cancer patients can get free prescriptions.",
        "People with cancer can get free prescriptions.",
        ("--unsafe-fixes",),
    ),
    "address-reader": (
        "Patients should stop eating 6 hours before the operation.",
        "You should stop eating 6 hours before the operation.",
        ("--unsafe-fixes",),
    ),
    "unexplained-abbreviation": (
        "You will have an MRI scan.",
        "You will have a magnetic resonance imaging (MRI) scan.",
        ("--unsafe-fixes",),
    ),
}
# The same sentence as a page in each format.
FORMATS = {
    "md": "# Your visit\n\n{}\n",
    "html": "<h1>Your visit</h1>\n<p>{}</p>\n",
    "txt": "Your visit\n\n{}\n",
}
CASES = [(rule, ext) for rule in RULE_CASES for ext in FORMATS]


@pytest.mark.parametrize(("rule", "ext"), CASES)
def test_each_fixable_rule_fixes_its_finding_in_every_format(tmp_path, rule, ext):
    before, after, options = RULE_CASES[rule]
    page = FORMATS[ext]
    result = fixed(tmp_path, f"page.{ext}", page.format(before), "--select", rule, *options)
    assert result == page.format(after)


@pytest.mark.parametrize(("rule", "ext"), [c for c in CASES if RULE_CASES[c[0]][2]])
def test_fixes_that_need_review_wait_for_unsafe_fixes(tmp_path, rule, ext):
    before, _, _ = RULE_CASES[rule]
    page = FORMATS[ext].format(before)
    assert fixed(tmp_path, f"page.{ext}", page, "--select", rule) == page


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # "a" or "an" by sound, and capitals at the start of a sentence.
        ("Magnetic resonance imaging is an MRI.\n\nAn MRI is safe.\n", None),
        ("Utilise the ramp.\n", "Use the ramp.\n"),
        ("In order to rest, lie down.\n", "To rest, lie down.\n"),
        # Inflection, plurals and possessives.
        ("The nurse utilised a needle.\n", "The nurse used a needle.\n"),
        ("The ramp was utilised daily.\n", "The ramp was used daily.\n"),
        ("We are utilising a new scan.\n", "We are using a new scan.\n"),
        ("The chairmen spoke.\n", "The chairs spoke.\n"),
        ("Ask the chairman's office.\n", "Ask the chair's office.\n"),
        # Verbs agree with "they".
        (
            "A nurse will see your child when he or she arrives.\n",
            "A nurse will see your child when they arrive.\n",
        ),
        ("Does he or she have a cough?\n", "Do they have a cough?\n"),
        (
            "If your child is unwell, he/she was probably tired.\n",
            "If your child is unwell, they were probably tired.\n",
        ),
    ],
)
def test_grammar_is_kept_right(tmp_path, before, after):
    assert fixed(tmp_path, "page.md", before) == (after or before)


def test_a_or_an_goes_by_the_sound_of_the_new_word(tmp_path):
    glossary = tmp_path / "plainlint.yaml"
    glossary.write_text(
        "rules:\n  plain-words:\n    words:\n      additional: further\n      substantial: "
        "important\n      apparatus: hourglass\n",
        encoding="utf-8",
    )
    page = "You need an additional test.\nIt is a substantial risk.\nAn apparatus is used.\n"
    assert fixed(tmp_path, "page.md", page) == (
        "You need a further test.\nIt is an important risk.\nAn hourglass is used.\n"
    )


def test_the_pages_apostrophes_are_kept(tmp_path):
    settings = tmp_path / "plainlint.yaml"
    settings.write_text(
        "rules:\n  plain-words:\n    words:\n      paediatric ward: children's ward\n",
        encoding="utf-8",
    )
    curly = "It’s the nurse’s job. Go to the paediatric ward.\n"
    straight = "It's the nurse's job. Go to the paediatric ward.\n"
    assert fixed(tmp_path, "curly.md", curly).endswith("Go to the children’s ward.\n")
    assert fixed(tmp_path, "straight.md", straight).endswith("Go to the children's ward.\n")


@pytest.mark.parametrize(
    "page",
    [
        "Run `utilise --help` to see the options.\n",
        "Your form may say “utilise the ramp”.\n",
        "Read [the guide](utilise.html) first.\n",
        "---\ntitle: Please utilise the ramp\n---\n\nHello there, you.\n",
        "```\nutilise the ramp\n```\n",
        "Please <!-- plainlint-disable-next-line plain-words -->\nutilise the ramp.\n",
        "Please use *prior* to the test. Use it prior\nto the test.\n",
        "Please util&shy;ise the ramp.\n",
    ],
)
def test_nothing_is_fixed_in_code_quotes_links_front_matter_or_suppressed_text(tmp_path, page):
    assert fixed(tmp_path, "page.md", page) == page


def test_html_attributes_are_left_but_alt_text_is_prose(tmp_path):
    page = '<p title="utilise">Text.</p>\n<img src="utilise.png" alt="A nurse utilising a hoist">\n'
    after = fixed(tmp_path, "page.html", page)
    assert after == (
        '<p title="utilise">Text.</p>\n<img src="utilise.png" alt="A nurse using a hoist">\n'
    )


def test_baselined_findings_are_not_fixed(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Please utilise the ramp.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert (
        run_cli("check", "--no-cache", str(page), "--write-baseline", str(baseline)).exit_code == 0
    )
    page.write_text("Please utilise the ramp. Commence prior to noon.\n", encoding="utf-8")
    result = run_cli("check", "--fix", "--no-cache", "--baseline", str(baseline), str(page))
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8") == "Please utilise the ramp. Commence before noon.\n"


def test_a_second_fix_changes_nothing(tmp_path):
    page = (
        "# Before your operation\n\nYou should utilise the ramp prior to your visit. The chairman "
        "will see you. In order to prepare, he or she needs to rest.\n"
    )
    once = fixed(tmp_path, "page.md", page, "--unsafe-fixes")
    assert once != page
    path = tmp_path / "page.md"
    result = run_cli("check", "--fix", "--unsafe-fixes", "--no-cache", str(path))
    assert path.read_text(encoding="utf-8") == once
    assert "nothing to fix" in result.stderr


def test_diff_applies_with_patch_to_give_the_fixed_file(tmp_path):
    page = "# Tests\r\n\r\nPlease utilise the ramp.\r\nThe chairman will see you\r\nprior to noon."
    (tmp_path / "a.md").write_bytes(page.encode("utf-8"))
    (tmp_path / "b.md").write_bytes(page.encode("utf-8"))
    shown = plainlint_bytes("check", "--diff", "--no-cache", "a.md", cwd=tmp_path)
    assert shown.returncode == 1, shown.stderr
    assert (tmp_path / "a.md").read_bytes() == page.encode("utf-8")  # --diff writes nothing
    assert b"would fix 3 problems in 1 file" in shown.stderr
    patched = subprocess.run(
        ["patch", "-p0", "--quiet"], input=shown.stdout, cwd=tmp_path, check=False
    )
    assert patched.returncode == 0
    fixed_b = run_process("check", "--fix", "--no-cache", "b.md", cwd=tmp_path)
    assert fixed_b.returncode == 0, fixed_b.stderr
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()
    assert (tmp_path / "a.md").read_bytes() == (
        b"# Tests\r\n\r\nPlease use the ramp.\r\nThe chair will see you\r\nbefore noon."
    )


def test_diff_exits_0_when_there_is_nothing_to_fix(tmp_path):
    (tmp_path / "page.md").write_text("Please use the ramp.\n", encoding="utf-8")
    result = run_cli("check", "--diff", "--no-cache", str(tmp_path / "page.md"))
    assert result.exit_code == 0
    assert result.stdout == ""


def test_diff_refuses_report_options(tmp_path):
    (tmp_path / "page.md").write_text("Please use the ramp.\n", encoding="utf-8")
    result = run_cli("check", "--diff", "--format", "json", str(tmp_path / "page.md"))
    assert result.exit_code == 2
    assert "--diff shows the changes only" in result.stderr


@pytest.mark.parametrize(
    ("mark", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (b"", "utf-8"),
    ],
)
def test_encoding_byte_order_mark_and_line_endings_are_kept(tmp_path, mark, codec):
    before = "Café menu\r\n\r\nPlease utilise the ramp.\r\n"
    after = fixed(tmp_path, "page.md", mark + before.encode(codec))
    assert after == mark + "Café menu\r\n\r\nPlease use the ramp.\r\n".encode(codec)


def test_a_page_in_windows_1252_is_written_back_in_it(tmp_path):
    before = '<meta charset="windows-1252"><p>It’s café time. Please utilise the ramp.</p>\n'
    after = fixed(tmp_path, "page.html", before.encode("cp1252"))
    assert after == before.replace("utilise", "use").encode("cp1252")


def test_markup_around_a_fix_is_kept_byte_for_byte(tmp_path):
    page = (
        "* **Before:** please utilise the ramp &amp; lift.\n"
        "* [Read this](https://example.org/prior-to) prior to your visit.\n"
        "\n| Step | What |\n| --- | --- |\n| 1 | Utilise the ramp |\n"
    )
    assert fixed(tmp_path, "page.md", page) == (
        "* **Before:** please use the ramp &amp; lift.\n"
        "* [Read this](https://example.org/prior-to) before your visit.\n"
        "\n| Step | What |\n| --- | --- |\n| 1 | Use the ramp |\n"
    )


def test_permissions_are_kept_and_unchanged_files_are_not_written(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("Please utilise the ramp.\n", encoding="utf-8")
    path.chmod(0o640)
    clean = tmp_path / "clean.md"
    clean.write_text("Please use the ramp.\n", encoding="utf-8")
    os.utime(clean, (1_000_000, 1_000_000))
    result = run_cli("check", "--fix", "--no-cache", str(path), str(clean))
    assert result.exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert clean.stat().st_mtime == 1_000_000
    assert "fixed 1 problem in 1 file" in result.stderr


def test_standard_input_prints_the_fixed_text(tmp_path):
    result = CliRunner().invoke(
        main,
        ["check", "--fix", "--no-cache", "--stdin-filename", "page.md", "-"],
        input="Please utilise the ramp.\nCome prior to noon.",
    )
    assert result.stdout == "Please use the ramp.\nCome before noon."
    assert "fixed 2 problems" in result.stderr


def test_json_findings_gain_a_fix_object_and_keep_every_other_key(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Please utilise an additional needle. The long page.\n", encoding="utf-8")
    found = json_output(run_cli("check", "--no-cache", "--format", "json", str(page)))
    [utilise, additional] = [f for f in found["files"][0]["findings"] if f["rule"] == "plain-words"]
    keys = ["rule", "severity", "line", "column", "end_line", "end_column", "text", "message"]
    assert list(utilise)[: len(keys) + 1] == [*keys, "suggestions"]
    assert utilise["fix"] == {
        "safe": True,
        "edits": [{"line": 1, "column": 8, "end_line": 1, "end_column": 15, "text": "use"}],
    }
    assert additional["fix"]["safe"] is False  # "extra" or "more": a person chooses
    others = [f for f in found["files"][0]["findings"] if f["rule"] != "plain-words"]
    assert all(
        "fix" not in f for f in others if f["rule"] in ("long-paragraph", "missing-headings")
    )


def test_text_summary_says_how_many_can_be_fixed(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Please utilise an additional needle prior to the test.\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", str(page))
    assert "2 can be fixed with --fix (1 more with --unsafe-fixes)." in result.stdout


def test_rule_help_says_how_each_rule_fixes(tmp_path):
    for rule, kind in [
        ("plain-words", "Fix: safe"),
        ("hidden-verb", "Fix: needs review"),
        ("long-sentence", "Fix: none"),
        ("passive-voice", "Fix: none"),
    ]:
        assert kind in run_cli("rules", rule).stdout


def test_overlapping_fixes_the_first_wins():
    source = "Please utilise the ramp.\n"
    first = Fix(True, (Edit(1, 8, 1, 15, "use"),))
    second = Fix(True, (Edit(1, 8, 1, 19, "take"),))
    third = Fix(True, (Edit(1, 20, 1, 24, "lift"),))
    assert apply_fixes(source, [first, second, third]) == ("Please use the lift.\n", 2)


def test_a_fix_is_written_only_over_the_text_that_was_checked(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("Please use the ramp now.\n", encoding="utf-8")
    page = FixedPage(
        str(path), "markdown", "Please utilise the ramp.\n", path, "Please use the ramp.\n"
    )
    with pytest.raises(InputError, match="changed while plainlint was checking it"):
        write_page(page)
    assert path.read_text(encoding="utf-8") == "Please use the ramp now.\n"


def test_a_file_that_cannot_be_written_is_one_line_and_exit_2(shared):  # noqa: F811
    folder = shared / "locked"
    folder.mkdir()
    page = folder / "page.md"
    page.write_text("Please utilise the ramp.\n", encoding="utf-8")
    other = shared / "other.md"
    other.write_text("Please utilise the lift.\n", encoding="utf-8")
    for path in (page, other):
        path.chmod(0o666)
    shared.chmod(0o777)
    folder.chmod(0o555)  # the page can be changed, but no new file made beside it
    result = run_without_rights(
        shared, "check", "--fix", "--no-cache", "locked/page.md", "other.md"
    )
    assert result.returncode == 2, result.stderr
    assert "plainlint: locked/page.md: cannot write the fixes" in result.stderr
    assert "Traceback" not in result.stderr
    assert page.read_text(encoding="utf-8") == "Please utilise the ramp.\n"
    assert other.read_text(encoding="utf-8") == "Please use the lift.\n"


def test_a_killed_fix_leaves_the_old_file_whole(tmp_path):
    before = "Please utilise the ramp prior to your visit.\n\n" * 3000
    after = "Please use the ramp before your visit.\n\n" * 3000
    path = tmp_path / "page.md"
    for delay in (1.0, 2.0, 3.0, 4.0):
        path.write_text(before, encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "plainlint", "check", "--fix", "--no-cache", "page.md"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert path.read_text(encoding="utf-8") in (before, after)


def test_a_fixed_file_is_checked_and_cached(tmp_path):
    cache = tmp_path / "cache"
    path = tmp_path / "page.md"
    path.write_text("Please utilise the ramp.\n", encoding="utf-8")
    run_cli("check", "--fix", "--cache-dir", str(cache), str(path))
    entries = sorted(p.name for p in cache.rglob("*.json"))
    assert len(entries) == 2  # the text as it was, and as fixed
    result = run_cli("check", "--format", "json", "--cache-dir", str(cache), str(path))
    assert sorted(p.name for p in cache.rglob("*.json")) == entries  # read from the cache
    assert json_output(result)["files"][0]["findings"] == []


def test_markdown_block_structure_is_kept():
    before = (
        "# Heading\n\n* utilise one\n* prior to two\n\n> In order to quote\n\n"
        "| a | b |\n| - | - |\n| utilise | c |\n"
    )
    result = CliRunner().invoke(
        main, ["check", "--fix", "--no-cache", "--stdin-filename", "x.md", "-"], input=before
    )
    after = result.stdout
    assert after != before
    shape = [(b.kind, b.level) for b in parse_document("x.md", before, "markdown").blocks]
    assert [(b.kind, b.level) for b in parse_document("x.md", after, "markdown").blocks] == shape


def test_json_report_after_fix_holds_what_is_left(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("Please utilise an additional needle.\n", encoding="utf-8")
    result = run_cli("check", "--fix", "--no-cache", "--format", "json", str(path))
    left = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["text"] for f in left if f["rule"] == "plain-words"] == ["additional"]


def test_sample_of_real_pages_has_no_safe_fix_left_after_fix(tmp_path):
    corpus = ROOT.parent / "shared" / "corpus" / "nci"
    if not corpus.is_dir():
        pytest.skip("the shared corpus is not here")
    pages = sorted(corpus.glob("*.md"))[:24]
    for page in pages:
        shutil.copy(page, tmp_path / page.name)
    result = run_process("check", "--fix", "--no-cache", ".", cwd=tmp_path, timeout=600)
    assert result.returncode in (0, 1), result.stderr
    again = run_process("check", "--no-cache", "--format", "json", ".", cwd=tmp_path, timeout=600)
    left = [
        f
        for file in json.loads(again.stdout)["files"]
        for f in file["findings"]
        if f.get("fix", {}).get("safe")
    ]
    assert left == []
    for page in pages:
        before = parse_document(page.name, page.read_text(encoding="utf-8"), "markdown")
        after_text = (tmp_path / page.name).read_text(encoding="utf-8")
        after = parse_document(page.name, after_text, "markdown")
        assert [(b.kind, b.level) for b in after.blocks] == [
            (b.kind, b.level) for b in before.blocks
        ]


# From an adversarial review: each case below once lost a link, broke a sentence, or
# changed text it must not touch.


def test_reference_link_labels_are_not_changed(tmp_path):
    page = (
        "# Links\n\nRead how to [utilise the ramp][] first.\n\nRead how to [utilise the ramp] "
        "first.\n\nSee the [chairman].\n\n![Utilise the ramp][]\n\nRead [utilise the lift][lift] "
        "and [utilise the stairs](stairs.html).\n\n[utilise the ramp]: https://example.org/ramp\n"
        "[chairman]: https://example.org/chair\n[lift]: https://example.org/lift\n"
    )
    assert fixed(tmp_path, "page.md", page) == page  # link text needs review
    after = fixed(tmp_path, "page.md", page, "--unsafe-fixes")
    assert after == page.replace("[utilise the lift]", "[use the lift]").replace(
        "[utilise the stairs]", "[use the stairs]"
    )


def test_a_fix_in_link_text_needs_review_as_it_often_names_the_page(tmp_path):
    page = "# Ramps\n\nRead [elevated risk prior to surgery](news.html) today.\n"
    assert fixed(tmp_path, "page.md", page) == page
    assert "[raised risk before surgery]" in fixed(tmp_path, "page.md", page, "--unsafe-fixes")


def test_a_fix_in_a_heading_needs_review_as_links_point_at_its_words(tmp_path):
    page = "# Ramps\n\n## Prior to your visit\n\nSee [the section](#prior-to-your-visit).\n"
    assert fixed(tmp_path, "page.md", page) == page
    assert fixed(tmp_path, "page.md", page, "--unsafe-fixes") == page.replace(
        "## Prior to", "## Before"
    )


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("page.md", "# Quotes\n\n> Please utilise the ramp, she said.\n"),
        ("page.html", "<h1>Quotes</h1>\n<p>She said <q>utilise the ramp</q> twice.</p>\n"),
        ("page.html", "<h1>Quotes</h1>\n<blockquote><p>Utilise the ramp.</p></blockquote>\n"),
        ("page.md", "# Quotes\n\nShe said: „Please utilise the ramp“ twice.\n"),
        ("page.md", "# Quotes\n\nShe said: «Please utilise the ramp» twice.\n"),
        ("page.md", "# Quotes\n\n“It was hard. Please utilise the ramp.\n\n“I did.”\n"),
    ],
)
def test_quotations_are_never_changed(tmp_path, name, page):
    assert fixed(tmp_path, name, page, "--unsafe-fixes") == page


def test_a_fix_never_changes_a_baselined_word(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Visit\n\nOn the day, the nurse utilises the ramp.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run_cli("check", "--no-cache", str(page), "--write-baseline", str(baseline))
    page.write_text("# Visit\n\nOn the day, he or she utilises the ramp.\n", encoding="utf-8")
    run_cli(
        "check", "--fix", "--unsafe-fixes", "--no-cache", "--baseline", str(baseline), str(page)
    )
    assert (
        page.read_text(encoding="utf-8") == "# Visit\n\nOn the day, he or she utilises the ramp.\n"
    )


def test_a_fix_never_changes_a_place_where_its_rule_is_switched_off(tmp_path):
    page = (
        "<h1>Visit</h1>\n<p>If your child is ill, he or she\nis seen first. "
        "<!-- plainlint-disable-line gendered-language --></p>\n"
    )
    assert fixed(tmp_path, "page.html", page) == page


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        ("It is an orally disintegrating tablet.", None),
        ("Some people renounce in the end.", None),
        ("A T cell, depicted in red, attacks it.", None),
        ("Some people renounce smoking.", "Some people give up smoking."),
        ("Cells with altered proteins grow.", None),
        ("See our illustrated leaflet.", None),
        ("A solely online service.", None),
        ("Check your vitamin A quantity.", "Check your vitamin A amount."),
        ("He or she, who is ill, needs rest.", "They, who are ill, need rest."),
        ("He or she neither eats nor drinks.", None),
        ("IF HE OR SHE IS ILL, CALL US.", "IF THEY ARE ILL, CALL US."),
        ("He or she's ready.", None),
        (
            "Ask the chairman’s office. It's open, it's near and it's quiet.",
            "Ask the chair’s office. It's open, it's near and it's quiet.",
        ),
    ],
)
def test_safe_fixes_read_right_or_are_not_made(tmp_path, sentence, after):
    page = f"# Your visit\n\n{sentence}\n"
    expected = page if after is None else f"# Your visit\n\n{after}\n"
    assert fixed(tmp_path, "page.md", page, "--select", "plain-words,gendered-language") == expected


def test_standard_input_comes_back_whole_when_there_is_nothing_to_fix_or_it_is_left_out(tmp_path):
    (tmp_path / "plainlint.yaml").write_text('exclude:\n  - "drafts/"\n', encoding="utf-8")
    text = "Please utilise the \033[31mramp\033[0m.\n"
    for name in ("drafts/x.md", "notes.xyz"):
        done = plainlint_bytes(
            "check", "--fix", "--stdin-filename", name, "-", cwd=tmp_path, data=text.encode("utf-8")
        )
        assert done.stdout == text.encode("utf-8"), name


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + b"Please utilise the ramp.\r\n",
        codecs.BOM_UTF16_LE + "Please utilise the ramp.\n".encode("utf-16-le"),
        b'<meta charset="windows-1252"><p>It\x92s time. Please utilise the ramp.</p>\n',
    ],
)
def test_standard_input_is_printed_back_in_its_own_encoding(tmp_path, data):
    name = "page.html" if data.startswith(b"<meta") else "page.md"
    done = plainlint_bytes("check", "--fix", "--stdin-filename", name, "-", cwd=tmp_path, data=data)
    expected = data.replace(b"utilise", b"use")
    if data.startswith(codecs.BOM_UTF16_LE):
        expected = codecs.BOM_UTF16_LE + "Please use the ramp.\n".encode("utf-16-le")
    assert done.stdout == expected


def test_two_inputs_with_one_name_are_not_fixed(tmp_path):
    (tmp_path / "a.md").write_text("FILE: Please utilise the ramp.\n", encoding="utf-8")
    done = plainlint_bytes(
        "check",
        "--fix",
        "--stdin-filename",
        "a.md",
        "a.md",
        "-",
        cwd=tmp_path,
        data=b"STDIN: Please commence prior to noon.\n",
    )
    assert done.returncode == 2
    assert done.stdout == b"STDIN: Please commence prior to noon.\n"
    assert b"a.md: two of the inputs have this name" in done.stderr
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "FILE: Please utilise the ramp.\n"
    assert run_cli("check", "--fix", "-", "-").exit_code == 2


def test_a_link_to_a_page_being_fixed_is_checked_again_not_refused(tmp_path):
    (tmp_path / "t.md").write_text("# Ramp\n\nPlease utilise the ramp.\n", encoding="utf-8")
    (tmp_path / "l.md").symlink_to("t.md")
    done = run_process("check", "--fix", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "t.md").read_text(encoding="utf-8") == "# Ramp\n\nPlease use the ramp.\n"
    assert all(not file["findings"] for file in json.loads(done.stdout)["files"])


def test_a_file_name_that_is_not_utf8_is_fixed(tmp_path):
    name = os.fsdecode(b"caf\xe9.md")
    (tmp_path / name).write_text("# Ramp\n\nPlease utilise the ramp.\n", encoding="utf-8")
    done = run_process("check", "--fix", "--no-cache", ".", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / name).read_text(encoding="utf-8") == "# Ramp\n\nPlease use the ramp.\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("b1.md", codecs.BOM_UTF8 + b"Please utilise the ramp.\n"),
        ("my page.md", b"# Ramp\n\nPlease utilise the ramp.\n"),
        (
            "w.html",
            b'<meta charset="windows-1252"><p>It\x92s time.\nPlease utilise the ramp.</p>\n',
        ),
    ],
)
def test_the_diff_applies_with_patch_in_any_encoding_and_name(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    shown = plainlint_bytes("check", "--diff", "--no-cache", name, cwd=tmp_path)
    assert shown.returncode == 1, shown.stderr
    patched = subprocess.run(
        ["patch", "-p0", "--quiet"], input=shown.stdout, cwd=tmp_path, check=False
    )
    assert patched.returncode == 0
    assert (tmp_path / name).read_bytes() == data.replace(b"utilise", b"use")


def test_the_diff_of_utf16_text_is_refused_in_one_line(tmp_path):
    data = codecs.BOM_UTF16_LE + "Please utilise the ramp.\n".encode("utf-16-le")
    (tmp_path / "u.md").write_bytes(data)
    done = run_process("check", "--diff", "--no-cache", "u.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "u.md: --diff cannot show changes to UTF-16 or UTF-32 text" in done.stderr
    assert "Traceback" not in done.stderr


def test_fixes_that_undo_each_other_leave_the_page_as_it_was(tmp_path):
    (tmp_path / "plainlint.yaml").write_text(
        "rules:\n  plain-words:\n    words:\n      ramp: slope\n      slope: ramp\n",
        encoding="utf-8",
    )
    page = "# Access\n\nPlease use the ramp.\n"
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    done = run_process("check", "--fix", "--no-cache", "page.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "page.md: its fixes undo each other" in done.stderr
    assert (tmp_path / "page.md").read_text(encoding="utf-8") == page


def test_many_fixes_on_one_page_are_made_in_one_pass():
    source = "Please utilise the ramp.\n" * 20_000
    fixes = [Fix(True, (Edit(line, 8, line, 15, "use"),)) for line in range(1, 20_001)]
    assert apply_fixes(source, fixes) == ("Please use the ramp.\n" * 20_000, 20_000)


def test_every_rule_says_a_known_kind_of_fix_and_fixable_rules_say_when():
    from plainlint.rules import RULES
    from plainlint.rules.base import FIX_KINDS

    for rule in RULES.values():
        assert rule.fix_kind in FIX_KINDS, rule.id
        assert bool(rule.fix_when) == (rule.fix_kind != "none"), rule.id
