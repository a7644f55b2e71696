"""kantlijn.extract_many and the registers: one report per input, in input
order, the command-line tool's; a file that hangs or kills its worker costs
one error report."""

from __future__ import annotations

import base64
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import kantlijn
from conftest import fixture_inputs, same


@pytest.fixture(autouse=True)
def no_idle_workers():
    """Each test starts without workers kept from another."""
    kantlijn._pool._IDLE.stop_all()


def test_batch_is_the_cli_batch(cli):
    paths = [*fixture_inputs(), "fixtures/bestaat-niet.pdf"]
    expected = cli(*paths)
    assert len(expected) == len(paths)
    reports = list(kantlijn.extract_many(paths, jobs=2))
    assert [r["file"] for r in reports] == paths
    for report, line in zip(reports, expected):
        assert same(report, line), report["file"]


def test_batch_equals_extract_with_options():
    paths = ["fixtures/beslisnota-wachtwoord.pdf", "fixtures/subtypes.pdf", "fixtures/beslisnota-met-overzicht.pdf"]
    options = {"password": "geheim", "links": True, "flattened": False}
    batch = list(kantlijn.extract_many(paths, jobs=1, **options))
    assert batch == [kantlijn.extract(path, **options) for path in paths]
    assert batch[0]["error"] is None


def test_lazy_input_and_order():
    paths = fixture_inputs()
    many = paths * 3
    reports = kantlijn.extract_many((Path(p) for p in many), jobs=3)
    assert [r["file"] for r in reports] == many


def test_empty_batch():
    assert list(kantlijn.extract_many([])) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds its workers through /proc")
def test_closing_early_stops_the_busy_workers(hanging_input):
    batch = kantlijn.extract_many(["fixtures/beslisnota.pdf", hanging_input], jobs=2)
    assert next(batch)["error"] is None
    assert len(_workers()) == 2
    batch.close()
    assert len(_workers()) == 1  # the idle one is kept for the next batch
    kantlijn._pool._IDLE.stop_all()
    assert _workers() == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds its workers through /proc")
def test_idle_workers_serve_the_next_batch_then_stop(monkeypatch):
    monkeypatch.setattr(kantlijn._pool, "IDLE_SECONDS", 0.5)
    paths = fixture_inputs()
    first = list(kantlijn.extract_many(paths, jobs=2))
    kept = sorted(_workers())
    assert len(kept) == 2
    # Other options: other workers.
    list(kantlijn.extract_many(paths[:1], jobs=1, text=False))
    assert len(_workers()) == 3
    assert list(kantlijn.extract_many(paths, jobs=2)) == first
    assert set(kept) <= set(_workers())
    time.sleep(2)
    assert _workers() == []


@pytest.fixture
def hanging_input(tmp_path):
    """A named pipe nobody writes: opening or reading it blocks, as a file on
    a stalled network share does."""
    fifo = tmp_path / "hangt.pdf"
    os.mkfifo(fifo)
    return str(fifo)


def test_a_hanging_file_costs_one_timeout_report(cli, hanging_input):
    paths = ["fixtures/beslisnota.pdf", hanging_input, "fixtures/subtypes.pdf"]
    started = time.monotonic()
    reports = list(kantlijn.extract_many(paths, jobs=1, timeout=2))
    assert time.monotonic() - started < 60
    assert [r["file"] for r in reports] == paths
    assert reports[1]["error"] == {
        "kind": "timeout",
        "message": f"{hanging_input}: still being read 1 s after its time limit of 2 s; its worker was stopped",
    }
    expected = cli("--timeout", "2", *paths)
    for report, line in zip(reports, expected):
        assert same(report, line)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds its workers through /proc")
def test_a_worker_that_dies_costs_one_crash_report(hanging_input):
    paths = ["fixtures/beslisnota.pdf", hanging_input, "fixtures/subtypes.pdf"]
    batch = kantlijn.extract_many(paths, jobs=1, timeout=120)
    first = next(batch)
    killer = threading.Thread(target=_kill_the_reader_of, args=(hanging_input,), daemon=True)
    killer.start()
    rest = list(batch)
    killer.join()
    reports = [first, *rest]
    assert [r["file"] for r in reports] == paths
    assert reports[1]["error"] == {
        "kind": "crashed",
        "message": f"{hanging_input}: the worker reading this file died (a crash or stack overflow in a dependency)",
    }
    assert reports[0] == kantlijn.extract(paths[0])
    assert reports[2] == kantlijn.extract(paths[2])


def _kill_the_reader_of(fifo: str) -> None:
    """Waits until a worker has the pipe open for reading, then kills it, as
    a segmentation fault or the out-of-memory killer would."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # no reader yet
            time.sleep(0.01)
            continue
        try:
            for pid in _workers():
                os.kill(pid, signal.SIGKILL)
        finally:
            os.close(writer)
        return


def _workers() -> list:
    """This process's kantlijn worker processes."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and b"kantlijn._worker" in cmdline:
            found.append(int(entry.name))
    return found


