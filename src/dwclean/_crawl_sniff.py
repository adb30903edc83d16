"""Whether an input is a WARC/WET crawl file, judged by its first bytes.

Apart from `_crawl` because `dwclean clean FILE` asks this of every input: answering must not
load the crawl reader (and through it the whole crawl path) for an ordinary dump.
"""

from __future__ import annotations

import os
import stat
import zlib


def wants_crawl_path(names: list[str], *, captions: bool) -> bool:
    """Whether `clean` must go through `_crawl_cli`: a crawl file among the inputs, or
    --captions."""
    return captions or any(sniff_crawl(name) for name in names)


def sniff_crawl(name: str) -> bool:
    """Whether a path holds a WARC or WET file (gzip or plain), judged by its first bytes."""
    if name == "-" or name.startswith(("http://", "https://")):
        return False
    try:
        if not stat.S_ISREG(os.stat(name).st_mode):
            return False  # a FIFO or device: reading its head would consume or hang
        with open(name, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False  # the ordinary path reports it
    return is_warc_head(head)


def is_warc_head(head: bytes) -> bool:
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")
