"""The README shows real output: its JSON example, its text example and its picture
must match what plainlint prints on the example pages today."""

from __future__ import annotations

import importlib.util
import json
import os
import re

import pytest
from conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
REMAKE = "run python scripts/make_readme_picture.py"


@pytest.fixture(scope="module")
def real() -> dict:
    """`plainlint check --format json examples/`, as the README says it was made."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = run_cli("check", "--no-cache", "--format", "json", "examples/")
    finally:
        os.chdir(here)
    return json.loads(result.stdout)


def _block(language: str, containing: str) -> str:
    for block in re.findall(rf"^```{language}\n(.*?)^```$", README, re.MULTILINE | re.DOTALL):
        if containing in block:
            return block
    raise AssertionError(f"the README has no {language} example with {containing!r}")


def test_the_json_example_is_real_output_cut_down(real):
    shown = json.loads(_block("json", '"summary"'))
    assert shown["version"] == real["version"]
    assert shown["summary"] == real["summary"]
    files = {entry["path"]: entry for entry in real["files"]}
    for entry in shown["files"]:
        assert entry["metrics"] == files[entry["path"]]["metrics"], entry["path"]
        for finding in entry["findings"]:
            assert finding in files[entry["path"]]["findings"], finding


def test_the_text_example_is_real_output():
    result = run_cli("check", "--no-cache", "--color", "never", str(ROOT / "examples"))
    printed = {line.replace(str(ROOT) + "/", "") for line in result.stdout.splitlines()}
    for line in _block("text", "examples/biopsy.html").splitlines():
        assert line in printed, line


def test_the_picture_is_the_real_report():
    spec = importlib.util.spec_from_file_location(
        "make_readme_picture", ROOT / "scripts" / "make_readme_picture.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    drawn = script.picture(script.report_lines())
    assert (ROOT / "docs" / "report.svg").read_text(encoding="utf-8") == drawn, REMAKE
    assert "report.svg" in README
