"""Building the pluggy plugin manager: built-ins, entry points, ``-p`` modules, blocks.

Plugins load one at a time inside try/except, so a broken third-party plugin becomes a warning
naming it (or an error with ``strict``) instead of stopping every run; pluggy's own
``load_setuptools_entrypoints`` has no such guard.

Environment: ``CLEANER_LOAD_PLUGINS`` (comma-separated entry-point names) restricts which
installed plugins load; set it to an empty string to load none.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import pluggy

from cleaner import hookspecs
from cleaner.config import Config
from cleaner.plugins import DEFAULT_PLUGINS

ENTRY_POINT_GROUP = "cleaner"
hookimpl = pluggy.HookimplMarker("cleaner")


class PluginLoadError(RuntimeError):
    """A plugin that could not be loaded under ``strict``."""


@dataclass
class PluginInfo:
    """What ``cleaner plugins`` shows about one plugin."""

    name: str
    version: str | None
    hooks: list[str]
    builtin: bool
    module: str = ""


@dataclass
class LoadReport:
    warnings: list[str] = field(default_factory=list)
    versions: dict[str, str | None] = field(default_factory=dict)
    builtin: set[str] = field(default_factory=set)


def short_name(module_name: str) -> str:
    """``cleaner.plugins.typos`` -> ``typos``: the name used with ``-p no:NAME``."""
    prefix = "cleaner.plugins."
    return module_name[len(prefix) :] if module_name.startswith(prefix) else module_name


def build_plugin_manager(
    config: Config, extra: tuple[Any, ...] = ()
) -> tuple[pluggy.PluginManager, LoadReport]:
    """A plugin manager with the run's plugins registered, and what went wrong loading them."""
    pm = pluggy.PluginManager("cleaner")
    pm.add_hookspecs(hookspecs)
    report = LoadReport()
    blocked = set(config.disable_plugins)
    for name in blocked:
        pm.set_blocked(name)

    def guarded(what: str, load: Any) -> None:
        try:
            load()
        except Exception as exc:  # a broken plugin must not stop the run
            message = f"plugin {what!r} failed to load: {type(exc).__name__}: {exc}"
            if config.strict:
                raise PluginLoadError(message) from exc
            report.warnings.append(message)

    for module_name in DEFAULT_PLUGINS:
        name = short_name(module_name)
        if name in blocked or module_name in blocked:
            continue

        def load_builtin(module_name: str = module_name, name: str = name) -> None:
            pm.register(importlib.import_module(module_name), name=name)
            report.builtin.add(name)
            report.versions[name] = None

        guarded(name, load_builtin)

    if config.load_entrypoints:
        wanted = _env_plugin_filter()
        for ep in _entry_points():
            if ep.name in blocked or pm.has_plugin(ep.name):
                continue
            if wanted is not None and ep.name not in wanted:
                continue

            def load_ep(ep: metadata.EntryPoint = ep) -> None:
                plugin = ep.load()
                pm.register(plugin, name=ep.name)
                report.versions[ep.name] = ep.dist.version if ep.dist else None

            guarded(ep.name, load_ep)

    for module_name in config.plugins:
        if module_name in blocked or pm.has_plugin(module_name):
            continue

        def load_module(module_name: str = module_name) -> None:
            module = importlib.import_module(module_name)
            pm.register(module, name=module_name)
            report.versions[module_name] = getattr(module, "__version__", None)

        guarded(module_name, load_module)

    for plugin in extra:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        guarded(name, lambda plugin=plugin, name=name: pm.register(plugin, name=name))
    return pm, report


def _entry_points() -> list[metadata.EntryPoint]:
    return sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def _env_plugin_filter() -> set[str] | None:
    value = os.environ.get("CLEANER_LOAD_PLUGINS")
    if value is None:
        return None
    return {part.strip() for part in value.split(",") if part.strip()}


def describe_plugins(pm: pluggy.PluginManager, report: LoadReport) -> list[PluginInfo]:
    """Name, version and implemented hooks of every registered plugin, built-ins first."""
    infos = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        hooks = sorted(h.name for h in pm.get_hookcallers(plugin) or [])
        infos.append(
            PluginInfo(
                name=name,
                version=report.versions.get(name),
                hooks=hooks,
                builtin=name in report.builtin,
                module=getattr(plugin, "__name__", type(plugin).__name__),
            )
        )
    infos.sort(key=lambda i: (not i.builtin, i.name))
    return infos
