"""Batches on Dask: reading a release that outgrows one machine.

kantlijn's work on one input needs nothing from any other input, and gives
one report per input: a map step. This module expresses it as a
``dask.bag.Bag`` whose partitions are chunks of paths, each chunk read with
:func:`kantlijn.extract_many` in worker processes on the Dask worker that
runs it, so a file that crashes or hangs the reader costs one error report,
not the Dask worker and not the partition.

>>> from dask.distributed import Client, LocalCluster
>>> import kantlijn.dask
>>> client = Client(LocalCluster(n_workers=2, threads_per_worker=1))  # doctest: +SKIP
>>> bag = kantlijn.dask.reports(paths)                                # doctest: +SKIP
>>> register = kantlijn.dask.to_dataframe(bag, records="decisions")   # doctest: +SKIP

Every path must be readable, under the same name, on every Dask worker
(a shared file system, or the same mount everywhere). Needs ``dask[bag]``
(``pip install "kantlijn[dask]"``); :func:`to_dataframe` also needs
``dask[dataframe]``.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional

from ._options import check_options, check_path, iterable
from ._pool import _check_jobs, _check_timeout, extract_many
from ._records import check_records, frame

__all__ = ["reports", "to_dataframe"]

#: The most inputs one partition holds by default: large enough that the
#: start of a partition's worker process is a small share of its time.
PARTITION_SIZE = 32


def reports(
    paths: Iterable[Any],
    *,
    partition_size: Optional[int] = None,
    jobs: int = 1,
    timeout: Optional[float] = 60,
    **options: Any,
) -> Any:
    """A ``dask.bag.Bag`` of the reports of ``paths``, one per path, in order.

    The paths are split into partitions of ``partition_size`` inputs (by
    default up to 32, and small enough to give at least eight partitions);
    each partition is read with :func:`kantlijn.extract_many` using ``jobs``
    worker processes (default 1: Dask already runs one task per worker
    thread) and ``timeout`` seconds per input. ``options`` are those of
    :func:`kantlijn.extract`. Arguments are checked here, before anything is
    computed.
    """
    try:
        import dask.bag
    except ImportError:
        raise ImportError('kantlijn.dask needs dask: pip install "dask[bag]"') from None
    checked = check_options("reports", options)
    _check_jobs(jobs)
    _check_timeout(timeout)
    items = [check_path("reports", path) for path in iterable("reports", paths, "paths")]
    if partition_size is None:
        partition_size = max(1, min(PARTITION_SIZE, len(items) // 8))
    elif isinstance(partition_size, bool) or not isinstance(partition_size, int):
        raise TypeError(f"reports(): partition_size must be an int or None, not {type(partition_size).__name__}")
    elif partition_size < 1:
        raise ValueError(f"reports(): partition_size must be at least 1, not {partition_size}")
    # The options as given, not filled in: extract_many fills them in again.
    given = {key: checked[key] for key in options}
    bag = dask.bag.from_sequence(items, partition_size=partition_size)
    return bag.map_partitions(_read, jobs=jobs, timeout=timeout, options=given)


def _read(paths: Iterable[str], jobs: int, timeout: Optional[float], options: Dict[str, Any]) -> List[Dict[str, Any]]:
    """One partition: its paths read in worker processes on this Dask worker."""
    return list(extract_many(list(paths), jobs=jobs, timeout=timeout, **options))


def to_dataframe(reports_or_paths: Any, records: str = "decisions", **options: Any) -> Any:
    """A ``dask.dataframe.DataFrame`` with one row per record: the decision
    register (``records="decisions"``, the default), the nota register
    (``"notas"``), or the ``"annotations"`` or ``"comments"``.

    ``reports_or_paths`` is a bag made by :func:`reports`, or paths, which
    are read with :func:`reports` and ``options``. Rows and columns are
    those of :func:`kantlijn.to_pandas`: ``file`` and ``error`` first,
    ``file_bytes`` last, and one row for an input without such records.
    Columns and dtypes come from the report's schema, so they are known
    before anything is read.
    """
    check_records("to_dataframe", records)
    try:
        import dask.bag
        import dask.dataframe
    except ImportError:
        raise ImportError('kantlijn.dask.to_dataframe needs dask.dataframe: pip install "dask[dataframe]"') from None
    if isinstance(reports_or_paths, dask.bag.Bag):
        if options:
            raise TypeError("to_dataframe(): options are for paths; a bag of reports has been read already")
        bag = reports_or_paths
    else:
        bag = reports(reports_or_paths, **options)
    meta = frame([], records)
    # Dask turns object columns into strings by default, and a list or a
    # dict (a decision's `seen_in`, an annotation's `rect`) into its repr:
    # the rows would not be to_pandas' rows.
    with dask.config.set({"dataframe.convert-string": False}):
        return dask.dataframe.from_delayed(
            [dask.delayed(_frame)(part, records) for part in bag.to_delayed()],
            meta=meta,
            verify_meta=False,
        )


def _frame(reports: List[Dict[str, Any]], records: str) -> Any:
    """One partition's rows, with exactly the columns announced."""
    return frame(reports, records, strict=True)
