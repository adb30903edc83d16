#!/usr/bin/env python3
"""Quality benchmark: dwclean against trafilatura, jusText and a C4-style line filter.

Every tool gets the same inputs and is scored with ../shared/corpus/score.py:

  * the labelled real DW pages in ../shared/corpus (page.html and six dumps each) and
    ../shared/seed, found with ``cases()`` from ../shared/corpus/evaluate.py (skipped with a
    message when ../shared is absent);
  * fixtures/dumps/*.txt with their *.expected.json (hand-labelled DW-like dumps);
  * fixtures/html/*.html with their *.expected.json, if that folder exists
    (expected files that say ``{"not_an_article": true}`` and pages labelled without
    blocks, such as the best-effort blog page, are skipped).

Tools:
  dwclean      dwclean.clean_file(path).to_dict()
  trafilatura  trafilatura.extract(..., output_format="xml", include_comments=False,
               with_metadata=True) on the page's bytes; a dump is wrapped line by line in <p> of
               a minimal page.
               <head> -> subhead, every other element of <main> -> paragraph; title/date from its
               metadata.
  justext      justext.justext(..., get_stoplist(<case language>)) on the same input; good
               paragraphs -> paragraph, good headings -> subhead.
  c4           C4's line rules (Raffel et al. 2020, sec. 2.2, and the TFDS/datatrove constants) on
               the dump's lines; on HTML, on the page's visible text lines (selectolax, a newline at
               every block element; script/style/noscript/template/svg/iframe/head dropped).

Run from the repository root:
  .venv/bin/pip install -e '.[bench]'
  .venv/bin/python bench/quality.py [--markdown FILE] [--json] [--tools dwclean,trafilatura,...]
"""

from __future__ import annotations

import argparse
import gzip
import html as htmllib
import importlib.util
import json
import os
import re
import shlex
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import c4_filter

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
TOOLS = ["dwclean", "trafilatura", "justext", "c4"]
METRICS = ["body_f1", "caption_f1", "subhead_f1", "debris_leak", "title_ok", "date_ok"]
HEADERS = ["n", "body F1", "caption F1", "subhead F1", "debris leak", "title ok", "date ok"]
ALL_KEYS = ["body_f1", "body_p", "body_r", *METRICS[1:]]

# jusText stoplist per DW language code (primary subtag); jusText has none for am, ha, ps, zh.
STOPLISTS = {
    "ar": "Arabic",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "bs": "Bosnian",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fr": "French",
    "hi": "Hindi",
    "hr": "Croatian",
    "id": "Indonesian",
    "mk": "Macedonian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sq": "Albanian",
    "sr": "Serbian",
    "sw": "Swahili",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
}


# ------------------------------------------------------------------------------------- cases


