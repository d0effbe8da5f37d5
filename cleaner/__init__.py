"""cleaner: turn scraped news-article text or HTML into clean text people and models can trust.

>>> from cleaner import clean
>>> result = clean("Headline\\n\\nShare this article on Facebook")
>>> result.text
'Headline'
>>> [r.category for r in result.removed]
['share']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cleaner.pluginmanager import hookimpl

__version__ = "0.1.0"

if TYPE_CHECKING:
    from cleaner.config import Config
    from cleaner.document import Document
    from cleaner.pipeline import Cleaner

__all__ = ["Cleaner", "Config", "Document", "__version__", "clean", "hookimpl"]

_default: Any = None


def clean(data: str | bytes, *, source: str = "<string>", kind: str | None = None, **options: Any) -> Document:
    """Clean one document (text or HTML) with the default pipeline, or one built from ``options``.

    ``options`` are :class:`~cleaner.config.Config` fields (``ignore=["T"]``, ``fix_typos=True``).
    The default pipeline is built once per process and reused.
    """
    global _default
    from cleaner.pipeline import Cleaner

    if options:
        return Cleaner(**options).clean(data, source=source, kind=kind)
    if _default is None:
        _default = Cleaner()
    return _default.clean(data, source=source, kind=kind)


def __getattr__(name: str) -> Any:
    # Lazy public names: importing cleaner (and `cleaner --version`) stays fast.
    if name == "Cleaner":
        from cleaner.pipeline import Cleaner

        return Cleaner
    if name == "Config":
        from cleaner.config import Config

        return Config
    if name == "Document":
        from cleaner.document import Document

        return Document
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
