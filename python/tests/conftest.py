"""Shared helpers: the repository's fixtures and the command-line tool the
Python reports are compared with.

The tool is ``$KANTLIJN_BIN``, else ``target/release/kantlijn`` or
``target/debug/kantlijn`` of this checkout (``cargo build --release``).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


def _binary() -> Path:
    given = os.environ.get("KANTLIJN_BIN")
    if given:
        path = Path(given)
        if not path.is_file():
            raise RuntimeError(f"KANTLIJN_BIN={given} is not a file")
        return path
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "kantlijn"
        if path.is_file():
            return path
    raise RuntimeError("no kantlijn binary: run `cargo build --release` or set KANTLIJN_BIN")


@pytest.fixture(scope="session")
def cli():
    """Runs the command-line tool; returns its JSON Lines as dicts."""
    binary = _binary()

    def run(*args: str) -> List[Dict[str, Any]]:
        done = subprocess.run(
            [str(binary), "--quiet", "--format", "jsonl", *args],
            capture_output=True,
            cwd=ROOT,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr.decode()
        return [json.loads(line) for line in done.stdout.splitlines()]

    return run


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    """Paths in the tests are relative to the repository, as the tool's are."""
    monkeypatch.chdir(ROOT)


def fixture_inputs() -> List[str]:
    """Every fixture the tool reads: the PDFs and the text file."""
    names = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".pdf", ".txt"))
    assert len(names) >= 20
    return [f"fixtures/{name}" for name in names]


def corpus_pdfs() -> List[str]:
    """The PDFs of the shared corpus of real files (``$KANTLIJN_CORPUS``,
    else ``$KANTLIJN_SHARED_DIR/corpus``, else ``../shared/corpus`` beside
    the checkout), absolute; the test is skipped where there is none."""
    corpus = Path(
        os.environ.get("KANTLIJN_CORPUS")
        or Path(os.environ.get("KANTLIJN_SHARED_DIR", ROOT.parent / "shared")) / "corpus"
    )
    if not corpus.is_dir():
        pytest.skip(f"no corpus of real PDFs at {corpus}")
    return sorted(str(p.resolve()) for p in corpus.rglob("*.pdf"))


def same(python: Dict[str, Any], cli: Dict[str, Any]) -> bool:
    """Equal key for key, in the same order, numbers of the same type."""
    return json.dumps(python, ensure_ascii=False) == json.dumps(cli, ensure_ascii=False)


# An Acrobat comment summary as it survives in a released bundle's text: a
# condition, decision points answered one by one, a deferral.
SUMMARY = """Beslisnota

Overzicht van opmerkingen bij Beslisnota - Regeling

Pagina: 1

Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Tekst plaatsen Datum: 8-6-2026 09:11:02
MWP akkoord 8/6, mits budgetneutraal

Nummer: 2 Auteur: Aartsen, A.A. Onderwerp: Tekst plaatsen Datum: 9-6-2026 10:00:00
1. akkoord 2. niet akkoord. Staatssecretaris 9-6-2026

Nummer: 3 Auteur: Bakker, B. Onderwerp: Tekst plaatsen Datum: 10-6-2026 10:00:00
SG aangehouden 10/6
"""


@pytest.fixture
def summary_file(tmp_path):
    """SUMMARY as a text input."""
    path = tmp_path / "overzicht.txt"
    path.write_text(SUMMARY, encoding="utf-8")
    return str(path)
