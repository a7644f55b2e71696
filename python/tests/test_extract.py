"""kantlijn.extract: the command-line tool's report, key for key."""

from __future__ import annotations

import os
import pathlib

import pytest

import kantlijn
from conftest import FIXTURES, SUMMARY, fixture_inputs, same


@pytest.mark.parametrize("path", fixture_inputs())
def test_fixture_report_is_the_cli_report(cli, path):
    (expected,) = cli(path)
    assert same(kantlijn.extract(path), expected)


@pytest.mark.parametrize(
    ("options", "flags"),
    [
        ({"text": False}, ["--no-text"]),
        ({"flattened": False}, ["--no-flattened"]),
        ({"links": True, "widgets": True}, ["--links", "--widgets"]),
    ],
)
@pytest.mark.parametrize("path", ["fixtures/subtypes.pdf", "fixtures/beslisnota-met-overzicht.pdf"])
def test_options_are_the_cli_flags(cli, path, options, flags):
    (expected,) = cli(*flags, path)
    assert same(kantlijn.extract(path, **options), expected)


def test_options_change_the_report():
    path = "fixtures/beslisnota-met-overzicht.pdf"
    full = kantlijn.extract(path)
    assert full["comments"] and any(a["text_under"] for a in full["annotations"])
    assert kantlijn.extract(path, flattened=False)["comments"] == []
    assert not any(a["text_under"] for a in kantlijn.extract(path, text=False)["annotations"])
    subtypes = kantlijn.extract("fixtures/subtypes.pdf", links=True, widgets=True)
    assert {"Link", "Widget"} <= {a["subtype"] for a in subtypes["annotations"]}


def test_path_like():
    assert kantlijn.extract(pathlib.Path("fixtures/beslisnota.pdf")) == kantlijn.extract("fixtures/beslisnota.pdf")


def test_the_beslisnota_decision():
    report = kantlijn.extract("fixtures/beslisnota.pdf")
    assert report["schema_version"] == kantlijn.SCHEMA_VERSION == 1
    assert report["pages"] == 2
    (decision,) = report["decisions"]
    assert (decision["actor"], decision["verdict"], decision["date"], decision["text"]) == (
        "MWP",
        "approved",
        "2026-06-08",
        "MWP akkoord 8/6",
    )


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
@pytest.mark.parametrize("name", ["beslisnota.pdf", "beslisnota-objstm.pdf", "beslisnota-flattened.txt"])
def test_bytes_give_the_report_of_the_file(kind, name):
    path = f"fixtures/{name}"
    data = kind((FIXTURES / name).read_bytes())
    from_bytes = kantlijn.extract(data)
    assert from_bytes["file"] == "<bytes>"
    assert from_bytes == {**kantlijn.extract(path), "file": "<bytes>"}
    assert kantlijn.extract(data, name=path) == kantlijn.extract(path)


