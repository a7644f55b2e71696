"""The reading options: checked here, with messages that name the caller and
the argument, before they reach the native module."""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, Iterator, Optional, Union

from . import _kantlijn

#: The options every reading function takes, with their defaults.
DEFAULTS: Dict[str, Any] = {
    "text": True,
    "flattened": True,
    "password": None,
    "links": False,
    "widgets": False,
    "threads": None,
}

_FLAGS = ("text", "flattened", "links", "widgets")


def check_options(caller: str, options: Dict[str, Any]) -> Dict[str, Any]:
    """The options with defaults filled in; ``TypeError`` for an unknown
    name or a value of the wrong type, ``ValueError`` for a bad value."""
    unknown = sorted(set(options) - set(DEFAULTS))
    if unknown:
        raise TypeError(
            f"{caller}(): unexpected option {', '.join(map(repr, unknown))}; the options are {', '.join(DEFAULTS)}"
        )
    merged = {**DEFAULTS, **options}
    for flag in _FLAGS:
        if not isinstance(merged[flag], bool):
            raise TypeError(f"{caller}(): {flag} must be True or False, not {merged[flag]!r}")
    password = merged["password"]
    if password is not None and not isinstance(password, str):
        raise TypeError(f"{caller}(): password must be a str or None, not {type(password).__name__}")
    if password is not None and "\0" in password:
        raise ValueError(f"{caller}(): password must not contain a NUL character")
    threads = merged["threads"]
    if threads is None:
        return merged
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"{caller}(): threads must be an int or None, not {type(threads).__name__}")
    if threads < 0:
        raise ValueError(f"{caller}(): threads must be 0 (automatic) or more, not {threads}")
    return merged


def options_object(caller: str, time_per_file: Optional[float] = None, **options: Any) -> Any:
    """The native options object for checked options, and the seconds one
    input may take (``None``: the library's limit)."""
    checked = check_options(caller, options)
    if checked["threads"] is None:
        checked["threads"] = 0
    return _kantlijn.Options(**checked, time_per_file=time_per_file)


def check_timeout(caller: str, timeout: Any) -> float:
    """The time limit of one reading: ``timeout`` seconds, or for ``None``
    a very long one (the reading still stops within the library's other
    bounds)."""
    seconds = check_seconds(caller, timeout)
    return NO_TIME_LIMIT if seconds is None else seconds


def check_seconds(caller: str, timeout: Any) -> Optional[float]:
    """A positive number of seconds, or ``None``; ``TypeError`` or
    ``ValueError`` naming the caller otherwise."""
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"{caller}(): timeout must be a number of seconds or None, not {type(timeout).__name__}")
    if not (timeout > 0 and timeout != float("inf")):
        raise ValueError(f"{caller}(): timeout must be a positive number of seconds, not {timeout!r}")
    return float(timeout)


#: The time limit of ``timeout=None``: a year.
NO_TIME_LIMIT = 365 * 24 * 3600.0


def check_path(caller: str, value: Any) -> str:
    """A path argument as ``str``, or a ``TypeError`` that says what was given."""
    try:
        path: Union[str, bytes] = os.fspath(value)
    except TypeError:
        raise TypeError(f"{caller}(): expected a path (str or os.PathLike), not {type(value).__name__}") from None
    if isinstance(path, bytes):
        return os.fsdecode(path)
    try:
        os.fsencode(path)
    except UnicodeEncodeError:
        raise ValueError(f"{caller}(): {path!r} cannot be a file name (it holds a lone surrogate)") from None
    return path


def iterable(caller: str, value: Any, what: str) -> Iterable[Any]:
    """An iterable of inputs; a single path is refused rather than read
    character by character."""
    if isinstance(value, (str, bytes, os.PathLike, dict)):
        raise TypeError(
            f"{caller}(): {what} must be an iterable of paths (a list, a generator), "
            f"not a single {type(value).__name__}; wrap it in a list"
        )
    try:
        items: Iterator[Any] = iter(value)
    except TypeError:
        raise TypeError(f"{caller}(): {what} must be an iterable of paths, not {type(value).__name__}") from None
    return items