def test_decisions_are_the_cli_register(cli):
    paths = [*fixture_inputs(), "fixtures/bestaat-niet.pdf"]
    expected = cli("--decisions", *paths)
    rows = kantlijn.decisions(paths)
    assert len(rows) == len(expected) >= 5
    for row, line in zip(rows, expected):
        assert same(row, line)
    assert rows[-1]["error"]["kind"] == "unreadable"


def test_registers_take_reports_as_well_as_paths():
    report = kantlijn.extract("fixtures/beslisnota.pdf")
    assert kantlijn.decisions([report]) == kantlijn.decisions(["fixtures/beslisnota.pdf"])
    assert kantlijn.decisions([report, "fixtures/beslisnota-flattened.txt"]) == kantlijn.decisions(
        ["fixtures/beslisnota.pdf", "fixtures/beslisnota-flattened.txt"]
    )


def test_notas_are_the_cli_register(cli):
    paths = [
        "fixtures/notas-bundel.pdf",
        "fixtures/notas-bundel.txt",
        "fixtures/beslisnota.pdf",
        "fixtures/dates.pdf",
        "fixtures/bestaat-niet.pdf",
    ]
    expected = cli("--notas", *paths)
    rows = kantlijn.notas(paths)
    assert len(rows) == len(expected) >= 4
    assert any("error" in line for line in expected)
    for row, line in zip(rows, expected):
        assert same(row, line)
    assert rows[0]["nota"] == 0 and rows[0]["decisions"] and "verdict" in rows[0]["decisions"][0]


def test_notas_fold_in_the_decisions_of_reports():
    report = kantlijn.extract("fixtures/notas-bundel.pdf")
    assert report["notas"]
    rows = kantlijn.notas([report])
    assert [row["title"] for row in rows] == [nota["title"] for nota in report["notas"]]
    for index, (row, nota) in enumerate(zip(rows, report["notas"])):
        assert row["nota"] == index
        assert row["decisions"] == [report["decisions"][i] for i in nota["decisions"]]
    # An input without notas has a row all the same.
    assert kantlijn.notas([kantlijn.extract("fixtures/dates.pdf")]) == [{"file": "fixtures/dates.pdf"}]


def test_to_pandas_has_a_row_per_record_and_per_empty_input():
    pandas = pytest.importorskip("pandas")
    paths = [*fixture_inputs(), "fixtures/bestaat-niet.pdf"]
    reports = list(kantlijn.extract_many(paths))
    for records in ("annotations", "comments", "decisions", "notas"):
        frame = kantlijn.to_pandas(reports, records=records)
        assert isinstance(frame, pandas.DataFrame)
        assert list(frame.columns[:2]) == ["file", "error"]
        counts = [len(r.get(records) or []) for r in reports]
        assert len(frame) == sum(max(1, n) for n in counts)
        assert list(frame["file"].drop_duplicates()) == paths
    decisions = kantlijn.to_pandas(reports, records="decisions")
    row = decisions[decisions["file"] == "fixtures/beslisnota.pdf"].iloc[0]
    assert (row["actor"], row["verdict"], row["date"]) == ("MWP", "approved", "2026-06-08")
    failed = decisions[decisions["file"] == "fixtures/bestaat-niet.pdf"].iloc[0]
    assert failed["error"].startswith("unreadable: fixtures/bestaat-niet.pdf")
    # A null is None in every object column, whether or not other rows
    # hold a value there (not NaN, which `is None` misses).
    assert row["error"] is None
    for records in ("annotations", "decisions"):
        frame = kantlijn.to_pandas(reports, records=records)
        for name in frame.select_dtypes(include="object").columns:
            assert not any(isinstance(v, float) for v in frame[name]), (records, name)
    annotations = kantlijn.to_pandas(reports[:1])
    assert list(annotations.columns[2:-1]) == list(reports[0]["annotations"][0])
    assert annotations.columns[-1] == "file_bytes" and annotations["file_bytes"].isna().all()


def test_to_pandas_columns_and_dtypes_come_from_the_schema():
    pytest.importorskip("pandas")
    reports = [kantlijn.extract("fixtures/beslisnota.pdf"), kantlijn.extract("fixtures/bestaat-niet.pdf")]
    frame = kantlijn.to_pandas(reports, records="decisions")
    required = kantlijn.schema()["$defs"]["Decision"]["required"]
    nota_of_decision = ["nota_title", "nota_date", "nota_reference"]
    assert list(frame.columns) == ["file", "error", *required, *nota_of_decision, "file_bytes"]
    assert str(frame["page"].dtype) == "Int64" and str(frame["actor_from_author"].dtype) == "boolean"
    assert frame["page"].isna().tolist() == [False, True]
    empty = kantlijn.to_pandas([], records="comments")
    assert list(empty.columns) == ["file", "error", *kantlijn.schema()["$defs"]["Comment"]["required"], "file_bytes"]
    assert len(empty) == 0


