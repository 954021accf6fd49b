"""Zip and tar archives, read member by member in memory, never unpacked to disk.

Hostile archives are expected: a member name that climbs out of the archive
("../../etc/passwd", "/abs", "C:\\x") is reported and not read — it could do no
harm here since nothing is written, but such a name is a sign of a crafted
archive and its id would be misleading; a member whose declared size is over
the limit, or whose compression ratio only a bomb has, is refused before a
byte is decompressed; and every read is capped at ``max_bytes + 1``, so a
member that lies about its size is caught while reading.
"""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Iterator

from tiedote.io.sources import Item, Source, release_kind, too_big

MAX_RATIO = 100
"""Compression ratio beyond which a member is taken for a bomb.  Finnish prose
deflates about 3:1 and boilerplate-heavy HTML about 10:1; bombs run 1000:1 and
more.  Applied only past ``RATIO_FLOOR`` so a tiny member of repeated
characters is not refused."""
RATIO_FLOOR = 1 << 20

SKIP_LIMIT = 1 << 30
"""In a compressed tar stream, passing over an over-size member still means
decompressing it; past a gigabyte that is itself the attack, so reading the
archive stops there."""


def unsafe_name(name: str) -> str | None:
    """Why a member name is unsafe (zip-slip), or None when it stays inside the archive."""
    if "\x00" in name:
        return "member name holds a NUL byte"
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return f"unsafe member path {name!r}: absolute; not read"
    if ".." in parts:
        return f"unsafe member path {name!r}: climbs out with '..'; not read"
    return None


def member_id(name: str) -> str:
    # "./a.txt" and "a.txt" are the same member to a user; ids should not differ by the prefix.
    while name.startswith("./"):
        name = name[2:]
    return name


class ZipSource(Source):
    """A .zip archive's release members, in the order the archive lists them."""

    def __iter__(self) -> Iterator[Item]:
        self.skipped = 0
        try:
            archive = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            yield Item.failed(self.path, self.path, self.path, f"not a readable zip archive: {exc}")
            return
        with archive:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                if release_kind(info.filename) is None:
                    self._skip(f"{self.path}!{info.filename}")
                    continue
                yield self._member(archive, info)

    def _member(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Item:
        name = info.filename
        id = member_id(name)
        location = f"{self.path}!{name}"
        kind = release_kind(name)
        assert kind is not None
        problem = unsafe_name(name)
        if problem is not None:
            return Item.failed(id, self.path, location, problem)
        if info.flag_bits & 0x1:
            return Item.failed(id, self.path, location, "encrypted member; tiedote does not decrypt")
        if info.file_size > self.max_bytes:
            return Item.failed(id, self.path, location, too_big(info.file_size, self.max_bytes))
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            return Item.failed(
                id,
                self.path,
                location,
                f"compression ratio {ratio:.0f}:1 is over {MAX_RATIO}:1 (a zip bomb?); not unpacked",
            )
        try:
            with archive.open(info) as member:
                data = member.read(self.max_bytes + 1)
        except Exception as exc:  # noqa: BLE001 - zipfile raises many types for broken members; each is data
            return Item.failed(id, self.path, location, f"broken zip member: {_describe(exc)}")
        if len(data) > self.max_bytes:
            return Item.failed(
                id,
                self.path,
                location,
                f"member is bigger than it declares; {too_big(len(data), self.max_bytes)}",
            )
        return Item.of_bytes(id, self.path, location, kind, data, self.encoding)

    def count(self) -> int | None:
        try:
            with zipfile.ZipFile(self.path) as archive:
                return sum(
                    1 for i in archive.infolist() if not i.is_dir() and release_kind(i.filename) is not None
                )
        except Exception:  # noqa: BLE001 - a count is only for the progress bar; iteration reports the error
            return None


class TarSource(Source):
    """A .tar/.tar.gz/.tgz archive read as a stream (``r|*``): no seeking, one member in memory at a time."""

    def __iter__(self) -> Iterator[Item]:
        self.skipped = 0
        seen = 0
        try:
            with tarfile.open(self.path, mode="r|*") as archive:
                compressed = not self.path.lower().endswith(".tar")
                for info in archive:
                    # tarfile keeps every header it saw; dropping them keeps memory flat on long archives.
                    archive.members = []  # type: ignore[attr-defined]  # not in typeshed, but public
                    seen += 1
                    if info.isdir():
                        continue
                    if release_kind(info.name) is None:
                        self._skip(f"{self.path}!{info.name}")
                        continue
                    if compressed and info.size > SKIP_LIMIT:
                        yield Item.failed(
                            member_id(info.name),
                            self.path,
                            f"{self.path}!{info.name}",
                            f"member declares {info.size} bytes; passing over it would mean decompressing "
                            "all of them, so the rest of this archive was not read",
                        )
                        return
                    yield self._member(archive, info)
        except Exception as exc:  # noqa: BLE001 - a truncated or corrupt stream ends this source only
            yield Item.failed(
                self.path,
                self.path,
                f"{self.path}#{seen}",
                f"tar archive unreadable after {seen} members: {_describe(exc)}",
            )

    def _member(self, archive: tarfile.TarFile, info: tarfile.TarInfo) -> Item:
        id = member_id(info.name)
        location = f"{self.path}!{info.name}"
        problem = unsafe_name(info.name)
        if problem is not None:
            return Item.failed(id, self.path, location, problem)
        if not info.isreg():
            # A link's target may be outside the archive; devices and fifos are no text.
            return Item.failed(id, self.path, location, "not a regular file (a link or a device); not read")
        if info.size > self.max_bytes:
            return Item.failed(id, self.path, location, too_big(info.size, self.max_bytes))
        member = archive.extractfile(info)
        if member is None:
            return Item.failed(id, self.path, location, "member has no data")
        data = member.read(self.max_bytes + 1)
        kind = release_kind(info.name)
        assert kind is not None
        return Item.of_bytes(id, self.path, location, kind, data, self.encoding)

    def count(self) -> int | None:
        if not self.path.lower().endswith(".tar"):
            return None  # counting would mean decompressing the archive twice
        try:
            with tarfile.open(self.path, mode="r:") as archive:
                return sum(1 for i in archive if not i.isdir() and release_kind(i.name) is not None)
        except Exception:  # noqa: BLE001 - only for the progress bar
            return None


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
