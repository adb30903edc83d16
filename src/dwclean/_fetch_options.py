"""The options of fetching, apart from the fetching code.

`dwclean clean FILE` builds these options (they carry --max-bytes) without fetching anything;
kept here so that it does not import `_fetch` (threads, logging, hashing) to do so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._read import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True, slots=True)
class FetchOptions:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # also the deadline of one whole attempt, body included
    max_redirects: int = 5
    retries: int = 2  # further attempts after the first, on 429, 5xx, timeouts, dropped links
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    max_retry_after: float = 60.0  # a longer Retry-After is not waited for (said in the error)
    max_total_backoff: float = 60.0  # all waits between the attempts of one URL, added up
    max_bytes: int = DEFAULT_MAX_BYTES
    concurrency: int = 4
    save_raw: Path | None = None
