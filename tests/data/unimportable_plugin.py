"""A plugin that fails at import time."""

raise ImportError("missing dependency 'frobnicate'")