@dataclass
class Case:
    path: str  # input file
    expected_path: str
    kind: str  # html, dump:<style>, fixtures-dump, fixtures-html
    expected: dict[str, Any]
    is_html: bool
    _raw: bytes | None = field(default=None, repr=False)

    @property
    def language(self) -> str:
        return str(self.expected.get("language") or "en")

    @property
    def raw(self) -> bytes:
        if self._raw is None:
            data = Path(self.path).read_bytes()
            self._raw = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
        return self._raw

    @property
    def text(self) -> str:
        return decode(self.raw, html=self.is_html)


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def decode(raw: bytes, *, html: bool) -> str:
    """Bytes to text for the tools that need text (the C4 filter; dumps for the page wrapper):
    BOM, then an HTML page's <meta charset>, then UTF-8, then charset-normalizer's guess."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    match = META_CHARSET.search(raw[:4096]) if html else None
    if match:
        try:
            return raw.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def load_module(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collect_cases(shared: Path, fixtures: Path) -> tuple[list[Case], Callable[..., dict[str, Any]]]:
    corpus = shared / "corpus"
    if not (corpus / "evaluate.py").exists() or not (corpus / "score.py").exists():
        sys.exit(
            f"quality.py: {corpus} (evaluate.py, score.py) not found: nothing to score against; "
            "skipping the benchmark"
        )
    sys.path.insert(0, str(corpus))
    evaluate = load_module("dw_evaluate", corpus / "evaluate.py")
    score = load_module("dw_score", corpus / "score.py").score

    found: list[Case] = []

    def add(inp: str, exp: str, kind: str) -> None:
        expected = json.loads(Path(exp).read_text(encoding="utf-8"))
        if expected.get("not_an_article") or "blocks" not in expected:
            return
        found.append(Case(inp, exp, kind, expected, is_html=kind.endswith("html")))

    roots = [str(p) for p in (corpus, shared / "seed") if p.is_dir()]
    for inp, exp, kind in evaluate.cases(roots):
        add(inp, exp, kind)
    for inp, exp, _ in evaluate.cases([str(fixtures / "dumps")]):
        add(inp, exp, "fixtures-dump")
    html_dir = fixtures / "html"
    if html_dir.is_dir():
        for inp in sorted(html_dir.glob("*.html")):
            exp = inp.with_name(inp.name[: -len(".html")] + ".expected.json")
            if exp.exists():
                add(str(inp), str(exp), "fixtures-html")
    return found, score


# ------------------------------------------------------------------------------------- tools


def dump_to_html(text: str) -> str:
    """A dump as a minimal page: every non-blank line one escaped <p>."""
    paras = "\n".join(
        f"<p>{htmllib.escape(ln.strip())}</p>" for ln in text.splitlines() if ln.strip()
    )
    return f'<html><head><meta charset="utf-8"></head><body>\n{paras}\n</body></html>'


def page_input(case: Case) -> bytes:
    return case.raw if case.is_html else dump_to_html(case.text).encode("utf-8")


def tool_dwclean(case: Case) -> dict[str, Any]:
    import dwclean

    result: dict[str, Any] = dwclean.clean_file(case.path).to_dict()
    return result


def tool_trafilatura(case: Case) -> dict[str, Any]:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        page_input(case),
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        with_metadata=True,
        deduplicate=False,
    )
    if not xml:
        return {"title": None, "date": None, "blocks": []}
    root = etree.fromstring(xml.encode("utf-8"))
    for lb in root.iter("lb"):  # <lb/> is a line break inside a paragraph
        lb.tail = "\n" + (lb.tail or "")
    blocks = []
    main = root.find("main")
    for el in main if main is not None else []:
        if el.tag == "list":
            parts = el.findall(".//item") or [el]
        elif el.tag == "table":
            parts = el.findall(".//row") or [el]
        else:
            parts = [el]
        for part in parts:
            text = " ".join("".join(part.itertext()).split())
            if text:
                blocks.append(
                    {
                        "kind": "subhead" if el.tag == "head" else "paragraph",
                        "text": text,
                        "credit": None,
                    }
                )
    return {"title": root.get("title"), "date": root.get("date"), "blocks": blocks}


def stoplist_name(language: str) -> str:
    return STOPLISTS.get(language.split("-")[0].lower(), "English")


def tool_justext(case: Case) -> dict[str, Any]:
    import justext

    paras = justext.justext(page_input(case), justext.get_stoplist(stoplist_name(case.language)))
    blocks = [
        {"kind": "subhead" if p.is_heading else "paragraph", "text": p.text, "credit": None}
        for p in paras
        if not p.is_boilerplate and p.text.strip()
    ]
    return {"title": None, "date": None, "blocks": blocks}


BLOCK_TAGS = (
    "address,article,aside,blockquote,br,dd,div,dl,dt,figcaption,figure,footer,form,"
    "h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,table,td,th,tr,ul"
)


def visible_lines(page: str) -> list[str]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    for node in tree.css("script,style,noscript,template,svg,iframe,head"):
        node.decompose()
    for node in tree.css(BLOCK_TAGS):
        node.insert_before("\n")
        node.insert_after("\n")
    body = tree.body
    return (body.text(deep=True, separator="") if body is not None else "").splitlines()


def tool_c4(case: Case) -> dict[str, Any]:
    lines = visible_lines(case.text) if case.is_html else case.text.splitlines()
    blocks = [{"kind": "paragraph", "text": ln, "credit": None} for ln in c4_filter(lines)]
    return {"title": None, "date": None, "blocks": blocks}


RUNNERS: dict[str, Callable[[Case], dict[str, Any]]] = {
    "dwclean": tool_dwclean,
    "trafilatura": tool_trafilatura,
    "justext": tool_justext,
    "c4": tool_c4,
}


def tool_label(tool: str, kind: str) -> str:
    if tool == "c4" and kind.endswith("html"):
        return "c4 (visible text lines)"
    return tool


# ------------------------------------------------------------------------------------- run


def run(
    cases: list[Case], tools: list[str], score: Callable[..., dict[str, Any]], notes: list[str]
) -> list[dict[str, Any]]:
    rows = []
    for tool in tools:
        for case in cases:
            t0 = time.perf_counter()
            error = None
            try:
                pred = RUNNERS[tool](case)
                s = score(case.expected, pred)
            except Exception as e:  # every failure of a tool on a case is a 0 score
                error = f"{type(e).__name__}: {' '.join(str(e).split())[:200]}"
                s = {k: 0.0 for k in ALL_KEYS}
                s["debris_leak"] = 1.0  # as evaluate.py: a failed case leaks every debris line
                s["title_ok"] = s["date_ok"] = False
                notes.append(f"note: {tool} failed on {rel(case.path)}: {error}")
            rows.append(
                {
                    "tool": tool,
                    "case": rel(case.path),
                    "kind": case.kind,
                    "layout": case.expected.get("layout"),
                    "language": case.language,
                    **{k: s[k] for k in ALL_KEYS},
                    "seconds": round(time.perf_counter() - t0, 3),
                    "error": error,
                }
            )
    return rows


def rel(path: str) -> str:
    p = Path(path).resolve()
    for base, prefix in ((REPO, ""), (DEFAULT_SHARED.resolve(), "../shared/")):
        if p.is_relative_to(base):
            return prefix + str(p.relative_to(base))
    return str(p)


def mean(rows: list[dict[str, Any]], key: str) -> float:
    return sum(float(r[key]) for r in rows) / len(rows) if rows else 0.0


KIND_ORDER = {"html": 0, "fixtures-html": 2, "fixtures-dump": 3}


def kind_key(kind: str) -> tuple[int, str]:
    return (KIND_ORDER.get(kind, 1), kind)


def main_table(rows: list[dict[str, Any]], tools: list[str]) -> list[list[str]]:
    """[tool, input kind, n, metrics...] per tool × kind, then the tool's ALL row."""
    out = []
    for tool in tools:
        mine = [r for r in rows if r["tool"] == tool]
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in mine:
            by_kind[r["kind"]].append(r)
        for kind in sorted(by_kind, key=kind_key):
            group = by_kind[kind]
            out.append(
                [
                    tool_label(tool, kind),
                    kind,
                    str(len(group)),
                    *(f"{mean(group, k):.3f}" for k in METRICS),
                ]
            )
        out.append([tool, "ALL", str(len(mine)), *(f"{mean(mine, k):.3f}" for k in METRICS)])
    return out


