"""Every comment in annotated PDF files, and the decisions they record.

kantlijn reads the annotations of a PDF (sticky notes, typed text,
highlights with the text under them, ink, stamps, replies, review states),
the comments that survive only as text (Acrobat's printed comment summaries,
stamps burned into the page) and the decisions they record ("MWP akkoord
8/6": who decided what, when).

>>> import kantlijn
>>> report = kantlijn.extract("fixtures/beslisnota.pdf")
>>> report["decisions"][0]["verdict"], report["decisions"][0]["date"]
('approved', '2026-06-08')

A report is a plain ``dict``: the same keys, in the same order, with the
same values as the JSON report of the ``kantlijn`` command-line tool
(``schema_version`` 1). :func:`extract` reads one input in this process;
:func:`extract_many` reads a batch in worker processes, so that a file that
crashes or hangs the reader costs one error report, never the caller.
:mod:`kantlijn.dask` runs the same batch on a Dask cluster.
"""

from __future__ import annotations

import os
import stat
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _kantlijn
from ._options import check_options, check_path, check_timeout, iterable, options_object
from ._pool import extract_many
from ._records import decision_rows, nota_rows, schema, to_pandas

__all__ = [
    "SCHEMA_VERSION",
    "Report",
    "__version__",
    "decisions",
    "extract",
    "extract_many",
    "notas",
    "schema",
    "to_pandas",
]

__version__: str = _kantlijn.__version__

#: The version of the report's JSON contract (the ``schema_version`` key).
SCHEMA_VERSION: int = _kantlijn.SCHEMA_VERSION

#: A report: the JSON report of one input as a ``dict``.
Report = Dict[str, Any]

PathLike = Union[str, "os.PathLike[str]"]


def extract(
    path_or_bytes: Union[PathLike, bytes, bytearray, memoryview],
    *,
    text: bool = True,
    flattened: bool = True,
    password: Optional[str] = None,
    links: bool = False,
    widgets: bool = False,
    threads: Optional[int] = None,
    name: Optional[str] = None,
    timeout: Optional[float] = 60.0,
) -> Report:
    """Read one input and return its report.

    ``path_or_bytes`` is a path (``str`` or ``os.PathLike``) or the bytes of
    the input. A PDF is read as a document; a text file (text already
    extracted from a released PDF, pages separated by form feeds) is read
    for printed comment summaries and stamps. The kind is told by the
    content, not the name. A pipe or a device (a FIFO, ``/dev/stdin``, a
    shell's ``<(...)``) is read once, in a worker process as by
    :func:`extract_many`, so that ``timeout`` also ends a wait for its
    writer.

    An input that cannot be read (missing, damaged beyond repair, encrypted
    without the right ``password``, not a PDF nor text) gives a report whose
    ``error`` says why: ``{"kind": ..., "message": ...}``. Wrong arguments
    raise ``TypeError`` or ``ValueError``.

    Options, as the command line's flags:

    - ``text=False`` (``--no-text``): read neither the text under
      highlights, nor the text that stamps' and text boxes' appearances
      draw (``appearance_text``), nor page text; much faster on large
      scanned bundles.
    - ``flattened=False`` (``--no-flattened``): do not read every page's
      text for printed summaries and burned-in stamps.
    - ``password`` (``--password``): for encrypted files; files encrypted
      with an empty user password open without one, and with any.
    - ``links``, ``widgets`` (``--links``, ``--widgets``): also list
      ``/Link`` and ``/Widget`` annotations (otherwise only counted in
      ``skipped``).
    - ``threads`` (``--threads``): threads for the pages of one document;
      ``None`` or 0 uses one per core when a document has enough pages.
    - ``name``: the report's ``file`` for bytes input (default
      ``"<bytes>"``); not allowed with a path.
    - ``timeout`` (``--timeout``): seconds the reading may take (default
      60; ``None``: no limit). The reading stops there, and the report
      holds what was read, with ``complete: False`` and a warning.

    The reading releases the GIL, so threads can read files in parallel;
    for batches of untrusted files prefer :func:`extract_many`, which
    isolates each file in a worker process.
    """
    options = options_object(
        "extract",
        text=text,
        flattened=flattened,
        password=password,
        links=links,
        widgets=widgets,
        threads=threads,
        time_per_file=check_timeout("extract", timeout),
    )
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        if isinstance(path_or_bytes, bytes) and _names_a_file(path_or_bytes):
            raise TypeError(
                "extract(): bytes are an input's content, and these name a file; "
                "for a path given as bytes, pass os.fsdecode(path)"
            )
        if name is not None and not isinstance(name, str):
            raise TypeError(f"extract(): name must be a str, not {type(name).__name__}")
        data = path_or_bytes if isinstance(path_or_bytes, bytes) else bytes(path_or_bytes)
        return _kantlijn.extract_bytes(data, "<bytes>" if name is None else name, options)
    if name is not None:
        raise TypeError("extract(): name= is for bytes input; a path names itself")
    path = check_path("extract", path_or_bytes)
    if _is_stream(path):
        # A pipe or a device gives its bytes once, and may wait for a writer
        # forever: it is read in a worker process, as extract_many reads it,
        # where the time limit can stop the wait.
        only = {"text": text, "flattened": flattened, "password": password, "links": links, "widgets": widgets}
        return next(extract_many([path], jobs=1, timeout=timeout, threads=threads, **only))
    return _kantlijn.extract_path(path, options)


