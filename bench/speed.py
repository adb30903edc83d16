"""Speed: documents per second and start-up, dwclean against reference tools in the same run.

    .venv/bin/pip install -e '.[bench]'       # trafilatura for the comparison
    .venv/bin/python bench/speed.py    # 5 repetitions; --repeat N, --seconds S, --markdown F

HTML: dwclean (full pipeline) vs trafilatura.extract vs selectolax parse-only (parse and take the
body text: the floor any HTML cleaner on selectolax pays). Dumps: dwclean vs trafilatura on the
dump wrapped one line per <p>. Each repetition cleans the whole input set for at least --seconds
seconds on one core (one process, one thread); min/median/max over repetitions are reported, and
ratios of medians. Start-up: median wall time of `dwclean clean FILE` against `python -c 'import
typer'`, over 15 runs each. Peak memory: the benchmark process's own maximum RSS.
"""

from __future__ import annotations

import argparse
import html
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _common import PYTHON, ROOT, dump_paths, html_paths, markdown_table, print_table

import dwclean


def rate(function: Callable[[str], object], docs: list[str], seconds: float) -> float:
    """Documents per second: whole passes over `docs` for at least `seconds`."""
    done = 0
    started = time.process_time()
    while True:
        for doc in docs:
            function(doc)
        done += len(docs)
        elapsed = time.process_time() - started
        if elapsed >= seconds:
            return done / elapsed


def as_paragraphs(dump: str) -> str:
    lines = (html.escape(line.strip()) for line in dump.splitlines() if line.strip())
    return "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"


def startup(argv: list[str], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def stats(values: list[float]) -> tuple[str, str, str]:
    return f"{min(values):.0f}", f"{statistics.median(values):.0f}", f"{max(values):.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()

    htmls = [p.read_text(encoding="utf-8", errors="replace") for p in html_paths()]
    htmls_bytes = [p.read_bytes() for p in html_paths()]
    dumps = [p.read_text(encoding="utf-8") for p in dump_paths()]
    from selectolax.lexbor import LexborHTMLParser

    def parse_only(page: str) -> object:
        tree = LexborHTMLParser(page)
        return tree.body.text() if tree.body is not None else ""

    tools: dict[str, dict[str, Callable[[str], object]]] = {
        "html": {"dwclean": dwclean.clean, "selectolax parse-only": parse_only},
        "dump": {"dwclean": dwclean.clean},
    }
    try:
        import trafilatura

        tools["html"]["trafilatura"] = lambda page: trafilatura.extract(page)
        tools["dump"]["trafilatura"] = lambda dump: trafilatura.extract(as_paragraphs(dump))
    except ImportError:
        print("trafilatura is not installed (pip install -e '.[bench]'): skipped", file=sys.stderr)
    del htmls_bytes

    results: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.repeat):
        for kind, docs in (("html", htmls), ("dump", dumps)):
            for name, function in tools[kind].items():
                function(docs[0])  # warm: imports, rule cache
                results.setdefault((kind, name), []).append(rate(function, docs, args.seconds))

    rows = []
    for (kind, name), values in results.items():
        n = len(htmls) if kind == "html" else len(dumps)
        rows.append([kind, name, str(n), *stats(values)])
    header = ["input", "tool", "docs", "docs/s min", "docs/s median", "docs/s max"]

    def median(kind: str, name: str) -> float:
        return statistics.median(results[(kind, name)]) if (kind, name) in results else float("nan")

    ratios = [
        [
            "HTML: dwclean vs trafilatura (goal >= 10x)",
            f"{median('html', 'dwclean') / median('html', 'trafilatura'):.1f}x faster",
        ],
        [
            "HTML: time vs selectolax parse-only (goal <= 2x)",
            f"{median('html', 'selectolax parse-only') / median('html', 'dwclean'):.2f}x the time",
        ],
        [
            "Dumps: dwclean vs trafilatura",
            f"{median('dump', 'dwclean') / median('dump', 'trafilatura'):.1f}x faster",
        ],
        ["Dumps: dwclean docs/s on one core (goal >= 2,000)", f"{median('dump', 'dwclean'):.0f}"],
    ]
    sample = str(ROOT / "fixtures" / "dumps" / "en-old-seedstyle.txt")
    # Byte-compile first, as `pip install` does for an installed package (an editable install
    # under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module at every start).
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "dwclean"), quiet=1)
    startup([PYTHON, "-m", "dwclean", "clean", sample, "--format", "json"], runs=1)  # rule cache
    typer_time = startup([PYTHON, "-c", "import typer"])
    clean_time = startup([PYTHON, "-m", "dwclean", "clean", sample, "--format", "json"])
    ratios.append(
        [
            "Start-up: `dwclean clean FILE` vs `import typer` (goal <= 1.5x)",
            f"{clean_time * 1000:.0f} ms vs {typer_time * 1000:.0f} ms = "
            f"{clean_time / typer_time:.2f}x",
        ]
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratios.append(["Peak memory of this benchmark process", f"{peak:.0f} MiB"])

    print_table("documents per second (one core)", header, rows)
    print_table("ratios (medians)", ["measure", "value"], ratios)
    if args.markdown:
        args.markdown.write_text(
            f"`.venv/bin/python bench/speed.py --repeat {args.repeat} --seconds {args.seconds}`\n\n"
            + markdown_table(header, rows)
            + "\n\n"
            + markdown_table(["measure", "value"], ratios)
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