def group_table(rows: list[dict[str, Any]], key: str) -> list[list[str]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[str(r[key] or "(unlabelled)")].append(r)
    return [
        [g, str(len(groups[g])), *(f"{mean(groups[g], k):.3f}" for k in METRICS)]
        for g in sorted(groups)
    ]


def losses(rows: list[dict[str, Any]], tools: list[str]) -> list[list[str]]:
    """Cases where some reference tool scores better than dwclean on a metric (with both body F1s:
    an empty output "beats" dwclean on debris leak and on captions when a page has none)."""
    if "dwclean" not in tools:
        return []
    by_case: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in rows:
        by_case[r["case"]][r["tool"]] = r
    out = []
    for case, per_tool in by_case.items():
        dw = per_tool["dwclean"]
        for k in METRICS:
            for tool, r in per_tool.items():
                if tool == "dwclean":
                    continue
                diff = float(r[k]) - float(dw[k])
                if (-diff if k == "debris_leak" else diff) > 0.0005:
                    out.append(
                        [
                            case,
                            k,
                            f"{float(dw[k]):.3f}",
                            tool,
                            f"{float(r[k]):.3f}",
                            f"{float(dw['body_f1']):.3f}",
                            f"{float(r['body_f1']):.3f}",
                        ]
                    )
    return out


def command_line() -> str:
    exe = Path(sys.executable)
    try:
        exe_s = os.path.relpath(exe) if not os.path.relpath(exe).startswith("..") else str(exe)
    except ValueError:
        exe_s = str(exe)
    return shlex.join([exe_s, *sys.argv])


def markdown(table: list[list[str]], versions: str) -> str:
    head = ["tool", "input kind", *HEADERS]
    lines = [
        f"Produced by `{command_line()}` (run in {os.getcwd()}).",
        "",
        versions,
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in table]
    return "\n".join(lines) + "\n"


def versions(tools: list[str]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for tool, dist in (
        ("dwclean", "dwclean"),
        ("trafilatura", "trafilatura"),
        ("justext", "jusText"),
    ):
        if tool in tools:
            try:
                parts.append(f"{tool} {version(dist)}{git_state() if tool == 'dwclean' else ''}")
            except PackageNotFoundError:
                parts.append(f"{tool} (not installed)")
    if "c4" in tools:
        parts.append("c4 = the line filter in bench/quality.py")
    return "Versions: " + ", ".join(parts) + "."


def git_state() -> str:
    """' at <commit>' of the checkout being measured, and whether src/ differs from it."""
    import subprocess

    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    if not head:
        return ""
    return f" at {head}" + (" with uncommitted changes in src/" if dirty else "")


def check_tools(tools: list[str]) -> list[str]:
    usable = []
    for tool in tools:
        module = {"trafilatura": "trafilatura", "justext": "justext"}.get(tool)
        if module:
            try:
                __import__(module)
            except ImportError as e:
                print(
                    f"quality.py: skipping {tool}: cannot import it ({e}); "
                    "install with .venv/bin/pip install -e '.[bench]'",
                    file=sys.stderr,
                )
                continue
        usable.append(tool)
    return usable


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--markdown", metavar="FILE", help="write the main table as Markdown to FILE")
    ap.add_argument(
        "--json", action="store_true", help="print per-case rows as JSON lines instead of tables"
    )
    ap.add_argument(
        "--tools", default=",".join(TOOLS), help=f"comma-separated subset of {','.join(TOOLS)}"
    )
    ap.add_argument(
        "--kind", default="", help="only inputs whose kind starts with this (html, dump, fixtures)"
    )
    ap.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (default ../shared)"
    )
    ap.add_argument("--fixtures", type=Path, default=REPO / "fixtures")
    args = ap.parse_args()

    tools = [t for t in args.tools.split(",") if t]
    unknown = [t for t in tools if t not in RUNNERS]
    if unknown:
        ap.error(f"unknown tool(s): {', '.join(unknown)}")
    if not args.shared.is_dir():
        print(
            f"quality.py: {args.shared} not found: the labelled DW pages are not here; skipping",
            file=sys.stderr,
        )
        return 0
    tools = check_tools(tools)
    cases, score = collect_cases(args.shared, args.fixtures)
    cases = [c for c in cases if c.kind.startswith(args.kind)]
    if not cases:
        print("quality.py: no cases found", file=sys.stderr)
        return 1

    notes: list[str] = []
    t0 = time.perf_counter()
    rows = run(cases, tools, score, notes)
    elapsed = time.perf_counter() - t0
    table = main_table(rows, tools)
    vers = versions(tools)

    if args.markdown:
        Path(args.markdown).write_text(markdown(table, vers), encoding="utf-8")

    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        for n in notes:
            print(n, file=sys.stderr)
        return 0

    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 150)

    def show(title: str, head: list[str], body: list[list[str]], sections: bool = False) -> None:
        t = Table(title=title, title_justify="left")
        for i, h in enumerate(head):
            t.add_column(h, justify="right" if i >= len(head) - len(HEADERS) else "left")
        prev = None
        for row in body:
            if sections and prev is not None and row[0].split()[0] != prev:
                t.add_section()
            prev = row[0].split()[0]
            t.add_row(*row)
        console.print(t)

    show(
        f"Quality: {len(cases)} cases × {len(tools)} tools ({elapsed:.1f} s)",
        ["tool", "input kind", *HEADERS],
        table,
        sections=True,
    )
    console.print(vers)
    dw = [r for r in rows if r["tool"] == "dwclean"]
    if dw:
        show("dwclean by layout", ["layout", *HEADERS], group_table(dw, "layout"))
        show("dwclean by language", ["language", *HEADERS], group_table(dw, "language"))
    lost = losses(rows, tools)
    if lost:
        t = Table(title="Where a reference tool beats dwclean", title_justify="left")
        for h in (
            "case",
            "metric",
            "dwclean",
            "tool",
            "its score",
            "dwclean body F1",
            "its body F1",
        ):
            t.add_column(h)
        for row in lost:
            t.add_row(*row)
        console.print(t)
    elif dw:
        console.print("No reference tool beats dwclean on any case and metric.")
    for tool in tools:
        secs = sum(r["seconds"] for r in rows if r["tool"] == tool)
        console.print(f"{tool}: {secs:.1f} s for {len(cases)} cases")
    for n in notes:
        print(n, file=sys.stderr)
    if args.markdown:
        console.print(f"Markdown table written to {args.markdown}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `| head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
