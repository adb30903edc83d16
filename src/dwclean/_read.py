"""Read stage: get the bytes of an input (file, standard input) and turn them into text.

Detection is by content, never by file name: gzip is unpacked, a BOM or `<meta charset>` names
the encoding, a maintained detector (charset-normalizer) guesses the rest, and binary data is
refused with a clear error instead of being cleaned into nonsense.
"""

from __future__ import annotations

import codecs
import os
import re
import select
import stat
import sys
import zlib
from functools import cache
from typing import NamedTuple

from ._exceptions import (
    BadInputError,
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
)

DEFAULT_MAX_BYTES = 32 * 1024 * 1024  # larger than any real article page; bounds memory and time
FIFO_WAIT = 5.0  # seconds a named pipe may stay without a writer before it is given up
_MAX_GZIP_NESTING = 3  # a .gz inside a .gz inside a .gz is still read; deeper is refused

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
)
# Legacy encodings in order of preference when the detector finds several equally plausible.
_PREFERRED = (
    "cp1252",
    "latin_1",
    "cp1251",
    "cp1256",
    "gb18030",
    "gbk",
    "big5",
    "cp1250",
    "koi8_r",
    "cp1253",
    "cp1254",
    "iso8859_15",
    "cp1257",
)
_NOT_PAGE_ENCODINGS = frozenset({"punycode", "idna", "raw-unicode-escape", "unicode-escape"})
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|h1|h2|figure|script|a)\b[^>]*>", re.I)


# NamedTuples, not dataclasses: every start imports this module, and creating a dataclass costs
# several times as much (~0.7 ms each).
class Source(NamedTuple):
    """An input, decoded: its text, whether it is HTML, and where it came from."""

    text: str
    is_html: bool
    name: str
    encoding: str
    url: str | None = None
    warnings: tuple[str, ...] = ()


class Decoded(NamedTuple):
    """Text decoded from bytes, the encoding used, and anything the reader had to repair."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def read_bytes(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of a path, or of standard input for "-"; never more than max_bytes + 1.

    Only regular files and pipes are read: a device (`/dev/zero`, `/dev/urandom`, a disk) is
    refused before reading, and a named pipe nobody writes to is given up after FIFO_WAIT.
    """
    try:
        data = sys.stdin.buffer.read(max_bytes + 1) if name == "-" else _read_path(name, max_bytes)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory (use `dwclean batch` for folders)") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{name}: larger than the limit of {max_bytes:,} bytes")
    return data


def _read_path(name: str, max_bytes: int) -> bytes:
    # O_NONBLOCK: opening a FIFO without a writer must not hang; it is cleared after the open.
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(name)
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            raise BadInputError(f"{name}: a device, not a file; refusing to read it")
        if stat.S_ISFIFO(mode):
            _wait_for_writer(fd, name)
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:  # pipes return short reads: loop to EOF or one past the limit
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _wait_for_writer(fd: int, name: str) -> None:
    # Linux reports no event at all while no writer ever opened the pipe: poll with a limit.
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP)
    if not poller.poll(int(FIFO_WAIT * 1000)):
        raise InputError(f"{name}: a named pipe with no writer for {FIFO_WAIT:g}s")


class BadGzip(DecodingError):
    pass


def _gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """Every member of a gzip stream (`cat a.gz b.gz` is one valid file), at most max_bytes.

    The output is bounded while decompressing (never inflated past the limit, so a gzip bomb
    costs max_bytes of memory at most), and a gzip inside a gzip is unpacked too, a few levels.
    """
    for _ in range(_MAX_GZIP_NESTING):
        data = _gunzip_members(data, name, max_bytes)
        if data[:2] != b"\x1f\x8b":
            return data
    raise BadGzip(f"{name}: gzip nested more than {_MAX_GZIP_NESTING} levels deep")


def _gunzip_members(data: bytes, name: str, max_bytes: int) -> bytes:
    out: list[bytes] = []
    size = 0
    rest = data
    while rest[:2] == b"\x1f\x8b":
        decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            chunk = decompressor.decompress(rest, max_bytes + 1 - size)
        except zlib.error as error:
            raise BadGzip(f"{name}: broken gzip data ({error})") from None
        size += len(chunk)
        out.append(chunk)
        if size > max_bytes:
            raise InputTooLargeError(f"{name}: unpacks to more than {max_bytes:,} bytes")
        if not decompressor.eof:
            raise BadGzip(f"{name}: truncated gzip data")
        rest = decompressor.unused_data
    # Anything after the last member (padding, garbage) is ignored, as gzip(1) does.
    return b"".join(out)


