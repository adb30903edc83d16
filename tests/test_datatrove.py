"""The datatrove step (issue 10), in a real LocalPipelineExecutor with two tasks over WARC files
written by warcio from the corpus pages. Skipped when the `datatrove` extra is absent (CI
installs it: see .ci/run)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

import dwclean
from dwclean._crawl import is_dw_url

from . import crawlfiles

pytest.importorskip("datatrove", reason="the datatrove extra is not installed")


def _read_jsonl_gz(folder: Path) -> list[dict[str, Any]]:
    documents = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            documents += [json.loads(line) for line in handle]
    return documents


def _pipeline_run(crawls: Path, out: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from dwclean.datatrove import DWCleanStep

    LocalPipelineExecutor(
        pipeline=[
            WarcReader(str(crawls), glob_pattern="*.warc.gz"),
            DWCleanStep(exclusion_writer=JsonlWriter(str(out / "excluded"))),
            JsonlWriter(str(out / "articles")),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(out / "logs"),
    ).run()


def test_local_executor_two_tasks_every_article_once_and_rerun_skips(tmp_path: Path) -> None:
    crawls, out = tmp_path / "crawls", tmp_path / "out"
    crawls.mkdir()
    expected: dict[str, str] = {}  # WARC-Record-ID of every DW page record → its URL
    for n in range(2):
        records = crawlfiles.done_when_records(copies=2 + n, other_hosts=5, not_html=3)
        crawlfiles.write(crawls / f"crawl-{n}.warc.gz", records)
        expected.update(_page_ids(crawls / f"crawl-{n}.warc.gz"))
    canonical = {
        page.url: dwclean.clean_file(str(page.html_path)).url or page.url
        for page in crawlfiles.corpus_pages()
    }
    _pipeline_run(crawls, out)

    articles = _read_jsonl_gz(out / "articles")
    assert sorted(a["id"] for a in articles) == sorted(expected)  # each DW page once
    for article in articles:
        meta = article["metadata"]
        assert article["text"].strip()
        assert meta["dwclean"]["url"] == canonical[expected[article["id"]]]
        assert meta["url"] == expected[article["id"]]  # the reader's URL is left alone
        assert meta["date"] == meta["dwclean"]["crawl_date"]  # and its crawl date
        assert meta["dwclean"]["title"] and meta["dwclean"]["blocks"]
        assert "text" not in meta["dwclean"]
    excluded = _read_jsonl_gz(out / "excluded")
    assert len(excluded) == 10  # the other hosts (WarcReader itself drops the non-HTML)
    assert {d["metadata"]["filter_reason"] for d in excluded} == {"not_dw"}

    stats = json.loads((out / "logs" / "stats.json").read_text(encoding="utf-8"))
    [step] = [s for s in stats if "dwclean" in s["name"]]
    assert step["stats"]["forwarded"] == len(expected)
    assert step["stats"]["dropped_not_dw"] == 10
    removed = {k: v for k, v in step["stats"].items() if k.startswith("removed:")}
    assert removed and all(_total(v) > 0 for v in removed.values())

    outputs = {p: p.stat().st_mtime_ns for p in (out / "articles").iterdir()}
    _pipeline_run(crawls, out)  # every task completed: nothing is run or rewritten
    assert {p: p.stat().st_mtime_ns for p in (out / "articles").iterdir()} == outputs
    assert len(_read_jsonl_gz(out / "articles")) == len(expected)
    assert len(list((out / "logs" / "completions").iterdir())) == 2


def _total(stat: Any) -> float:
    return float(stat["total"] if isinstance(stat, dict) else stat)


def _page_ids(path: Path) -> dict[str, str]:
    from warcio.archiveiterator import ArchiveIterator

    ids = {}
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            content_type = (
                record.http_headers.get_header("Content-Type") if record.http_headers else ""
            )
            if (
                record.rec_type == "response"
                and is_dw_url(uri)
                and content_type.startswith("text/html")
            ):
                ids[record.rec_headers.get_header("WARC-Record-ID")] = uri
    return ids


def test_step_on_documents_directly() -> None:
    """Without an executor: a Document in, the same Document cleaned out (or dropped)."""
    from datatrove.data import Document

    from dwclean.datatrove import DWCleanStep

    page = crawlfiles.corpus_pages()[0]
    documents = [
        Document(text=page.html.decode("utf-8"), id="a", metadata={"url": page.url}),
        Document(text="just a shopping list", id="b", metadata={"url": page.url}),
        Document(text=page.html.decode("utf-8"), id="c", metadata={"url": "https://x.org/"}),
        Document(text=page.dump(0).decode("utf-8"), id="d", metadata={}),
    ]
    step = DWCleanStep(captions=True)
    kept = list(step.run(iter(documents)))
    assert [d.id for d in kept] == ["a", "d"]
    assert kept[0].metadata["url"] == page.url
    assert kept[0].metadata["dwclean"]["id"] == "a"
    article = dwclean.clean_file(str(page.html_path))
    assert kept[0].text == article.plain_text(captions=True)
    assert step.stats["dropped_no_article"].total == 1
    assert step.stats["dropped_not_dw"].total == 1
