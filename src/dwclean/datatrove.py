"""dwclean as a datatrove pipeline step (`pip install 'dwclean[datatrove]'`).

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from dwclean.datatrove import DWCleanStep

    pipeline = [
        WarcReader("crawl/"),
        DWCleanStep(exclusion_writer=JsonlWriter("out/no-article")),
        JsonlWriter("out/articles"),
    ]

`DWCleanStep` takes datatrove `Document`s whose `text` is a DW page (HTML from `WarcReader`, or
a page or text dump from `JsonlReader`/`WarcReader` over WET files) and turns each into the
cleaned article: `text` becomes the article as plain text (title, lead, body, subheads; captions
with `captions=True`), and every dwclean field (title, date, section, language, canonical url,
blocks, authors, page_type, …) goes under `metadata["dwclean"]`. The reader's own metadata
(`url`, `date` = the crawl date, `file_path`) is left as it was; `metadata["dwclean"]
["crawl_date"]` repeats the reader's `date`. Pages of other hosts than DW (by `metadata["url"]`,
unless `any_site=True`), pages without an article, and unusable pages are dropped, to the
`exclusion_writer` when one is given, with `metadata["filter_reason"]` = `not_dw`,
`no_article` or `unusable`. Datatrove's stats count the documents and every removal rule
(`removed:<rule>`: how many pieces of page furniture each rule took out).

This module imports datatrove: it is importable only when the extra is installed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from datatrove.data import Document
from datatrove.pipeline.base import PipelineStep

from ._api import clean
from ._crawl import article_record, is_dw_url
from ._exceptions import DwcleanError, NotAnArticleError

if TYPE_CHECKING:
    from datatrove.pipeline.writers.disk_base import DiskWriter

__all__ = ["DWCleanStep"]


class DWCleanStep(PipelineStep):  # type: ignore[misc]  # datatrove has no type information
    """Clean DW pages into articles; drop what holds none (see the module documentation).

    A filter in datatrove's sense (same stats: total, forwarded, dropped, dropped_<reason>), built
    on PipelineStep itself: datatrove's BaseFilter module imports its C4 filters, which need
    extra packages.
    """

    name = "🧹 dwclean"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        exclusion_writer: DiskWriter | None = None,
        *,
        any_site: bool = False,
        captions: bool = False,
        url_key: str = "url",
        date_key: str = "date",
    ) -> None:
        super().__init__()
        self.exclusion_writer = exclusion_writer
        self.any_site = any_site
        self.captions = captions
        self.url_key = url_key
        self.date_key = date_key

    def run(
        self, data: Iterator[Document] | None, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        writer_context = self.exclusion_writer or contextlib.nullcontext()
        with writer_context as writer:
            for doc in data or ():
                self.stat_update("total")
                with self.track_time():
                    result = self.filter(doc)
                if result is True:
                    self.stat_update("forwarded")
                    self.update_doc_stats(doc)
                    yield doc
                    continue
                reason = result[1] if isinstance(result, tuple) else "dropped"
                self.stat_update("dropped", f"dropped_{reason}")
                if writer is not None:
                    doc.metadata["filter_reason"] = reason
                    writer.write(doc, rank)

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        """Clean `doc` in place; True to keep it, (False, reason) to drop it."""
        metadata: dict[str, Any] = doc.metadata
        url = metadata.get(self.url_key)
        url = url if isinstance(url, str) and url else None
        if url is not None and not self.any_site and not is_dw_url(url):
            return False, "not_dw"
        try:
            article = clean(doc.text, url=url)
        except NotAnArticleError:
            return False, "no_article"
        except DwcleanError:
            return False, "unusable"
        if article.url is None:
            article.url = url
        article.id = str(doc.id)
        file_path = metadata.get("file_path")
        article.source = " ".join(str(p) for p in (file_path, url) if p) or article.id
        date = metadata.get(self.date_key)
        article.crawl_date = str(date) if date is not None else None
        for removal in article.removed:
            self.stat_update(f"removed:{removal.rule}")
        record = article_record(article, captions=self.captions)
        doc.text = record.pop("text")
        metadata["dwclean"] = record
        return True