def test_nota_table_has_the_csv_columns():
    pytest.importorskip("pandas")
    frame = kantlijn.to_pandas([kantlijn.extract("fixtures/notas-bundel.pdf")], records="notas")
    required = kantlijn.schema()["$defs"]["Nota"]["required"]
    assert list(frame.columns) == ["file", "error", "nota", *required, "file_bytes"]
    assert list(frame["nota"]) == list(range(len(frame)))


def test_decision_table_has_the_new_keys_with_their_dtypes(summary_file):
    pytest.importorskip("pandas")
    frame = kantlijn.to_pandas([kantlijn.extract(summary_file)], records="decisions")
    assert str(frame["point"].dtype) == "Int64" and str(frame["conditional"].dtype) == "boolean"
    assert frame["point"].tolist()[1:3] == [1, 2] and frame["point"].isna().tolist() == [True, False, False, True]
    assert frame["conditional"].tolist() == [True, False, False, False]
    assert frame["verdict"].tolist() == ["approved", "approved", "rejected", "deferred"]
    nota_columns = list(kantlijn.to_pandas([kantlijn.extract("fixtures/stamps.pdf")], records="notas").columns)
    assert nota_columns == ["file", "error", "nota", *kantlijn.schema()["$defs"]["Nota"]["required"], "file_bytes"]
    annotations = kantlijn.to_pandas([kantlijn.extract("fixtures/stamps.pdf")])
    assert annotations["appearance_text"].tolist()[2] == "Gezien. SG 9/6"


def test_a_batch_left_unfinished_lets_python_exit_cleanly(tmp_path):
    """A script that stops at the first hit and exits with the batch's
    generator unfinished: the generator is closed while Python shuts down,
    its reader threads frozen, and stopping its workers must not touch the
    streams those threads hold."""
    script = tmp_path / "first_hit.py"
    script.write_text(
        "import kantlijn\n"
        "reports = kantlijn.extract_many(['fixtures/beslisnota.pdf'] * 200, jobs=2)\n"
        "for report in reports:\n"
        "    if report['decisions']:\n"
        "        print(report['file'])\n"
        "        break\n"
    )
    # It aborted or hung in most runs; a few runs tell.
    for _ in range(6):
        done = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, timeout=60, cwd=os.getcwd()
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == "fixtures/beslisnota.pdf\n"


def test_an_item_of_a_generator_that_is_no_path_is_one_error_report():
    """A NaN from a pandas column with a missing value, a name that no file
    system takes: the batch goes on, and the reports before them come."""

    def paths():
        yield "fixtures/beslisnota.pdf"
        yield float("nan")
        yield "\ud800.pdf"
        yield "fixtures/subtypes.pdf"

    reports = list(kantlijn.extract_many(paths(), jobs=2))
    assert [r["error"] and r["error"]["kind"] for r in reports] == [None, "unreadable", "unreadable", None]
    assert reports[1]["file"] == "nan" and "expected a path" in reports[1]["error"]["message"]
    assert [r["file"] for r in (reports[0], reports[3])] == ["fixtures/beslisnota.pdf", "fixtures/subtypes.pdf"]
    # In a list, paths are checked before anything is read.
    with pytest.raises(ValueError, match="cannot be a file name"):
        kantlijn.extract_many(["fixtures/beslisnota.pdf", "\ud800.pdf"])


def test_registers_take_the_batch_options():
    rows = kantlijn.decisions(["fixtures/beslisnota.pdf"], jobs=1, timeout=30)
    assert [(r["actor"], r["verdict"]) for r in rows] == [("MWP", "approved")]
    assert len(kantlijn.notas(["fixtures/notas-bundel.pdf"], jobs=1, timeout=30)) >= 2
    with pytest.raises(TypeError, match="unexpected option"):
        kantlijn.decisions(["fixtures/beslisnota.pdf"], colour=True)


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8 needs a Linux file system")
def test_to_pandas_keeps_the_exact_bytes_of_a_name_that_is_not_utf8(tmp_path):
    pytest.importorskip("pandas")
    names = [os.path.join(os.fsencode(tmp_path), b"nota-" + byte + b".pdf") for byte in (b"\xe9", b"\xe8")]
    for name in names:
        shutil.copy("fixtures/beslisnota.pdf", name)
    reports = [kantlijn.extract(os.fsdecode(name)) for name in names]
    for records in ("annotations", "comments", "decisions", "notas"):
        frame = kantlijn.to_pandas(reports, records=records)
        assert frame.columns[-1] == "file_bytes"
        # `file` reads both names alike; `file_bytes` gives each back.
        assert frame["file"].nunique() == 1
        assert sorted({base64.b64decode(b) for b in frame["file_bytes"]}) == sorted(names)
