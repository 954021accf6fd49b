"""Folders (walked recursively) and single release files."""

from __future__ import annotations

import os
from collections.abc import Iterator

from tiedote.io.sources import Item, ItemKind, Source, release_kind, too_big


def read_capped(path: str, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes: one more than allowed is enough to know a file grew past the limit."""
    with open(path, "rb") as f:
        return f.read(max_bytes + 1)


def file_item(path: str, id: str, source: str, kind: ItemKind, max_bytes: int) -> Item:
    try:
        # The size from stat() lets an over-size file be refused without reading a byte of it.
        size = os.stat(path).st_size
        if size > max_bytes:
            return Item.failed(id, source, path, too_big(size, max_bytes))
        data = read_capped(path, max_bytes)
    except OSError as exc:
        return Item.failed(id, source, path, f"cannot read the file: {exc.strerror or exc}")
    if len(data) > max_bytes:  # it grew between stat() and read()
        return Item.failed(id, source, path, too_big(len(data), max_bytes))
    return Item.of_bytes(id, source, path, kind, data)


class FolderSource(Source):
    """Every .txt/.md/.html/.htm file under a folder, in sorted path order; ids are paths inside the folder.

    Hidden entries (``.git``, ``.DS_Store``) are passed over, and symlinked
    folders are not followed, so a link loop cannot make the walk endless.
    """

    def _walk(self, rel_dir: str = "") -> Iterator[tuple[str, str, ItemKind, str]]:
        """(id, path, kind, problem) in sorted path order; kind "error" for a folder that cannot be listed."""
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
            kind = release_kind(entry.name)
            if kind is None:
                self.skipped += 1
                continue
            yield rel, entry.path, kind, ""

    def __iter__(self) -> Iterator[Item]:
        self.skipped = 0
        for rel, full, kind, problem in self._walk():
            if kind == "error":
                yield Item.failed(rel, self.path, full, problem)
            else:
                yield file_item(full, rel, self.path, kind, self.max_bytes)

    def count(self) -> int | None:
        n = sum(1 for _ in self._walk())
        self.skipped = 0
        return n


class FileSource(Source):
    """One release file given directly; its id is its file name."""

    def __iter__(self) -> Iterator[Item]:
        name = os.path.basename(self.path)
        kind: ItemKind = "html" if name.lower().endswith((".html", ".htm")) else "text"
        yield file_item(self.path, name, self.path, kind, self.max_bytes)

    def count(self) -> int | None:
        return 1
