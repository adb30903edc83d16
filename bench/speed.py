"""Speed: dwclean's CPU time against reference tools on the same inputs, in one run.

    .venv/bin/pip install -e '.[bench]'   # trafilatura and resiliparse for the comparison
    .venv/bin/python bench/speed.py       # --repeat N, --seconds S, --markdown FILE

Inputs: the corpus dumps plus the seed (`../shared/corpus/*/*.txt`, `../shared/seed/seed.txt`)
and the corpus pages (`../shared/corpus/*/page.html`); `--fixtures` adds our own fixtures.

References, each given the same documents:
- dumps: the C4 line filter (`_common.c4_filter`: the cheapest thing that could be called a dump
  cleaner, the floor) and trafilatura on the dump wrapped one line per `<p>`;
- HTML: selectolax parse + `body.text()` (what any cleaner on selectolax pays at least),
  resiliparse `extract_plain_text(main_content=True)` and `trafilatura.extract`.

Time is CPU time of this process (`time.process_time`). Each repetition runs every tool in turn
(interleaved, so a slow phase of the machine hits all of them) over the whole input set, passing
over it for at least --seconds; a ratio is dwclean's time per document over the reference's in
that repetition, and the table gives the median of the per-repetition ratios. Start-up: wall
time of `dwclean clean seed.txt --format json` against `python -c 'import typer'`, the two run in
turn, median of the per-pair ratios.
"""

from __future__ import annotations

import argparse
import compileall
import html
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _common import (
    PYTHON,
    ROOT,
    SHARED,
    c4_filter,
    corpus_files,
    markdown_table,
    print_table,
)

import dwclean

Tool = Callable[[str], object]


def seconds_per_doc(function: Tool, docs: list[str], seconds: float) -> float:
    """CPU seconds per document: whole passes over `docs` for at least `seconds`."""
    done = 0
    started = time.process_time()
    while True:
        for doc in docs:
            function(doc)
        done += len(docs)
        elapsed = time.process_time() - started
        if elapsed >= seconds:
            return elapsed / done


