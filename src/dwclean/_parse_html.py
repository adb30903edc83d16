"""Parse stage for HTML pages: a saved DW page becomes the same candidate sequence a dump does.

The page's markup says exactly what each piece of text is (headline, teaser, paragraph, subhead,
caption), so this front-end hands strip and segment candidates with strong hints, taken from the
article container of the page's layout (rules/html_layouts.toml). Metadata comes from the head:
<title>, <html lang>, canonical link, og:/article: meta tags and JSON-LD.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._byline import author_label_length
from ._exceptions import NotAnArticleError
from ._model import Article, Candidate, Hint, Removal
from ._page import Metadata
from ._pipeline import Parsed, run
from ._rules import RULES_DIR, Rules, key, load_rules
from ._text import parse_date

_MAX_DEPTH = 400  # deeper nesting than any real page: walk no further (10,000-deep input)
_SUBHEAD_TAGS = {"h2", "h3", "h4", "h5", "h6"}
_LIST_TAGS = {"ul", "ol"}


@dataclass(frozen=True, slots=True)
class HtmlLayout:
    name: str
    detect: str
    container: str
    title: str
    lead: str
    body: str
    caption_box: str
    caption_text: str
    authors: str
    info_box: str
    skip: str  # one selector list
    # a gallery page's pictures (`slide`): the parts of each that are its title and text
    # (`slide_text`), captions; anything else in it (the repeated gallery name) is not read
    slide: str = ""
    slide_text: str = ""


@cache
def _layouts_table() -> dict[str, Any]:
    return tomllib.loads((RULES_DIR / "html_layouts.toml").read_text("utf-8"))


@cache
def html_layouts() -> tuple[HtmlLayout, ...]:
    layouts = []
    for table in _layouts_table()["layout"]:
        fields = {k: v for k, v in table.items() if k != "skip"}
        layouts.append(HtmlLayout(skip=", ".join(table.get("skip", [])), **fields))
    return tuple(layouts)


_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_TEXT_BLOCKS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote"]
)
_MAX_TAGS_UNCHECKED = 20_000  # ten times a DW page's tags: below this, no nesting check


def _bound_nesting(html: str) -> str:
    """Drop the tags nested deeper than any real page (their text stays): lexbor takes time
    quadratic in the depth, 27 s for 100,000 nested <div>s. Only a page with very many tags is
    scanned, in one linear pass."""
    # (every tag takes three characters at least: a shorter page cannot have that many)
    if len(html) < 3 * _MAX_TAGS_UNCHECKED or html.count("<") < _MAX_TAGS_UNCHECKED:
        return html
    parts: list[str] = []
    depth, last = 0, 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        opening = not closing and not self_closing and name not in _VOID
        if name in _TEXT_BLOCKS:  # kept at any depth: the text's own paragraph and heading
            continue
        if closing:
            depth -= 1
        keep = depth < _MAX_DEPTH
        if opening:
            depth += 1
        if not keep:
            parts.append(html[last : match.start()])
            last = match.end()
        depth = max(depth, 0)
    parts.append(html[last:])
    return "".join(parts)


def _text(node: LexborNode) -> str:
    return " ".join(node.text(deep=True, separator="", strip=False).split())


class _Walker:
    """Collects the article's candidates from one layout's container, in document order."""

    def __init__(self, layout: HtmlLayout, container: LexborNode) -> None:
        self.layout = layout
        self.candidates: list[Candidate] = []
        self.removed: list[Removal] = []
        self.seen_title = False
        self.seen_body = False
        # selectolax matches selectors against whole subtrees; element identity needs these sets
        roles = {
            "skip": layout.skip,
            "title": layout.title,
            "lead": layout.lead,
            "caption_box": layout.caption_box,
            "body": layout.body,
            "slide": layout.slide,
        }
        self.matching = {
            role: {node.mem_id for node in container.css(selector)} if selector else set()
            for role, selector in roles.items()
        }

    def is_(self, node: LexborNode, role: str) -> bool:
        return node.mem_id in self.matching[role]

    def add(self, text: str, hints: int, credit: str | None = None) -> None:
        if text:
            self.candidates.append(Candidate(text=text, hints=hints, credit=credit))

    def drop(self, node: LexborNode, rule: str) -> None:
        text = _text(node)
        if text:
            self.removed.append(Removal(text[:200], rule))

    def walk(self, container: LexborNode) -> None:
        """Visit the article's parts in document order.

        One selector query finds every part (headline, lead, caption boxes, body containers);
        a part inside a skipped box or inside a body container already read is passed over.
        Walking only the parts, not every node of the page, keeps this close to parsing speed.
        """
        layout = self.layout
        selector = ", ".join(
            s
            for s in (layout.title, layout.lead, layout.caption_box, layout.body, layout.slide)
            if s
        )
        container_id = container.mem_id
        done: set[int] = set()  # body containers and caption boxes already read
        skip = self.matching["skip"]
        for node in container.css(selector):
            parent, nested = node.parent, False
            for _ in range(_MAX_DEPTH):
                if parent is None or parent.mem_id == container_id:
                    break
                if parent.mem_id in done or parent.mem_id in skip:
                    nested = True
                    break
                parent = parent.parent
            if nested or node.mem_id in skip:
                continue
            self.visit(node)
            if self.is_(node, "body") or self.is_(node, "caption_box") or self.is_(node, "slide"):
                done.add(node.mem_id)

    def visit(self, node: LexborNode) -> None:
        if not self.seen_title and self.is_(node, "title"):
            self.add(_text(node), Hint.TITLE | Hint.HEADING)
            self.seen_title = True
        elif self.is_(node, "lead"):
            self.add(_text(node), Hint.LEAD)
        elif self.is_(node, "caption_box"):
            if self.seen_title and not self.seen_body:
                self.caption(node)
            else:
                self.drop(node, "picture teaser outside the article")
        elif self.is_(node, "body"):
            self.seen_body = True
            self.body(node, 0)
        elif self.is_(node, "slide"):
            for part in node.css(self.layout.slide_text):
                self.add(_text(part), Hint.CAPTION)

    def caption(self, box: LexborNode) -> None:
        caption = box.css_first(self.layout.caption_text)
        if caption is not None:
            self.add(_text(caption), Hint.CAPTION)

    def body(self, container: LexborNode, depth: int) -> None:
        for child in container.iter(include_text=False):
            tag = child.tag or ""
            if not tag or tag.startswith("-"):
                continue
            if self.is_(child, "skip"):
                self.drop(child, f"page furniture ({tag})")
            elif self.is_(child, "caption_box"):
                self.caption(child)
            elif tag == "p":
                self.paragraph(child)
            elif tag in _SUBHEAD_TAGS:
                self.add(_text(child), Hint.HEADING)
            elif tag in _LIST_TAGS:
                for item in child.css("li"):
                    self.add(_text(item), Hint.PARAGRAPH | Hint.LIST_ITEM)
            elif tag == "blockquote":
                self.add(_text(child), Hint.PARAGRAPH)
            elif tag == "table":  # a table in the text: each row one paragraph, cells apart
                for row in child.css("tr"):
                    cells = (_text(cell) for cell in row.css("th, td"))
                    self.add(" ".join(cell for cell in cells if cell), Hint.PARAGRAPH)
            elif self.is_(child, "body") and depth < _MAX_DEPTH:
                self.body(child, depth + 1)
            elif self.is_(child, "body"):
                self.add(_text(child), Hint.PARAGRAPH)  # too deep to walk: its text, whole
            else:
                self.drop(child, "box inside the article")

    def paragraph(self, node: LexborNode) -> None:
        self.add(_text(node), Hint.HEADING if _all_bold(node) else Hint.PARAGRAPH)


@cache
def _furniture() -> tuple[dict[str, str], dict[str, str], str]:
    """(tag → name, ARIA role → name, one selector for both) from html_layouts.toml."""
    table = _layouts_table().get("furniture", {})
    tags, roles = dict(table.get("tags", {})), dict(table.get("roles", {}))
    selector = ", ".join([*tags, *(f"[role={role}]" for role in roles)])
    return tags, roles, selector


def _page_furniture(tree: LexborHTMLParser) -> list[Removal]:
    """The page's navigation, sidebars and footer, for `--explain`: what the walk of the
    article container never had to look at."""
    tags, roles, selector = _furniture()
    removed: list[Removal] = []
    seen: set[int] = set()
    if not selector:
        return removed
    for node in tree.css(selector):
        parent, nested = node.parent, False
        for _ in range(_MAX_DEPTH):
            if parent is None:
                break
            if parent.mem_id in seen:
                nested = True
                break
            parent = parent.parent
        seen.add(node.mem_id)
        text = " ".join(node.text(deep=True, separator=" ", strip=True).split())
        if nested or not text:
            continue
        role = node.attributes.get("role") or ""
        kind = tags.get(node.tag or "") or roles.get(role, "page furniture")
        removed.append(Removal(text[:200], kind))
    return removed


def _meta(tree: LexborHTMLParser, *names: str) -> str | None:
    for name in names:
        node = tree.css_first(f'meta[property="{name}"], meta[name="{name}"]')
        if node is not None:
            content = (node.attributes.get("content") or "").strip()
            if content:
                return content
    return None


_ARTICLE_TYPES = ("Article", "BlogPosting", "Report")  # schema.org's article family


def _is_article_type(value: object) -> bool:
    types = value if isinstance(value, list) else [value]
    return any(isinstance(t, str) and t.endswith(_ARTICLE_TYPES) for t in types)


def _json_ld(tree: LexborHTMLParser) -> dict[str, Any]:
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text())
        except (ValueError, RecursionError):
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and _is_article_type(item.get("@type")):
                return item
    return {}


def _all_bold(paragraph: LexborNode) -> bool:
    """A paragraph that is one <strong> or <b> and nothing else: the old layout's subhead.
    Most paragraphs start with text, so the first child usually decides."""
    bold = False
    for child in paragraph.iter(include_text=True):
        if child.tag == "-text":
            if (child.text() or "").strip():
                return False
        elif bold or child.tag not in ("strong", "b"):
            return False
        else:
            bold = True
    return bold


def _language(
    tree: LexborHTMLParser, url: str | None, rules: Rules, declared: object = None
) -> str | None:
    """The page's language: from the URL path (/pt-br/), else <html lang>, else JSON-LD."""
    edition = rules.edition_of(url) if url else None
    if edition is not None:
        return edition.code
    html = tree.css_first("html")
    lang_attr = (html.attributes.get("lang") or "").strip() if html is not None else ""
    if not lang_attr and isinstance(declared, str):
        lang_attr = declared.strip()
    if not lang_attr:
        return None
    base, _, region = lang_attr.replace("_", "-").partition("-")
    code = base.lower() + ("-" + region.upper() if region and len(region) == 2 else "")
    edition = rules.language(code) or rules.language(lang_attr)
    return edition.code if edition else code


