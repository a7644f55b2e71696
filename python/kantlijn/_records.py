"""Reports as flat records: the decision and nota registers, and tables."""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Tuple

from . import _kantlijn

RECORDS = ("annotations", "comments", "decisions", "notas")


def decision_rows(report: Dict[str, Any]) -> List[Dict[str, Any]]:
    """A report's decisions, each with the report's ``file`` first and the
    title, date and reference of its nota last, as ``kantlijn --decisions``
    writes them; a report with an error gives one row with it, and one
    without decisions a row with its ``file`` alone."""
    rows = [{"file": report["file"], **decision} for decision in _decisions(report)]
    return _file_row(report, rows) + rows


# The keys of the nota a decision was taken on, after the decision's own.
NOTA_OF_DECISION = ("nota_title", "nota_date", "nota_reference")


def _decisions(report: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The report's decisions as the register writes them: each followed
    by the title, date and reference of the nota it was taken on
    (``None`` without one)."""
    notas = report.get("notas") or []
    rows = []
    for decision in report.get("decisions") or []:
        index = decision.get("nota")
        nota = notas[index] if isinstance(index, int) and 0 <= index < len(notas) else {}
        rows.append({**decision, **{key: nota.get(key[len("nota_") :]) for key in NOTA_OF_DECISION}})
    return rows


def nota_rows(report: Dict[str, Any]) -> List[Dict[str, Any]]:
    """A report's notas as ``kantlijn --notas`` writes them: the report's
    ``file``, the nota's index (``nota``), its keys, and its decisions as
    records rather than indices; a report with an error gives one row with
    it, and one without notas a row with its ``file`` alone."""
    rows = [{"file": report["file"], **nota} for nota in _notas(report)]
    return _file_row(report, rows) + rows


def _notas(report: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The report's notas as the register writes them: each with its index
    in the report's ``notas`` first, and its ``decisions`` (indices) replaced
    by the decisions they point to."""
    decisions = report.get("decisions") or []
    notas = []
    for index, nota in enumerate(report.get("notas") or []):
        row = {"nota": index, **nota}
        indices = nota.get("decisions")
        if isinstance(indices, list):
            row["decisions"] = [decisions[i] for i in indices if isinstance(i, int) and 0 <= i < len(decisions)]
        notas.append(row)
    return notas


def _file_row(report: Dict[str, Any], rows: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The row a report gives beside its ``rows`` in a register: its
    ``file`` and error when it has one, its ``file`` alone when it has no
    row either (so that every input has one), else none."""
    error = report.get("error")
    if error is not None:
        return [{"file": report["file"], "error": error}]
    return [] if rows else [{"file": report["file"]}]


def check_records(caller: str, records: Any) -> str:
    if not isinstance(records, str):
        raise TypeError(f"{caller}(): records must be a str, not {type(records).__name__}")
    if records not in RECORDS:
        raise ValueError(f"{caller}(): records must be one of {', '.join(map(repr, RECORDS))}, not {records!r}")
    return records


def table_rows(reports: Iterable[Dict[str, Any]], records: str) -> List[Dict[str, Any]]:
    """One row per record of the kind asked for, with ``file`` and
    ``error`` first, as ``kantlijn -f csv --records`` writes them: a report
    without such records still gets one row, naming the file and its error,
    so every input is represented. ``error`` is ``"kind: message"`` or
    ``None``; decisions of a nota are folded in as for :func:`nota_rows`.
    ``file_bytes`` comes last, as in the CSV: the name's exact bytes when
    ``file`` cannot say them."""
    rows: List[Dict[str, Any]] = []
    for report in reports:
        if not isinstance(report, dict) or "file" not in report:
            raise TypeError(f"to_pandas(): expected reports (dicts with a 'file'), not {type(report).__name__}")
        error = report.get("error")
        head = {
            "file": report["file"],
            "error": f"{error['kind']}: {error['message']}" if error else None,
        }
        if records == "notas":
            items = _notas(report)
        elif records == "decisions":
            items = _decisions(report)
        else:
            items = report.get(records) or []
        tail = {"file_bytes": report.get("file_bytes")}
        if not items:
            rows.append({**head, **tail})
        rows.extend({**head, **item, **tail} for item in items)
    return rows


def schema() -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a report, generated from the
    record types of the Rust library this package was built with."""
    return json.loads(_kantlijn.REPORT_SCHEMA)


def record_columns(records: str) -> List[Tuple[str, str]]:
    """The keys of a record kind, in the order reports write them, with the
    pandas dtype of each: nullable integers and booleans, floats, and
    ``object`` for strings, lists and nested records. Empty when the
    reports have no such records (``notas`` before the library writes them)."""
    root = schema()

    def resolve(node: Dict[str, Any]) -> Dict[str, Any]:
        while "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        return node

    def types(node: Dict[str, Any]) -> List[str]:
        node = resolve(node)
        found = node.get("type", [])
        found = [found] if isinstance(found, str) else list(found)
        for choice in node.get("anyOf", []) + node.get("oneOf", []):
            found += types(choice)
        return found

    listed = root["properties"].get(records)
    if listed is None:
        return []
    record = resolve(listed["items"])
    # A nota's row starts with its index, as the register writes it.
    columns = [("nota", "Int64")] if records == "notas" else []
    for key in record["required"]:
        kinds = set(types(record["properties"][key])) - {"null"}
        if kinds == {"integer"}:
            dtype = "Int64"
        elif kinds <= {"integer", "number"} and kinds:
            dtype = "float64"
        elif kinds == {"boolean"}:
            dtype = "boolean"
        else:
            dtype = "object"
        columns.append((key, dtype))
    if records == "decisions":
        columns += [(key, "object") for key in NOTA_OF_DECISION]
    return columns


def frame(reports: Iterable[Dict[str, Any]], records: str, strict: bool = False) -> Any:
    """The rows of :func:`table_rows` as a DataFrame with the columns and
    dtypes of the schema. A key the schema does not know becomes a column
    after them, or, when ``strict`` (a Dask partition, whose columns must
    be known before it is read), an error."""
    import pandas

    known = record_columns(records)
    names = ["file", "error"] + [name for name, _ in known] + ["file_bytes"]
    rows = table_rows(reports, records)
    extra = [key for key in dict.fromkeys(key for row in rows for key in row) if key not in names]
    if extra and strict:
        raise ValueError(
            f"the reports' {records} have keys the schema of this kantlijn does not list: {', '.join(extra)}"
        )
    table = pandas.DataFrame(rows, columns=names + extra)
    table = table.astype({"file": object, "error": object, "file_bytes": object, **dict(known)})
    # A value missing from some rows comes out NaN where the others hold
    # text or lists; in the reports it is null, which is None.
    for name, dtype in table.dtypes.items():
        if pandas.api.types.is_object_dtype(dtype):
            column = table[name]
            table[name] = column.where(column.notna(), None)
    return table


def to_pandas(reports: Iterable[Dict[str, Any]], records: str = "annotations") -> Any:
    """A ``pandas.DataFrame`` with one row per record of the reports.

    ``records`` is ``"annotations"``, ``"comments"``, ``"decisions"`` or
    ``"notas"``. The columns are ``file`` and ``error`` (``"kind: message"``
    or ``None``), then the record's keys in the order reports write them,
    with the values of the JSON report (dates as ISO strings, nested
    records as dicts and lists) and dtypes from the report's schema
    (nullable integers and booleans). A report without such records gets
    one row naming its file, so every input is represented, as in the
    command line's CSV. Needs pandas (``pip install pandas``).
    """
    check_records("to_pandas", records)
    if isinstance(reports, dict):
        raise TypeError("to_pandas(): reports must be an iterable of reports, not a single report; wrap it in a list")
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise ImportError("to_pandas() needs pandas: pip install pandas") from None
    return frame(reports, records)
