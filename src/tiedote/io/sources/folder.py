"""Folders (walked recursively) and single release files."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

from tiedote.io.sources import Item, ItemKind, Source, release_kind, too_big


def _not_regular(mode: int) -> str:
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else (
        "a folder" if stat.S_ISDIR(mode) else "a device")
    return f"not a regular file ({kind}); not read"


def file_item(
    path: str, id: str, source: str, kind: ItemKind, max_bytes: int, encoding: str | None = None
) -> Item:
    """The bytes of one release file, or an error item saying why they cannot be had.

    Opened without blocking and checked with fstat() before a byte is read: a
    named pipe (FIFO) with a release's name would otherwise block the batch
    forever, waiting for a writer that never comes; a device could be endless.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return Item.failed(id, source, path, f"cannot read the file: {exc.strerror or exc}")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return Item.failed(id, source, path, _not_regular(st.st_mode))
        # The size from fstat() lets an over-size file be refused without reading a byte of it.
        if st.st_size > max_bytes:
            return Item.failed(id, source, path, too_big(st.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as f:
            # At most max_bytes + 1: one more than allowed tells a file that grew past the limit.
            data = f.read(max_bytes + 1)
    except OSError as exc:
        return Item.failed(id, source, path, f"cannot read the file: {exc.strerror or exc}")
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew between fstat() and read()
        return Item.failed(id, source, path, too_big(len(data), max_bytes))
    return Item.of_bytes(id, source, path, kind, data, encoding)


class FolderSource(Source):
    """Every .txt/.md/.html/.htm file under a folder, in sorted path order; ids are paths inside the folder.

    Hidden entries (``.git``, ``.DS_Store``) are passed over, and symlinked
    folders are not followed, so a link loop cannot make the walk endless.
    """

    def _walk(self, rel_dir: str = "") -> Iterator[tuple[str, str, ItemKind | None, str]]:
        """(id, path, kind, problem) in sorted path order; kind "error" for a folder that cannot be
        listed, None for a file that is no release by its name."""
        full_dir = os.path.join(self.path, rel_dir) if rel_dir else self.path
        try:
            entries = sorted(os.scandir(full_dir), key=lambda e: e.name)
        except OSError as exc:
            yield rel_dir or ".", full_dir, "error", f"cannot list the folder: {exc.strerror or exc}"
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if entry.is_dir(follow_symlinks=False):
                yield from self._walk(rel)
                continue
            yield rel, entry.path, release_kind(entry.name), ""

    def __iter__(self) -> Iterator[Item]:
        self.skipped = 0
        for rel, full, kind, problem in self._walk():
            if kind is None:
                self._skip(full)
            elif kind == "error":
                yield Item.failed(rel, self.path, full, problem)
            else:
                yield file_item(full, rel, self.path, kind, self.max_bytes, self.encoding)

    def count(self) -> int | None:
        return sum(1 for _, _, kind, _ in self._walk() if kind is not None)


class FileSource(Source):
    """One release file given directly; its id is its file name."""

    def __iter__(self) -> Iterator[Item]:
        name = os.path.basename(self.path)
        kind: ItemKind = "html" if name.lower().endswith((".html", ".htm")) else "text"
        yield file_item(self.path, name, self.path, kind, self.max_bytes, self.encoding)

    def count(self) -> int | None:
        return 1
