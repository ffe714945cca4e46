"""Turn a saved web page into its article: main text, headline, publication date and canonical address.

trafilatura does the work: it drops navigation, scripts, menus and comments,
unescapes entities, and finds the date (htmldate) and the canonical URL.
"""
from __future__ import annotations

from ..errors import SourceError
from . import Article, paragraphs

# The publication date from the page's markup only (meta tags, <time>, JSON-LD, the URL): htmldate's search
# of the visible text turns "5 марта 2025" into 2025-01-01, and a wrong date is worse than none.
_DATE = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def read(html: str) -> Article:
    """The page's article; SourceError when the page has no article text."""
    import trafilatura
    from trafilatura.settings import Document

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        date_extraction_params=_DATE,
    )
    text = paragraphs(found.text.splitlines()) if isinstance(found, Document) and found.text else ""
    if not isinstance(found, Document) or not text:  # a dict only when asked for one
        raise SourceError("a web page with no article text")
    title = " ".join(found.title.split()) or None if found.title else None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(text=text, title=title, date=found.date or None, url=found.url or None)