def read_page(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def as_paragraphs(dump: str) -> str:
    lines = (html.escape(line.strip()) for line in dump.splitlines() if line.strip())
    return "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"


def dwclean_or_none(doc: str) -> object:
    try:
        return dwclean.clean(doc)
    except dwclean.NotAnArticleError:  # an index page is a result too
        return None


def html_tools() -> dict[str, Tool]:
    from selectolax.lexbor import LexborHTMLParser

    def parse_and_text(page: str) -> object:
        tree = LexborHTMLParser(page)
        return tree.body.text() if tree.body is not None else ""

    tools: dict[str, Tool] = {"dwclean": dwclean_or_none, "selectolax parse + text": parse_and_text}
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        tools["resiliparse"] = lambda page: extract_plain_text(
            HTMLTree.parse(page), main_content=True
        )
    except ImportError:
        print("resiliparse is not installed (pip install -e '.[bench]'): skipped", file=sys.stderr)
    trafilatura = _trafilatura()
    if trafilatura is not None:
        tools["trafilatura"] = lambda page: trafilatura.extract(page)
    return tools


def dump_tools() -> dict[str, Tool]:
    tools: dict[str, Tool] = {
        "dwclean": dwclean_or_none,
        "C4 line filter": lambda dump: c4_filter(dump.splitlines()),
    }
    trafilatura = _trafilatura()
    if trafilatura is not None:
        tools["trafilatura"] = lambda dump: trafilatura.extract(as_paragraphs(dump))
    return tools


def _trafilatura() -> object | None:
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed (pip install -e '.[bench]'): skipped", file=sys.stderr)
        return None
    return trafilatura


def measure(
    kinds: dict[str, tuple[list[str], dict[str, Tool]]], repeat: int, seconds: float
) -> dict[tuple[str, str], list[float]]:
    """Per (kind, tool): seconds per document in each repetition, tools interleaved."""
    for docs, tools in kinds.values():
        for function in tools.values():
            function(docs[0])  # warm: imports, rule tables
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(repeat):
        for kind, (docs, tools) in kinds.items():
            for name, function in tools.items():
                # trafilatura is ~100x slower: one pass is enough for its share of the run
                budget = seconds if name == "dwclean" or "trafilatura" not in name else 0.0
                times.setdefault((kind, name), []).append(seconds_per_doc(function, docs, budget))
    return times


def startup_ratio(sample: Path, runs: int) -> tuple[float, float, float]:
    """(median ms of dwclean clean, median ms of import typer, median per-pair ratio)."""
    # Byte-compile first, as `pip install` does for an installed package.
    compileall.compile_dir(str(ROOT / "src" / "dwclean"), quiet=1)
    clean = [PYTHON, "-m", "dwclean", "clean", str(sample), "--format", "json"]
    typer = [PYTHON, "-c", "import typer"]

    def wall(argv: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - started

    wall(clean), wall(typer)  # warm the file cache
    pairs = [(wall(clean), wall(typer)) for _ in range(runs)]
    return (
        statistics.median(c for c, _ in pairs) * 1000,
        statistics.median(t for _, t in pairs) * 1000,
        statistics.median(c / t for c, t in pairs),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.5)
    parser.add_argument("--startup-runs", type=int, default=15)
    parser.add_argument("--fixtures", action="store_true", help="add fixtures/ to the inputs")
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()

    seed = SHARED / "seed" / "seed.txt"
    dump_files = corpus_files("*/*.txt") + ([seed] if seed.is_file() else [])
    html_files = corpus_files("*/page.html")
    if args.fixtures:
        dump_files += sorted((ROOT / "fixtures" / "dumps").glob("*.txt"))
        html_files += sorted((ROOT / "fixtures" / "html").glob("*.html"))
    if not dump_files or not html_files:
        print(f"no inputs: {SHARED} is missing; pass --fixtures to use ours", file=sys.stderr)
        if not args.fixtures:
            sys.exit(0)
    kinds = {
        "dump": ([p.read_text(encoding="utf-8") for p in dump_files], dump_tools()),
        "html": ([read_page(p) for p in html_files], html_tools()),
    }
    times = measure(kinds, args.repeat, args.seconds)

    rows = []
    for (kind, name), values in times.items():
        docs_per_s = sorted(1 / v for v in values)
        low, middle, high = docs_per_s[0], statistics.median(docs_per_s), docs_per_s[-1]
        rows.append(
            [
                kind,
                name,
                str(len(kinds[kind][0])),
                *(f"{v:.0f}" for v in (low, middle, high)),
            ]
        )
    header = ["input", "tool", "docs", "docs/CPU-s min", "median", "max"]

    goals = {
        ("dump", "C4 line filter"): "<= 3x",
        ("html", "selectolax parse + text"): "<= 2x",
        ("html", "resiliparse"): "<= 0.8x",
    }
    ratios = []
    for (kind, name), values in times.items():
        if name == "dwclean":
            continue
        mine = times[(kind, "dwclean")]
        ratio = statistics.median(m / v for m, v in zip(mine, values, strict=True))
        shown = f"{ratio:.2f}x its time" if ratio >= 0.1 else f"{1 / ratio:.0f}x faster"
        ratios.append([f"{kind}: dwclean vs {name}", shown, goals.get((kind, name), "")])
    sample = seed if seed.is_file() else ROOT / "fixtures" / "dumps" / "en-old-seedstyle.txt"
    clean_ms, typer_ms, ratio = startup_ratio(sample, args.startup_runs)
    ratios.append(
        [
            f"start-up: `dwclean clean {sample.name}` vs `import typer`",
            f"{clean_ms:.0f} ms vs {typer_ms:.0f} ms = {ratio:.2f}x",
            "<= 1.4x",
        ]
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratios.append(["peak memory of this benchmark process", f"{peak:.0f} MiB", ""])

    print_table("documents per CPU second (one core)", header, rows)
    ratio_header = ["measure", "median of per-repetition ratios", "goal"]
    print_table("dwclean against the references", ratio_header, ratios)
    if args.markdown:
        command = f"`.venv/bin/python bench/speed.py --repeat {args.repeat}`"
        args.markdown.write_text(
            command
            + "\n\n"
            + markdown_table(header, rows)
            + "\n\n"
            + markdown_table(ratio_header, ratios)
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
