"""Every hook is documented in docs/plugins.md, in the order cleaner calls them."""

import re

from cleaner.hookspecs import hook_names
from helpers import ROOT


def test_every_hook_has_a_documented_section_in_lifecycle_order() -> None:
    doc = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    documented = re.findall(r"^### `(cleaner_\w+)\(", doc, re.M)
    assert documented == hook_names()


def test_every_hookspec_has_a_docstring_saying_when_it_runs() -> None:
    import cleaner.hookspecs as specs

    for name in hook_names():
        doc = getattr(specs, name).__doc__ or ""
        assert "Called" in doc, name