def test_bytes_that_are_no_pdf():
    report = kantlijn.extract(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", name="plaatje.png")
    assert report["error"]["kind"] == "not_supported"
    assert "plaatje.png" in report["error"]["message"]
    assert report["annotations"] == [] and report["pages"] is None


def test_timeout_stops_the_reading_of_one_input():
    """As --timeout: the reading stops at the limit and says so; None is no
    limit at all."""
    full = kantlijn.extract("fixtures/notas-bundel.pdf")
    assert full["complete"] is True
    assert kantlijn.extract("fixtures/notas-bundel.pdf", timeout=None) == full
    cut = kantlijn.extract("fixtures/notas-bundel.pdf", timeout=1e-9)
    assert cut["complete"] is False
    assert any(w["kind"] == "time_limit" for w in cut["warnings"]), cut["warnings"]
    with pytest.raises(ValueError, match="timeout"):
        kantlijn.extract("fixtures/beslisnota.pdf", timeout=0)
    with pytest.raises(TypeError, match="timeout"):
        kantlijn.extract("fixtures/beslisnota.pdf", timeout="60")


def test_a_path_given_as_bytes_is_refused_not_read_as_content():
    """os.listdir(b".") gives paths as bytes; read as an input's content
    they would make an empty text report without an error."""
    with pytest.raises(TypeError, match=r"os\.fsdecode"):
        kantlijn.extract(os.fsencode("fixtures/beslisnota.pdf"))
    # Text that names no file is content.
    assert kantlijn.extract(b"MWP akkoord 8/6 2026")["input_kind"] == "text"


def test_a_path_that_is_missing_given_as_bytes_is_refused_too():
    with pytest.raises(TypeError, match=r"os\.fsdecode"):
        kantlijn.extract(b"bestaat-niet.pdf")


def test_a_pipe_without_a_writer_ends_at_the_time_limit(tmp_path):
    fifo = tmp_path / "wacht.pdf"
    os.mkfifo(fifo)
    report = kantlijn.extract(str(fifo), timeout=1)
    assert report["file"] == str(fifo)
    assert report["error"]["kind"] == "timeout"


@pytest.mark.skipif(os.name != "posix" or not pathlib.Path("/proc").exists(), reason="needs a Linux file name")
def test_an_error_report_keeps_the_exact_bytes_of_its_name(tmp_path):
    import base64

    name = os.path.join(os.fsencode(tmp_path), b"weg-\xe9.pdf")
    report = kantlijn.extract(os.fsdecode(name))
    assert report["error"]["kind"] == "unreadable"
    assert base64.b64decode(report["file_bytes"]) == name
    [batch] = kantlijn.extract_many([os.fsdecode(name)], jobs=1)
    assert batch == report


def test_password(cli):
    path = "fixtures/beslisnota-wachtwoord.pdf"
    refused = kantlijn.extract(path)
    assert refused["error"]["kind"] == "needs_password"
    assert refused["encrypted"] is True and refused["annotations"] == []
    assert kantlijn.extract(path, password="fout")["error"]["kind"] == "needs_password"
    opened = kantlijn.extract(path, password="geheim")
    assert opened["error"] is None and opened["encrypted"] is True
    plain = kantlijn.extract("fixtures/beslisnota.pdf")
    assert opened["annotations"] == plain["annotations"]
    # A batch's password does not lock a file with an empty user password.
    other = kantlijn.extract("fixtures/beslisnota-aes-128.pdf", password="geheim")
    assert other["error"] is None and other["annotations"] == plain["annotations"]
    assert opened["decisions"] == plain["decisions"]
    (expected,) = cli("--password", "geheim", path)
    assert same(opened, expected)
    (expected,) = cli(path)
    assert same(refused, expected)


def test_unreadable_inputs_give_error_reports(cli, tmp_path):
    picture = tmp_path / "scan.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    missing = tmp_path / "bestaat-niet.pdf"
    # Text named .pdf is refused as no PDF, not read as text: no input_kind.
    text = tmp_path / "nota.pdf"
    text.write_text("MWP akkoord 8/6\n")
    inputs = [
        (picture, "not_supported"),
        (empty, "not_supported"),
        (missing, "unreadable"),
        (text, "not_supported"),
    ]
    for path, kind in inputs:
        report = kantlijn.extract(str(path))
        assert report["error"]["kind"] == kind, report
        assert str(path) in report["error"]["message"]
        assert report["file"] == str(path)
        (expected,) = cli(str(path))
        assert same(report, expected)
    folder = kantlijn.extract(str(tmp_path))
    assert folder["error"]["kind"] == "unreadable"


def test_truncated_and_damaged_files_are_the_cli_reports(cli):
    for path in ["fixtures/beslisnota-truncated.pdf", "fixtures/beslisnota-bad-xref.pdf"]:
        (expected,) = cli(path)
        assert same(kantlijn.extract(path), expected)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: kantlijn.extract(42), TypeError, "path"),
        (lambda: kantlijn.extract(None), TypeError, "path"),
        (lambda: kantlijn.extract("x.pdf", text="no"), TypeError, "text must be True or False"),
        (lambda: kantlijn.extract("x.pdf", links=1), TypeError, "links"),
        (lambda: kantlijn.extract("x.pdf", password=b"geheim"), TypeError, "password must be a str"),
        (lambda: kantlijn.extract("x.pdf", threads=-1), ValueError, "threads"),
        (lambda: kantlijn.extract("x.pdf", threads=1.5), TypeError, "threads"),
        (lambda: kantlijn.extract("x.pdf", name="y"), TypeError, "name= is for bytes"),
        (lambda: kantlijn.extract("x.pdf", pasword="geheim"), TypeError, "pasword"),
        (lambda: kantlijn.extract_many("fixtures/beslisnota.pdf"), TypeError, "wrap it in a list"),
        (lambda: kantlijn.extract_many([], jobs=0), ValueError, "jobs must be at least 1"),
        (lambda: kantlijn.extract_many([], jobs="2"), TypeError, "jobs"),
        (lambda: kantlijn.extract_many([], timeout=0), ValueError, "timeout"),
        (lambda: kantlijn.extract_many([], timeout="1"), TypeError, "timeout"),
        (lambda: kantlijn.extract_many([], colour=True), TypeError, "unexpected option 'colour'"),
        (lambda: kantlijn.extract_many([3]), TypeError, "not int"),
        (lambda: kantlijn.decisions("fixtures/beslisnota.pdf"), TypeError, "wrap it in a list"),
        (lambda: kantlijn.to_pandas([], records="stamps"), ValueError, "records must be one of"),
        (lambda: kantlijn.to_pandas([], records=None), TypeError, "records must be a str"),
    ],
)
def test_wrong_arguments_raise(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_a_pipe_is_read_while_other_threads_run(tmp_path):
    """While one thread waits for a pipe that nobody writes yet, this
    thread runs: it is the one that writes the input. Were the GIL held
    while waiting, this thread could not write and the run would hang; the
    watchdog (it needs no GIL) ends it with a traceback instead."""
    import faulthandler
    import os
    import threading

    fifo = tmp_path / "overzicht.txt"
    os.mkfifo(fifo)
    result = {}
    reader = threading.Thread(target=lambda: result.update(report=kantlijn.extract(str(fifo))))
    faulthandler.dump_traceback_later(120, exit=True)
    try:
        reader.start()
        with open(fifo, "wb") as pipe:  # blocks until the reader has opened it
            pipe.write((FIXTURES / "beslisnota-flattened.txt").read_bytes())
        reader.join(timeout=60)
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert not reader.is_alive()
    expected = kantlijn.extract("fixtures/beslisnota-flattened.txt")
    assert result["report"] == {**expected, "file": str(fifo)}


def test_threads_give_the_same_reports():
    from concurrent.futures import ThreadPoolExecutor

    paths = fixture_inputs()
    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(kantlijn.extract, paths))
    assert threaded == [kantlijn.extract(path) for path in paths]


