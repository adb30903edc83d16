"""Write WARC and WET test files with warcio (the reference writer) from the shared corpus.

Without ../shared the bundled fixtures stand in (four HTML pages, the fixture dumps), so the
crawl and datatrove tests run on a clean clone alone too.

Used by the crawl tests, the datatrove test and bench/warc.py. The layout of the "done when"
file of issue 10: every corpus page N times under its real DW URL, the same pages under other
hosts (they would give articles if the host filter failed), and DW records that are no HTML
(WET: no text), interleaved, plus records that are no pages at all (warcinfo, request) and
must not count as skipped pages.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURE_PAGES = (
    "en-old-harbor-ferries",
    "de-modern-video-box",
    "en-modern-two-authors",
    "pt-BR-modern-foto-credit",
)
DUMP_STYLES = ("lynx", "w3m", "html2text", "inscriptis", "lynx79", "seedstyle")
NOT_HTML = (
    ("image/jpeg", b"\xff\xd8\xff\xe0" + b"\x00JFIF" * 40),
    ("application/pdf", b"%PDF-1.7\n" + b"0" * 300),
    ("application/json", b'{"items": []}'),
    ("text/css", b"body { color: red }"),
    ("application/javascript", b"console.log(1)"),
)
OTHER_HOSTS = ("https://example.org/news/", "https://www.dw.com.example.net/", "https://notdw.com/")


@dataclass(frozen=True, slots=True)
class CorpusPage:
    html_path: Path
    url: str  # where the page was fetched from (the corpus manifest)
    dump_paths: tuple[Path, ...]  # the same page as text dumps (fixtures: other articles)

    @property
    def html(self) -> bytes:
        return self.html_path.read_bytes()

    def dump(self, n: int) -> bytes:
        return self.dump_paths[n % len(self.dump_paths)].read_bytes()


def corpus_pages() -> list[CorpusPage]:
    """The 4 corpus pages (../shared), or 4 bundled fixture pages when it is absent."""
    if CORPUS.is_dir():
        manifest = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
        return [
            CorpusPage(
                CORPUS / entry["folder"] / "page.html",
                entry["article_url"],
                tuple(CORPUS / entry["folder"] / f"{style}.txt" for style in DUMP_STYLES),
            )
            for entry in manifest
        ]
    dumps = [  # the fixture dumps that hold an article (index pages have none)
        dump
        for dump in sorted((ROOT / "fixtures" / "dumps").glob("*.txt"))
        if json.loads(dump.with_suffix(".expected.json").read_text(encoding="utf-8")).get(
            "page_type", "article"
        )
        != "index"
    ]
    pages = []
    for n, name in enumerate(FIXTURE_PAGES):
        html = ROOT / "fixtures" / "html" / f"{name}.html"
        label = json.loads(html.with_suffix(".expected.json").read_text(encoding="utf-8"))
        url = label.get("url") or f"https://www.dw.com/en/{name}/a-{1000 + n}"
        pages.append(CorpusPage(html, url, tuple(dumps[n::4])))
    return pages


@dataclass(frozen=True, slots=True)
class Rec:
    uri: str
    kind: str  # "response", "conversion", "request", "warcinfo"
    payload: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"


def write(path: Path, records: list[Rec], *, gzip: bool | None = None) -> Path:
    """Write the records; gzip (one member per record) when the name ends in .gz."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz" if gzip is None else gzip)
        for rec in records:
            writer.write_record(_record(writer, rec))
    return path


def _record(writer: WARCWriter, rec: Rec) -> object:
    if rec.kind == "warcinfo":
        return writer.create_warcinfo_record("test.warc", {"software": "warcio (dwclean tests)"})
    if rec.kind == "response":
        http = StatusAndHeaders(
            rec.status, [("Content-Type", rec.content_type)], protocol="HTTP/1.1"
        )
        return writer.create_warc_record(
            rec.uri, "response", payload=io.BytesIO(rec.payload), http_headers=http
        )
    if rec.kind == "request":
        http = StatusAndHeaders(f"GET {rec.uri} HTTP/1.1", [("Host", "x")], is_http_request=True)
        return writer.create_warc_record(rec.uri, "request", http_headers=http)
    return writer.create_warc_record(
        rec.uri,
        rec.kind,
        payload=io.BytesIO(rec.payload),
        length=len(rec.payload),
        warc_content_type=rec.content_type,
    )


def done_when_records(
    copies: int = 50, other_hosts: int = 100, not_html: int = 50, *, wet: bool = False
) -> list[Rec]:
    """`copies` × every corpus page, then the non-DW and non-HTML records, interleaved."""
    pages = corpus_pages()
    good: list[Rec] = []
    for i in range(copies):
        for page in pages:
            good.append(_page_record(page, page.url, i, wet=wet))
    foreign = [
        _page_record(pages[i % len(pages)], f"{OTHER_HOSTS[i % 3]}{i}", i, wet=wet)
        for i in range(other_hosts)
    ]
    binary = [
        Rec(
            f"https://www.dw.com/image/{i}.bin",
            "conversion" if wet else "response",
            NOT_HTML[i % len(NOT_HTML)][1],
            NOT_HTML[i % len(NOT_HTML)][0],
        )
        for i in range(not_html)
    ]
    records = [Rec("", "warcinfo")]
    for i, rec in enumerate(_interleave(good, foreign, binary)):
        if not wet and i % 50 == 0:
            records.append(Rec(rec.uri, "request"))
        records.append(rec)
    return records


def _page_record(page: CorpusPage, uri: str, i: int, *, wet: bool) -> Rec:
    if wet:
        return Rec(uri, "conversion", page.dump(i), "text/plain")
    return Rec(uri, "response", page.html)


def _interleave(*lists: list[Rec]) -> Iterator[Rec]:
    """Spread the shorter lists evenly through the longest, keeping every list's order."""
    total = sum(len(items) for items in lists)
    positions = []
    for n, items in enumerate(lists):
        positions += [((k + 0.5) / len(items), n, k) for k in range(len(items))]
    positions.sort()
    assert len(positions) == total
    for _, n, k in positions:
        yield lists[n][k]
