"""kantlijn.dask on a local cluster of two worker processes: one report per
input, in input order, the command-line tool's."""

from __future__ import annotations

import pytest

from conftest import ROOT, corpus_pdfs, fixture_inputs, same

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

import kantlijn.dask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_reports_on_a_cluster_are_the_cli_reports(cli, client):
    # Absolute paths: every worker must see the same files under the same
    # names.
    paths = [str(ROOT / p) for p in fixture_inputs()] + [str(ROOT / "fixtures/bestaat-niet.pdf")]
    bag = kantlijn.dask.reports(paths, partition_size=5)
    assert bag.npartitions == -(-len(paths) // 5)
    reports = bag.compute()
    expected = cli(*paths)
    assert len(reports) == len(expected) == len(paths)
    assert [r["file"] for r in reports] == paths
    for report, line in zip(reports, expected):
        assert same(report, line), report["file"]
    workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2


def test_real_pdfs_on_a_cluster_are_the_cli_reports(cli, client):
    """Released and malformed PDFs from many producers: one report each, in
    order, the CLI's byte for byte, errors included."""
    paths = corpus_pdfs()
    reports = kantlijn.dask.reports(paths).compute()
    expected = cli(*paths)
    assert len(reports) == len(expected) == len(paths)
    assert [r["file"] for r in reports] == paths
    differ = [r["file"] for r, line in zip(reports, expected) if not same(r, line)]
    assert differ == []
    assert any(r["error"] for r in reports) and any(r["annotations"] for r in reports)


def test_default_partitions():
    paths = [str(ROOT / p) for p in fixture_inputs()]
    assert kantlijn.dask.reports(paths).npartitions >= 8
    assert kantlijn.dask.reports(paths * 40).npartitions == -(-len(paths) * 40 // kantlijn.dask.PARTITION_SIZE)


def test_arguments_are_checked_before_computing():
    with pytest.raises(TypeError, match="unexpected option"):
        kantlijn.dask.reports(["a.pdf"], colour=True)
    with pytest.raises(ValueError, match="partition_size"):
        kantlijn.dask.reports(["a.pdf"], partition_size=0)
    with pytest.raises(TypeError, match="wrap it in a list"):
        kantlijn.dask.reports("a.pdf")


def test_decision_register_as_a_dataframe(cli, client):
    pytest.importorskip("dask.dataframe")
    paths = [str(ROOT / p) for p in fixture_inputs()]
    lazy = kantlijn.dask.to_dataframe(paths, records="decisions", partition_size=4)
    required = kantlijn.schema()["$defs"]["Decision"]["required"]
    assert list(lazy.columns) == ["file", "error", *required, "nota_title", "nota_date", "nota_reference", "file_bytes"]
    frame = lazy.compute()
    assert frame.dtypes.equals(lazy.dtypes)
    lines = cli("--decisions", *paths)
    decided = frame[frame["verdict"].notna()]
    expected = [line for line in lines if "verdict" in line]
    assert len(decided) == len(expected) >= 10
    assert list(decided["file"]) == [line["file"] for line in expected]
    assert list(decided["date"]) == [line["date"] for line in expected]
    assert list(decided["page"]) == [line["page"] for line in expected]
    titles = [title if isinstance(title, str) else None for title in decided["nota_title"]]
    assert titles == [line["nota_title"] for line in expected]
    # Every input has its rows; the one that could not be read, its error.
    assert list(frame["file"].drop_duplicates()) == paths
    (failed,) = [line for line in lines if "error" in line]
    row = frame[frame["file"] == failed["file"]].iloc[0]
    assert row["error"].startswith("needs_password: ")


@pytest.mark.parametrize("records", ["annotations", "comments", "decisions", "notas"])
def test_dataframe_rows_are_to_pandas_rows(client, records):
    """Nested values (an annotation's rect and flags, a decision's
    seen_in, a nota's decisions) stay lists and dicts, as to_pandas gives
    them, not the strings Dask makes of object columns by default."""
    pandas = pytest.importorskip("pandas")
    paths = [str(ROOT / p) for p in fixture_inputs()]
    lazy = kantlijn.dask.to_dataframe(paths, records=records, partition_size=4)
    frame = lazy.compute().reset_index(drop=True)
    expected = kantlijn.to_pandas(list(kantlijn.extract_many(paths)), records)
    pandas.testing.assert_frame_equal(frame, expected)
