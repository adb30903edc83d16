"""Every error dwclean raises, in one place.

Hierarchy (each carries the CLI exit code documented in the README):

    DwcleanError                 exit 1   base class; never raised itself
    ├── InputError               exit 3   the input cannot be read (missing file, permission, I/O)
    ├── BadInputError            exit 4   the input was read but is unusable
    │   ├── EmptyInputError               nothing but whitespace
    │   ├── BinaryInputError              binary data (image, PDF, archive …)
    │   ├── DecodingError                 bytes that are no text in any plausible encoding
    │   └── InputTooLargeError            over the size limit
    ├── NotAnArticleError        exit 5   readable text, but no article could be found in it
    ├── FetchError               exit 6   a URL could not be fetched (network, HTTP status, type)
    └── OutputError              exit 3   an output could not be written (folder, permission, full)
"""

from __future__ import annotations


class DwcleanError(Exception):
    exit_code = 1


class InputError(DwcleanError):
    exit_code = 3


class BadInputError(DwcleanError):
    exit_code = 4


class EmptyInputError(BadInputError):
    pass


class BinaryInputError(BadInputError):
    pass


class DecodingError(BadInputError):
    pass


class InputTooLargeError(BadInputError):
    pass


class NotAnArticleError(DwcleanError):
    exit_code = 5


class FetchError(DwcleanError):
    exit_code = 6


class OutputError(DwcleanError):
    """An output (`-o`, `--save-raw`, `--report`, OUT_DIR) could not be written."""

    exit_code = 3