def _is_stream(path: Any) -> bool:
    """Whether ``path`` names a pipe, a socket or a character device."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def _names_a_file(data: bytes) -> bool:
    """Whether bytes given as content are the name of a file (a path from
    ``os.listdir(b".")``), which no input's content is: an existing one, or
    one line ending in ``.pdf`` (a file that is missing, whose report would
    otherwise be an empty text's)."""
    if len(data) > 4096 or b"\n" in data or b"\0" in data or data.startswith(b"%PDF"):
        return False
    if data.strip().lower().endswith(b".pdf"):
        return True
    try:
        return os.path.exists(data)
    except (OSError, ValueError):
        return False


def decisions(inputs: Iterable[Union[PathLike, Report]], **options: Any) -> List[Dict[str, Any]]:
    """The decision register of some inputs: one flat ``dict`` per decision.

    Each dict is the decision's record with the input's ``file`` first, as
    ``kantlijn --decisions`` writes them; an input that could not be read
    gives one ``{"file": ..., "error": {...}}``, and one without decisions
    one ``{"file": ...}``. ``inputs`` are paths, read
    with :func:`extract_many` (``options`` as there), or reports already
    read.
    """
    return [row for report in _reports("decisions", inputs, options) for row in decision_rows(report)]


def notas(inputs: Iterable[Union[PathLike, Report]], **options: Any) -> List[Dict[str, Any]]:
    """The nota register of some inputs: one flat ``dict`` per nota.

    Each dict is a line of ``kantlijn --notas``: the input's ``file``, the
    nota's index in the report's ``notas`` (``nota``), its keys, and its
    decisions as the decision records themselves rather than indices; an
    input that could not be read gives one ``{"file": ..., "error": {...}}``,
    and one without notas one ``{"file": ...}``.
    ``inputs`` as for :func:`decisions`.
    """
    return [row for report in _reports("notas", inputs, options) for row in nota_rows(report)]


def _reports(caller: str, inputs: Iterable[Union[PathLike, Report]], options: Dict[str, Any]) -> Iterator[Report]:
    """The reports of a mix of paths and reports, in input order; the paths
    are read in one batch."""
    items = list(iterable(caller, inputs, "inputs"))
    batch = {key: options.pop(key) for key in ("jobs", "timeout") if key in options}
    check_options(caller, options)
    paths = [item for item in items if not isinstance(item, dict)]
    read = extract_many(paths, **batch, **options) if paths else iter(())
    for item in items:
        yield item if isinstance(item, dict) else next(read)
