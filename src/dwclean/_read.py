"""Read stage: get the bytes of an input (file, standard input) and turn them into text.

Detection is by content, never by file name: gzip is unpacked, a BOM or `<meta charset>` names
the encoding, a maintained detector (charset-normalizer) guesses the rest, and binary data is
refused with a clear error instead of being cleaned into nonsense.
"""

from __future__ import annotations

import codecs
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from ._exceptions import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
)

DEFAULT_MAX_BYTES = 32 * 1024 * 1024  # larger than any real article page; bounds memory and time

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


@dataclass(frozen=True, slots=True)
class Source:
    """An input, decoded: its text, whether it is HTML, and where it came from."""

    text: str
    is_html: bool
    name: str
    encoding: str
    url: str | None = None


def read_bytes(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of a path, or of standard input for "-"."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            path = Path(name)
            if path.is_dir():
                raise InputError(f"{name}: is a directory (use `dwclean batch` for folders)")
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{name}: larger than the limit of {max_bytes:,} bytes")
    return data


class BadGzip(DecodingError):
    pass


def _gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise BadGzip(f"{name}: broken gzip data ({error})") from None
    if len(out) > max_bytes:
        raise InputTooLargeError(f"{name}: unpacks to more than {max_bytes:,} bytes")
    if not decompressor.eof:
        raise BadGzip(f"{name}: truncated gzip data")
    return out


def decode(
    data: bytes,
    name: str = "<input>",
    *,
    declared: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[str, str]:
    """Bytes to text and the encoding used; raises a BadInputError subclass when impossible."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name, max_bytes)
    if not data.strip():
        raise EmptyInputError(f"{name}: empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
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
    candidates = []
    if declared:
        candidates.append(declared)
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            info = codecs.lookup(encoding)
            if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
                continue  # "rot13", "punycode", "idna": codecs, but no page is written in them
            text = data.decode(info.name)
        except (UnicodeError, LookupError):  # UnicodeError: some codecs raise the base class
            continue
        return text, info.name
    return _detect(data, name)


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


def read_source(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    data = read_bytes(name, max_bytes=max_bytes)
    label = "<stdin>" if name == "-" else name
    text, encoding = decode(data, label, max_bytes=max_bytes)
    return Source(text=text, is_html=looks_like_html(text), name=label, encoding=encoding)