def _metadata(
    tree: LexborHTMLParser, rules: Rules, url: str | None
) -> tuple[Metadata, dict[str, Any]]:
    meta = Metadata()
    ld = _json_ld(tree)
    canonical = tree.css_first('link[rel="canonical"]')
    page_url = (
        (canonical.attributes.get("href") if canonical is not None else None)
        or _meta(tree, "og:url")
        or url
    )
    meta.url = page_url.split("?", 1)[0] if page_url else None
    meta.language = rules.language(_language(tree, meta.url, rules, ld.get("inLanguage")))
    day_first = meta.language is not None and not meta.language.month_first
    title_node = tree.css_first("title")
    if title_node is not None:
        page_title = " ".join(title_node.text().split())
        for pattern in rules.title_lines:
            match = pattern.match(page_title)
            if match:
                groups = match.groupdict()
                if groups.get("section"):
                    meta.section = groups["section"].strip()
                meta.date = parse_date(groups["date"], day_first=day_first)
                break
    published = ld.get("datePublished") or _meta(tree, "article:published_time")
    if isinstance(published, str) and parse_date(published[:10]):
        meta.date = parse_date(published[:10])
    authors = ld.get("author")
    for author in authors if isinstance(authors, list) else [authors] if authors else []:
        name = author.get("name") if isinstance(author, dict) else author
        if isinstance(name, str) and name.strip():
            meta.authors.append(name.strip())
    section = ld.get("articleSection")
    if meta.section is None and isinstance(section, str) and section.strip():
        meta.section = section.strip()
    return meta, ld


