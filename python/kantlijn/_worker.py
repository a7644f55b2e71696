"""A worker process of :func:`kantlijn.extract_many`.

Started by the batch as ``python -c ... <package dir> <options JSON>`` (the
password comes through the environment, not the command line, which other
users can see). It says ``ready`` once it can read, then answers each job
line ``<index> <path as hex bytes>`` on standard input with a header line
``<index> <length>`` and the report as ``<length>`` bytes of JSON, one input
at a time, until its standard input closes.
"""

from __future__ import annotations

import json
import os
import signal
import sys

from . import _kantlijn
from ._pool import PASSWORD_ENV


def main(options_json: str) -> None:
    # Ctrl-C reaches the whole process group; the batch stops its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    options = json.loads(options_json)
    options["password"] = os.environ.pop(PASSWORD_ENV, None)
    native = _kantlijn.Options(**options)
    # Answers go to the original standard output; anything else printed in
    # this process goes to standard error, where it cannot break a frame.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    answers.write(b"ready\n")
    answers.flush()
    for line in sys.stdin.buffer:
        index, _, hex_path = line.strip().partition(b" ")
        path = os.fsdecode(bytes.fromhex(hex_path.decode("ascii")))
        payload = _kantlijn.extract_path_json(path, native)
        answers.write(b"%d %d\n" % (int(index), len(payload)))
        answers.write(payload)
        answers.flush()
