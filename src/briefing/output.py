"""Writing outputs whole or not at all: a temporary file in the same folder, renamed into place."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from briefing.errors import OutputError


def write_atomic(target: str | Path, data: str | bytes) -> None:
    """Write `data` to `target` (`-` for stdout) whole or not at all, or raise OutputError.

    A reader never sees half a file: the bytes go to a temporary file in the target's folder,
    which is then renamed over the target. Text is written as UTF-8.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if str(target) == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
            # mkstemp makes the file private; give it the mode a plain write would have.
            os.chmod(tmp, 0o666 & ~umask())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise OutputError(f"{target}: cannot write ({e.strerror})") from None


def umask() -> int:
    """Return the process's umask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