def test_schema_lists_the_report_keys_in_order():
    schema = kantlijn.schema()
    assert schema["properties"]["schema_version"]["const"] == kantlijn.SCHEMA_VERSION
    report = kantlijn.extract("fixtures/beslisnota-met-overzicht.pdf")
    assert schema["required"] == list(report)
    definitions = schema["$defs"]
    for key, record in [("annotations", "Annotation"), ("comments", "Comment"), ("decisions", "Decision")]:
        assert report[key], key
        assert definitions[record]["required"] == list(report[key][0]), key


def test_a_nota_bundle_ties_decisions_to_their_notas(cli):
    path = "fixtures/notas-bundel.pdf"
    report = kantlijn.extract(path)
    (expected,) = cli(path)
    assert same(report, expected)
    notas, decisions = report["notas"], report["decisions"]
    assert len(notas) == 3 and decisions
    for index, nota in enumerate(notas):
        for decision in nota["decisions"]:
            assert decisions[decision]["nota"] == index
    assert {d["nota"] for d in decisions} <= set(range(len(notas)))
    assert all(d["nota"] is not None for d in decisions)


def test_stamps_are_read_from_their_appearance(cli):
    path = "fixtures/stamps.pdf"
    report = kantlijn.extract(path)
    # What fixtures/builder draws into the stamp's and the text box's
    # appearances; neither has /Contents.
    texts = [a["appearance_text"] for a in report["annotations"]]
    assert texts == ["AKKOORD\nMinister van SZW\n08-06-2026 09:11", None, "Gezien. SG 9/6"]
    assert all(a["contents"] is None for a in report["annotations"])
    found = [(d["actor"], d["verdict"], d["date"], d["point"], d["conditional"]) for d in report["decisions"]]
    assert found == [
        ("Minister van SZW", "approved", "2026-06-08", None, False),
        ("SG", "noted", "2026-06-09", None, False),
    ]
    assert report["complete"] is True and report["warnings"] == []
    (expected,) = cli(path)
    assert same(report, expected)
    unread = kantlijn.extract(path, text=False)
    assert [a["appearance_text"] for a in unread["annotations"]] == [None, None, None]
    (expected,) = cli("--no-text", path)
    assert same(unread, expected)


def test_points_conditions_and_deferrals_are_the_cli_records(cli, summary_file):
    report = kantlijn.extract(summary_file)
    (expected,) = cli(summary_file)
    assert same(report, expected)
    keys = ("actor", "verdict", "point", "remark", "conditional", "date")
    found = [tuple(d[key] for key in keys) for d in report["decisions"]]
    assert found == [
        ("MWP", "approved", None, "mits budgetneutraal", True, "2026-06-08"),
        ("Staatssecretaris", "approved", 1, None, False, "2026-06-09"),
        ("Staatssecretaris", "rejected", 2, None, False, "2026-06-09"),
        ("SG", "deferred", None, None, False, "2026-06-10"),
    ]
    assert kantlijn.extract(SUMMARY.encode(), name=summary_file) == report
    rows = kantlijn.decisions([summary_file])
    lines = cli("--decisions", summary_file)
    assert len(rows) == len(lines) == 4
    for row, line in zip(rows, lines):
        assert same(row, line)
