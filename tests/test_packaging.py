"""The built wheel carries the built-in rules.yaml and glossary.yaml, and uses them."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("plainlint-*.whl")
    return built


def test_wheel_carries_the_defaults_and_data(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in ("rules.yaml", "glossary.yaml"):
            assert archive.read(f"plainlint/{name}") == (ROOT / name).read_bytes()
    assert "plainlint/data/syllables.txt.gz" in names
    assert "plainlint/data/irregular_verbs.yaml" in names
    assert "plainlint/data/CMUDICT-LICENSE" in names


def _site_packages() -> list[str]:
    """The folders this Python takes installed packages from, wherever it runs."""
    return [path for path in sys.path if Path(path).name in ("site-packages", "dist-packages")]


def test_installed_wheel_reads_its_own_rules_yaml(wheel, tmp_path):
    # The wheel goes into a new environment of its own. plainlint's dependencies
    # come from the Python running these tests, through a .pth file that names
    # its package folders. `system_site_packages=True` would not do: inside a
    # virtual environment it points at the base Python, which lacks them. The
    # .pth file adds the folders after the new environment's own, and a folder
    # named there has its own .pth files skipped, so the checkout's editable
    # install stays out and `import plainlint` finds the wheel.
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    own = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(own) / "outer_packages.pth").write_text("\n".join(_site_packages()) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    page = tmp_path / "page.md"
    page.write_text("Please utilise the ramp.\n")
    probe = "from plainlint.settings.loading import default_file; print(default_file('rules.yaml'))"
    where = subprocess.run(
        [str(python), "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert str(env_dir) in where.stdout
    done = subprocess.run(
        [str(python), "-m", "plainlint", "check", str(page)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert "plain-words" in done.stdout, done.stderr
