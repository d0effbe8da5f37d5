"""The HTML path: extract the article text from a page with trafilatura.

The extracted text then goes through the same text rules as any plain-text input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner.config import Config
from cleaner.document import Removal


@dataclass(frozen=True)
class Extracted:
    text: str
    removed: list[Removal] = field(default_factory=list)  # elements dropped before extraction


def extract_article(html: str, config: Config) -> Extracted:
    """Main text of a page, one paragraph per line; empty when the page has none."""
    import trafilatura

    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        with_metadata=False,
        deduplicate=False,
    )
    return Extracted(text or "")
