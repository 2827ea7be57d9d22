"""Files quotetrack writes for an editor (`export -o`, `report -o`): whole or not at all, and only
where a file belongs.

The text is written to a new file beside the target and renamed over it once complete, so a failed
write never leaves half a file. The rename would replace whatever the name points at, so the
target is checked first: a device, a pipe or a directory is refused (as root, renaming over
/dev/full turned the device into a file), a symbolic link is followed and the file it names is
written (the link stays a link), and an existing file is replaced only when the editor says so.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .errors import InvalidInput

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def writable_target(path: Path, force: bool = False) -> Path:
    """Where writing ``path`` really goes (symbolic links followed); InvalidInput when that is not
    a regular file, or is one that exists and ``force`` is not given."""
    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return real  # a new file (or a link to where a new file will be)
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        via = f" (through the link to {real})" if real != Path(os.path.abspath(path)) else ""
        raise InvalidInput(f"{path} is {kind}{via}; give the name of a file to write.")
    if not force:
        raise InvalidInput(f"{path} already exists; give --force to replace it, or another name.")
    return real


@contextmanager
def replacing(path: Path, force: bool = False) -> Iterator[TextIO]:
    """A text stream whose contents become ``path`` when the block ends without an error.

    Checked as ``writable_target`` says before anything is made; on any error the partial file is
    removed and the target left as it was.
    """
    target = writable_target(path, force)
    # The name is cut so that a target named near the file system's limit still gets a partial file.
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:100]}.", suffix=".partial")
    try:
        with open(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private: give it the mode the replaced file had, or a new file's.
        os.chmod(partial, _mode_for(target))
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
