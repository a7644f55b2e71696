"""Type hints of the native module: reading one input, without the GIL."""

from os import PathLike
from typing import Any, Dict, Optional, Union

__version__: str
SCHEMA_VERSION: int
REPORT_SCHEMA: str

class Options:
    """How to read: the keyword arguments of ``kantlijn.extract``."""

    def __new__(
        cls,
        *,
        text: bool = True,
        flattened: bool = True,
        password: Optional[str] = None,
        links: bool = False,
        widgets: bool = False,
        threads: int = 0,
        time_per_file: Optional[float] = None,
    ) -> Options: ...

def extract_path(path: Union[str, PathLike[str]], options: Options) -> Dict[str, Any]: ...
def extract_bytes(data: bytes, name: Union[str, PathLike[str]], options: Options) -> Dict[str, Any]: ...
def extract_path_json(path: Union[str, PathLike[str]], options: Options) -> bytes: ...
def failed_report(file: str, kind: str, message: str) -> Dict[str, Any]: ...
