"""Built-in plugins. Each module here is a plugin like any third-party one.

The core never imports a rule module directly: :mod:`cleaner.pluginmanager` loads the names in
:data:`DEFAULT_PLUGINS` by name, exactly as it loads ``-p module``, and any of them can be
blocked with ``-p no:NAME`` (for example ``-p no:typos``).
"""

DEFAULT_PLUGINS: tuple[str, ...] = (
    "cleaner.plugins.loaders",
    "cleaner.plugins.repair",
    "cleaner.plugins.boilerplate",
    "cleaner.plugins.repeated",
    "cleaner.plugins.typos",
    "cleaner.plugins.rulepacks",
    "cleaner.plugins.formats",
)