def decode(
    data: bytes,
    name: str = "<input>",
    *,
    declared: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[str, str]:
    """Bytes to text and the encoding used; raises a BadInputError subclass when impossible."""
    decoded = decode_text(data, name, declared=declared, max_bytes=max_bytes)
    return decoded.text, decoded.encoding


def decode_text(
    data: bytes,
    name: str = "<input>",
    *,
    declared: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Decoded:
    """Bytes to text, the encoding used and what had to be repaired (as warnings)."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name, max_bytes)
    if not data.strip():
        raise EmptyInputError(f"{name}: empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError:
                raise DecodingError(
                    f"{name}: invalid {encoding} after its byte-order mark"
                ) from None
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"{name}: binary input ({what}), not a text dump or HTML page")
    head = data[:8192]
    if b"\x00" in head:
        raise BinaryInputError(f"{name}: binary input (contains NUL bytes)")
    utf8 = _strict_utf8(data)
    declared_text = _declared(data, declared, utf8)
    if declared_text is not None:
        return declared_text
    if utf8 is not None:
        return Decoded(utf8, "utf-8")
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    text, encoding = _detect(data, name)
    return Decoded(text, encoding)


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _declared(data: bytes, declared: str | None, utf8: str | None) -> Decoded | None:
    """The text in the encoding the page or server declares, when that is believable.

    A declaration is a claim, not a fact (templates and servers copy them blindly): it loses
    when the bytes are valid UTF-8 with non-ASCII characters (that is no accident), and when its
    decoding is not sensible (CJK from ASCII bytes via `utf-16`, control characters).
    """
    names = [declared] if declared else []
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        names.append(meta.group(1).decode("ascii", "replace"))
    for encoding in names:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            continue
        if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
            continue  # "rot13", "punycode", "idna": codecs, but no page is written in them
        if utf8 is not None and not data.isascii() and info.name != "utf-8":
            return None
        try:
            text = data.decode(info.name)
        except UnicodeError:  # some codecs raise the base class
            continue
        if _sensible(text, data, info.name):
            return Decoded(text, info.name)
    return None


def _sensible(text: str, data: bytes, encoding: str) -> bool:
    if encoding.startswith(("utf-16", "utf-32")):
        return False  # without NUL bytes (refused before) no text is UTF-16 or UTF-32
    if data.isascii():
        return text == data.decode("ascii")  # an ASCII-compatible encoding changes nothing
    sample = text[:20000]
    control = sum(1 for c in sample if (c < " " and c not in "\n\r\t\f\v") or "\x80" <= c < "\xa0")
    return control <= 0.001 * len(sample)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few broken bytes (a truncated copy, one stray byte) is still UTF-8.

    Legacy encodings give almost no valid multi-byte sequence, so when valid non-ASCII characters
    outnumber the broken sequences four to one, the broken ones are replaced, with a warning.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")  # C speed
    if broken <= 0 or good < 4 * broken:
        return None
    return Decoded(
        text, "utf-8", (f"{broken} invalid UTF-8 byte sequence(s) replaced with U+FFFD",)
    )


def _detect(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only needed for the rare non-UTF-8 input

    matches = list(from_bytes(data[:200_000]))
    best = matches[0] if matches else None
    if best is not None:
        # Near-ties are common on short texts; prefer the legacy encodings DW's readers used.
        close = [m for m in matches if m.chaos <= best.chaos + 0.05]
        best = min(
            close,
            key=lambda m: (
                _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED)
            ),
        )
    if best is None or best.encoding is None:
        raise DecodingError(f"{name}: not text in any encoding that could be recognised")
    text = data.decode(best.encoding, errors="replace")
    control = sum(1 for c in text[:20000] if c < " " and c not in "\n\r\t\f")
    if control > 0.01 * min(len(text), 20000) or text.count("\ufffd") > 0.01 * len(text):
        raise BinaryInputError(f"{name}: binary input (mostly control characters)")
    return text, best.encoding


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(text[:20000])) >= 5


# Soft hyphens, zero-width spaces and BOMs vanish; no-break spaces become spaces.
_INVISIBLE = (("\u00ad", ""), ("\u200b", ""), ("\ufeff", ""), ("\u00a0", " "))


def normalize(text: str) -> str:
    """Line ends to \\n; soft hyphens, zero-width spaces and BOMs out; no-break spaces spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        for char, replacement in _INVISIBLE:  # str.replace runs in C; translate(dict) does not
            if char in text:
                text = text.replace(char, replacement)
    return text


_DOUBLED_MIN_GAPS = 5
_TOUCHING_LINES = re.compile(r"\S[^\S\n]*\n[^\S\n]*\S")


def single_spaced(text: str) -> tuple[str, list[int] | None]:
    """A double-spaced dump read single-spaced, and the input's number of each line kept.

    Line ends converted twice ("\\r\\r\\n") or a tool that spaces every line print a blank
    line after every line: each line break becomes one blank line and each blank line three, so
    no two lines touch and every gap is odd. Taking a gap of 2k + 1 blank lines back to k
    restores which lines are glued (a caption and its credit) and which stand apart. A dump
    whose gaps are all single blank lines is returned as it is (numbers None): that is how most
    dumps separate paragraphs.
    """
    if _TOUCHING_LINES.search(text):
        return text, None  # two lines touch: not double-spaced (most dumps: found at once)
    lines = text.split("\n")
    gaps: list[int] = []  # blank lines between two lines of text
    run = 0
    seen_text = False
    for line in lines:
        if not line or line.isspace():
            run += 1
            continue
        if seen_text:
            gaps.append(run)
        seen_text, run = True, 0
    if len(gaps) < _DOUBLED_MIN_GAPS or any(gap % 2 == 0 for gap in gaps):
        return text, None
    if gaps.count(1) < 2 or len(gaps) - gaps.count(1) < 2:
        return text, None  # line breaks and paragraph breaks must both show, twice at least
    kept: list[str] = []
    numbers: list[int] = []
    blanks: list[int] = []  # the current run of blank lines, by number
    for number, line in enumerate(lines, 1):
        if not line or line.isspace():
            blanks.append(number)
            continue
        for blank in blanks[: len(blanks) // 2] if kept else blanks:
            kept.append("")
            numbers.append(blank)
        blanks.clear()
        kept.append(line)
        numbers.append(number)
    kept.extend("" for _ in blanks)
    numbers.extend(blanks)
    return "\n".join(kept), numbers


class _FeedSigns(NamedTuple):
    item: re.Pattern[str]  # the view's `Item N` line
    first_field: re.Pattern[str]  # a line opening with one of its first fields
    fields: re.Pattern[str]  # any of its first five fields, as a label
    order: tuple[str, ...]  # those five, as regexes, in the order the view prints them


@cache
def _feed_signs() -> _FeedSigns:
    """DW's syndication view ("Item 1", "Id …", "Title …") from its labels in
    rules/page_types.toml: a copy that starts below its `Item` line starts at one of the
    three fields after it and shows three of the five first fields in their order."""
    from ._rules import load_rules  # (the rules are loaded for every dump anyway)

    labels = load_rules().page_types.feed_labels  # regex alternatives, in the view's order
    order = labels[1:6]
    longest_first = "|".join(sorted(order, key=len, reverse=True))  # "Short title", "Title"
    return _FeedSigns(
        item=re.compile(rf"^[\s|]*{labels[0]}(?=[\s|]|$)"),
        first_field=re.compile(rf"^[\s|]*(?:{'|'.join(labels[1:4])})(?=[\s|])"),
        fields=re.compile(rf"(?:^|(?<=\s))({longest_first})(?=\s)", re.M),
        order=order,
    )


def is_feed_item_line(line: str) -> bool:
    """The syndication view's `Item N` line, which opens an item's fields."""
    return _feed_signs().item.match(line) is not None


def feed_start(lines: list[str]) -> int | None:
    """Where DW's syndication view starts among the first lines: its `Item N` line with the
    `Id` field after it, or, in a copy that begins below it, the first of three of its
    fields in their order (`Id`, `Date`, `Title`, `Short title`, `Teaser`)."""
    signs = _feed_signs()
    for index, line in enumerate(lines[:8]):
        if signs.item.match(line):
            head = "\n".join(lines[index : index + 12])
            return index if " Id " in head.replace("|", " ") or "\nId" in head else None
        if signs.first_field.match(line):
            following = "\n".join(lines[index : index + 6]).replace("|", " ")
            found = [
                next(i for i, label in enumerate(signs.order) if re.fullmatch(label, m.group(1)))
                for m in signs.fields.finditer(following)
            ]
            fields = sorted(set(found))
            return index if len(fields) >= 3 and found[: len(fields)] == fields else None
    return None


def looks_like_feed(text: str) -> bool:
    return feed_start(normalize(text[:1500]).split("\n")) is not None


def read_source(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    data = read_bytes(name, max_bytes=max_bytes)
    label = "<stdin>" if name == "-" else name
    decoded = decode_text(data, label, max_bytes=max_bytes)
    return Source(
        text=decoded.text,
        is_html=looks_like_html(decoded.text),
        name=label,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
    )