def _info_box_authors(container: LexborNode, selector: str, rules: Rules) -> list[str]:
    authors: list[str] = []
    for item in container.css(selector):
        text = _text(item)
        length = author_label_length(rules.author_labels, key(text))
        if length:
            for name in text[length:].strip(" :").split(","):
                name = name.strip()
                if name and name not in authors:
                    authors.append(name)
    return authors


def parse_html(
    html: str, *, url: str | None = None
) -> tuple[list[Candidate], Metadata, list[Removal], str | None]:
    """The article's candidates, the page's metadata, what the markup removed, the page language.

    The language code is returned as well as `Metadata.language` because a page may be in a
    language the rule tables do not know yet: its code is still a fact worth reporting.
    """
    rules = load_rules()
    tree = LexborHTMLParser(_bound_nesting(html))
    for br in tree.css("br"):  # a line break separates words: "hat er<br>gemeistert"
        br.replace_with(" ")
    meta, ld = _metadata(tree, rules, url)
    # the code as the page gives it, for a language the rule tables do not know
    language_code = (
        meta.language.code
        if meta.language
        else _language(tree, meta.url, rules, ld.get("inLanguage"))
    )
    for layout in html_layouts():
        if tree.css_first(layout.detect) is None:
            continue
        container = tree.css_first(layout.container)
        if container is None:
            continue
        walker = _Walker(layout, container)
        walker.walk(container)
        walker.removed.extend(_page_furniture(tree))
        meta.layout = layout.name
        if layout.info_box and not meta.authors:
            meta.authors = _info_box_authors(container, layout.info_box, rules)
        if layout.authors and not meta.authors:
            names = (_text(n) for n in container.css(layout.authors))
            meta.authors = list(dict.fromkeys(name for name in names if name))
        return walker.candidates, meta, walker.removed, language_code
    # Not a known DW layout: best effort, but only for a page that says it is an article.
    body = tree.body
    if body is None:
        raise NotAnArticleError("an HTML page without a body")
    # (an index page has <article> teasers, so only the page's own word counts)
    # A fragment (markup pasted into a text, no page around it) is an article's own markup.
    says_article = (
        (_meta(tree, "og:type") or "").lower() == "article" or bool(ld) or _is_fragment(html)
    )
    if not says_article:
        raise NotAnArticleError("not an article page (no DW article layout, not marked as one)")
    candidates = []
    for node in body.css("h1, h2, h3, p, li, figcaption"):
        text = _text(node)
        if text:
            hints = Hint.HEADING if node.tag in _SUBHEAD_TAGS or node.tag == "h1" else Hint.NONE
            if node.tag == "figcaption" or _follows_picture(node):
                hints |= Hint.CAPTION
            candidates.append(Candidate(text=text, hints=hints))
    return candidates, meta, [], language_code


def _is_fragment(html: str) -> bool:
    head = html[:2000].lower()
    return "<html" not in head and "<head" not in head and "<body" not in head


def _follows_picture(node: LexborNode) -> bool:
    """A paragraph right after a picture (old layout's picture box without <figcaption>). A
    picture box with text of its own (a <figcaption>, a caption paragraph) has its caption
    already: the paragraph after it is article text."""
    previous = node.prev
    while previous is not None and previous.tag == "-text" and not (previous.text() or "").strip():
        previous = previous.prev
    if previous is None:
        return False
    return previous.tag == "img" or (
        previous.css_first("img") is not None and not previous.text(strip=True)
    )


def clean_html(html: str, *, url: str | None = None) -> Article:
    rules = load_rules()
    candidates, meta, removed_markup, language_code = parse_html(html, url=url)
    if not candidates:
        raise NotAnArticleError("no article text found in the HTML page")
    warnings = []
    if meta.layout is None:
        warnings.append("not a known DW article layout: best-effort extraction")
    parsed = Parsed(
        candidates,
        meta,
        "html",
        removed=removed_markup,
        language_code=language_code,
        warnings=warnings,
    )
    return run(parsed, rules)
