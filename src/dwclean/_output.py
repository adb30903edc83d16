"""Write stage: put bytes where the user asked, atomically, without surprising the file system.

`-o FILE` and `--save-raw` share these rules:

- a regular file is replaced atomically (temporary file beside it, then rename), so a failed
  or interrupted run leaves the old file; the new file gets the mode, owner and group of the
  one it replaces, or the usual 0666 & ~umask for a new file (mkstemp's 0600 would hide it);
- a regular file with other hard links is rewritten in place (after the output is complete in
  memory), so that every link sees the new content instead of being split off;
- a symlink is followed: its target is written, the link stays a link;
- a FIFO, character device or socket (`/dev/null`, `/dev/stdout`, a pipe) is written through,
  never replaced by a regular file;
- a folder is refused.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ._exceptions import OutputError


def umask_mode() -> int:
    """0666 & ~umask: the mode `open(..., "w")` gives a new file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_output(path: Path, data: bytes) -> None:
    """Write data to path following the rules above; OutputError (exit 3) when impossible."""
    try:
        _write(path, data)
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None


def _write(path: Path, data: bytes) -> None:
    try:
        info = os.stat(path)  # follows symlinks: the target is what gets written
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, data)  # FIFO, device, socket: never replace the node itself
        return
    if info is not None and info.st_nlink > 1:
        _rewrite_in_place(path, data)
        return
    _replace(Path(os.path.realpath(path)), data, info)


def _write_through(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def _rewrite_in_place(path: Path, data: bytes) -> None:
    with open(path, "r+b") as handle:
        handle.write(data)
        handle.truncate()


def _replace(target: Path, data: bytes, old: os.stat_result | None) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if old is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(old.st_mode))
                _keep_owner(handle.fileno(), old)
            else:
                os.fchmod(handle.fileno(), umask_mode())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _keep_owner(fd: int, old: os.stat_result) -> None:
    if (old.st_uid, old.st_gid) == (os.geteuid(), os.getegid()):
        return
    # Only root may give a file away; for anyone else the content matters more than the owner.
    with contextlib.suppress(PermissionError):
        os.fchown(fd, old.st_uid, old.st_gid)


@contextlib.contextmanager
def open_output(path: Path) -> Iterator[BinaryIO]:
    """A handle for output written piece by piece (a streamed crawl), under the same rules as
    `write_output`: the file appears (or changes) only when the block ends without an error."""
    try:
        with _open_output(path) as handle:
            yield handle
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None


@contextlib.contextmanager
def _open_output(path: Path) -> Iterator[BinaryIO]:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(path, "wb") as through:  # FIFO, device, socket: written through
            yield through
        return
    target = Path(os.path.realpath(path))
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            handle.flush()
            if info is not None and info.st_nlink > 1:  # every hard link sees the new content
                handle.seek(0)
                with open(path, "r+b") as old:
                    shutil.copyfileobj(handle, old)
                    old.truncate()
                return
            os.fchmod(handle.fileno(), stat.S_IMODE(info.st_mode) if info else umask_mode())
            if info is not None:
                _keep_owner(handle.fileno(), info)
        os.replace(temp, target)
    finally:
        Path(temp).unlink(missing_ok=True)
