"""Before and after: the CPU time of this checkout's dwclean against another version's, in one
process, on the same inputs.

    git worktree add /tmp/before <commit>
    .venv/bin/python bench/ab.py /tmp/before/src     # --rounds N, --seconds S, --fixtures

The machine's speed drifts by a fifth or more within minutes, more than one change's gain; two
benchmark runs minutes apart cannot tell a 5 % change from the drift. Here the other version is
imported under another package name (its modules import each other relatively) and both clean
the corpus dumps and pages in turn, round after round (each for at least --seconds of CPU
time); the table gives the median of the per-round ratios (this checkout's time over the
other's), with the lowest and highest.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import ROOT, corpus_files, print_table

import dwclean


def load_other(src: Path, folder: Path) -> object:
    """The dwclean package under `src`, imported as `dwclean_other` from a copy in `folder`."""
    shutil.copytree(src / "dwclean", folder / "dwclean_other")
    sys.path.insert(0, str(folder))
    return importlib.import_module("dwclean_other")


def cleaner(module: object) -> Callable[[list[str]], None]:
    clean = module.clean  # type: ignore[attr-defined]
    not_an_article = module.NotAnArticleError  # type: ignore[attr-defined]

    def run(docs: list[str]) -> None:
        for doc in docs:
            with contextlib.suppress(not_an_article):  # an index page is a result too
                clean(doc)

    return run


def seconds_per_pass(run: Callable[[list[str]], None], docs: list[str], seconds: float) -> float:
    """CPU seconds per pass over `docs`, passing over them for at least `seconds`."""
    passes = 0
    started = time.process_time()
    while True:
        run(docs)
        passes += 1
        elapsed = time.process_time() - started
        if elapsed >= seconds:
            return elapsed / passes


def ratios(
    new: Callable[[list[str]], None],
    old: Callable[[list[str]], None],
    docs: list[str],
    rounds: int,
    seconds: float,
) -> list[float]:
    new(docs), old(docs)  # warm: imports, rule tables
    found = []
    for _ in range(rounds):
        old_time = seconds_per_pass(old, docs, seconds)
        found.append(seconds_per_pass(new, docs, seconds) / old_time)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("other_src", type=Path, help="the other version's src/ folder")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--seconds", type=float, default=0.5, help="per version and round")
    parser.add_argument("--fixtures", action="store_true", help="add fixtures/ to the inputs")
    args = parser.parse_args()
    if not (args.other_src / "dwclean" / "__init__.py").is_file():
        sys.exit(f"no dwclean package under {args.other_src}")
    dumps = [p.read_text(encoding="utf-8") for p in corpus_files("*/*.txt")]
    pages = [p.read_text(encoding="utf-8") for p in corpus_files("*/page.html")]
    if args.fixtures:
        dumps += [
            p.read_text(encoding="utf-8") for p in (ROOT / "fixtures" / "dumps").glob("*.txt")
        ]
        pages += [
            p.read_text(encoding="utf-8") for p in (ROOT / "fixtures" / "html").glob("*.html")
        ]
    if not dumps or not pages:
        sys.exit("no inputs: ../shared/corpus is missing; pass --fixtures to use ours")
    with tempfile.TemporaryDirectory() as folder:
        old = cleaner(load_other(args.other_src, Path(folder)))
        new = cleaner(dwclean)
        rows = []
        for kind, docs in (("dump", dumps), ("html", pages)):
            found = sorted(ratios(new, old, docs, args.rounds, args.seconds))
            rows.append(
                [
                    kind,
                    str(len(docs)),
                    f"{statistics.median(found):.3f}",
                    f"{found[0]:.3f}",
                    f"{found[-1]:.3f}",
                ]
            )
    print_table(
        "this checkout's CPU time over the other version's",
        ["input", "docs", "median ratio", "lowest", "highest"],
        rows,
    )


if __name__ == "__main__":
    main()
