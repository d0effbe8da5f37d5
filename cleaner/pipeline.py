"""The pipeline: load -> repair -> remove -> flag -> output, running the registered rules.

Plugins only *register* rules (see :mod:`cleaner.hookspecs`); this module calls them, in a fixed
order, and attributes every edit, removal, flag and exception to a rule and its plugin. A rule
that raises is recorded on the document and the document is still produced without that rule's
effect, unless the configuration is ``strict``.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from cleaner.config import Config
from cleaner.decoding import InputError, decode
from cleaner.document import Correction, Document, Flag, Removal, Repair, RuleError
from cleaner.pluginmanager import LoadReport, build_plugin_manager, short_name
from cleaner.rules import Block, FlagInput, Rule, select_rules
from cleaner.textmap import Edit

_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_REPAIR_ROUNDS = 4  # repair rounds until nothing changes (see Cleaner._repair)


# Remove rounds per document: each later round only runs when the one before removed something.
MAX_REMOVE_ROUNDS = 3


class RuleFailed(RuntimeError):
    """A rule raised while ``strict`` was set."""


@dataclass
class RuleStats:
    """Per-rule counters kept by one Cleaner (time spent, hits, errors)."""

    seconds: float = 0.0
    hits: int = 0
    errors: int = 0


@dataclass
class Registry:
    """What the setup hooks handed over."""

    rules: list[Rule] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    formats: dict[str, Any] = field(default_factory=dict)


class Cleaner:
    """A configured pipeline, built once and reused for many documents.

    >>> from cleaner import Cleaner
    >>> cleaner = Cleaner(ignore=["T"])          # keyword overrides build a Config
    >>> cleaner.clean("Headline\\n\\nShare this article").text
    'Headline'
    """

    def __init__(self, config: Config | None = None, *, plugins: Iterable[Any] = (), **overrides: Any):
        base = config or Config()
        if overrides:
            base = base.replace(
                **{k: tuple(v) if isinstance(v, list) else v for k, v in overrides.items()}
            )
        self.config = base
        self.pm, self.load_report = build_plugin_manager(base, tuple(plugins))
        self.registry = self._collect()
        self.rules = select_rules(
            self.registry.rules, base.select, base.ignore
        ) + self._extended(base)
        self.stats: dict[str, RuleStats] = defaultdict(RuleStats)
        self._by_stage = {
            stage: [r for r in self.rules if r.stage == stage] for stage in ("repair", "remove", "flag")
        }
        self._plan: tuple[list[Rule], list[int], list[list[tuple[int, Callable[[Block], Any]]]]] | None = None

    # -- setup ----------------------------------------------------------------------------

    def _extended(self, config: Config) -> list[Rule]:
        if not config.extend_select:
            return []
        chosen = {r.code for r in select_rules(self.registry.rules, config.select, config.ignore)}
        extra = select_rules(self.registry.rules, config.extend_select, config.ignore)
        return [r for r in extra if r.code not in chosen]

    def _collect(self) -> Registry:
        """Run the setup hooks: words first (rules are built with them), then rules, formats."""
        registry = Registry()
        packs = list(self.config.packs)
        for result in self._call_setup("cleaner_register_packs", config=self.config):
            packs.extend(str(p) for p in result if str(p) not in packs)
        self.config = self.config.replace(packs=tuple(packs))
        words: set[str] = set(self.config.words)
        for result in self._call_setup("cleaner_register_words", config=self.config):
            words.update(result)
        registry.words = frozenset(words)
        corrections = dict(self.config.corrections)
        for result in self._call_setup("cleaner_register_corrections", config=self.config):
            for wrong, right in dict(result).items():
                corrections.setdefault(wrong.lower(), right)
        self.config = self.config.replace(
            words=tuple(sorted(registry.words)), corrections=tuple(sorted(corrections.items()))
        )
        seen: dict[str, Rule] = {}
        for plugin_name, produced in self._call_setup_named(
            "cleaner_register_rules", config=self.config
        ):
            for r in produced:
                r = r.with_plugin(short_name(plugin_name))
                if r.code in seen:
                    self._setup_error(
                        plugin_name,
                        "cleaner_register_rules",
                        ValueError(f"rule code {r.code} already registered by {seen[r.code].plugin}"),
                    )
                    continue
                seen[r.code] = r
        registry.rules = sorted(seen.values(), key=lambda r: r.code)
        for result in self._call_setup("cleaner_register_formats"):
            for name, formatter in dict(result).items():
                registry.formats.setdefault(name, formatter)
        return registry

    def _call_setup(self, hook_name: str, **kwargs: Any) -> Iterator[Any]:
        for _, result in self._call_setup_named(hook_name, **kwargs):
            yield result

    def _call_setup_named(self, hook_name: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Call a setup hook plugin by plugin, so one plugin's failure is attributed to it.

        Plugins are called in registration order (built-ins first), and a
        result that is an iterator is drained here, inside the guard.
        """
        caller = getattr(self.pm.hook, hook_name)
        for impl in caller.get_hookimpls():
            plugin_name = self.pm.get_name(impl.plugin) or "?"
            try:
                result = impl.function(**{a: kwargs[a] for a in impl.argnames})
                if result is not None and not isinstance(result, (dict, str)):
                    result = list(result)
            except Exception as exc:
                self._setup_error(plugin_name, hook_name, exc)
                continue
            if result is not None:
                yield plugin_name, result

    def _setup_error(self, plugin: str, hook: str, exc: Exception) -> None:
        message = f"plugin {plugin!r} failed in {hook}: {type(exc).__name__}: {exc}"
        if self.config.strict:
            raise RuleFailed(message) from exc
        self.load_report.warnings.append(message)

    @property
    def warnings(self) -> list[str]:
        """Plugins that failed to load or register; each names the plugin."""
        return self.load_report.warnings

    @property
    def all_rules(self) -> list[Rule]:
        """Every registered rule, whether it runs or not (for ``cleaner rules``)."""
        return self.registry.rules

    # -- per document ---------------------------------------------------------------------

    def load(self, data: str | bytes, *, source: str = "<string>", kind: str | None = None) -> Document:
        """Decode and load one input through the ``cleaner_load`` hook.

        Raises :class:`~cleaner.decoding.InputError` for input that cannot be read.
        """
        metadata: dict[str, Any] = {}
        if isinstance(data, bytes):
            decoded = decode(data, source, max_bytes=self.config.max_bytes or None)  # 0: no limit
            text = decoded.text
            if decoded.detected:
                metadata["encoding"] = decoded.encoding
                metadata["encoding_detected"] = True
        else:
            text = data
            if self.config.max_bytes and len(text) > self.config.max_bytes:
                raise InputError(source, f"input is over the limit of {self.config.max_bytes:,} characters")
        hint = kind if kind not in (None, "auto") else (None if self.config.kind == "auto" else self.config.kind)
        try:
            document = self.pm.hook.cleaner_load(source=source, data=text, kind=hint, config=self.config)
        except InputError:
            raise
        except Exception as exc:
            raise InputError(source, f"cannot load: {type(exc).__name__}: {exc}") from exc
        if document is None:
            raise InputError(source, "no loader accepted this input")
        document.metadata.update(metadata)
        return document

    def clean(
        self, data: str | bytes, *, source: str = "<string>", kind: str | None = None
    ) -> Document:
        """Load and process one input: the library's main entry point."""
        return self.process(self.load(data, source=source, kind=kind))

    def warm_up(self, *, html: bool = False) -> None:
        """Do the one-time work (imports, compiled patterns, word tables) now, on a tiny sample.

        Worker pools call this before forking so every worker inherits it ready, instead of each
        paying it on its first document. Observers are not told about the sample, and rule
        statistics are left as they were.
        """
        stats = {code: replace(s) for code, s in self.stats.items()}
        samples = [(_WARM_TEXT, "text")] + ([(_WARM_PAGE, "html")] if html else [])
        for data, kind in samples:
            try:
                self._stages(self.load(data, source=f"warm-up.{kind}", kind=kind))
            except Exception:
                pass  # best effort: a rule that fails (--strict) fails on real documents, reported
        self.stats.clear()
        self.stats.update(stats)

    def process(self, document: Document) -> Document:
        """Run repair, remove and flag stages on a loaded document and build its clean text."""
        self._stages(document)
        self._document_done(document)
        return document

    def _stages(self, document: Document) -> None:
        """Repair, remove, flag and render, without telling observers (warm_up shares it)."""
        # Elements the HTML loader dropped before extraction come first in ``removed``.
        document.removed[:0] = document.metadata.get("html_removed", [])
        self._repair(document)
        removed_spans = self._remove(document)
        self._flag(document, removed_spans)
        self._render(document, removed_spans)

    def _document_done(self, document: Document) -> None:
        """Call each observer in turn; one that raises is recorded on the document, like a rule."""
        for impl in self.pm.hook.cleaner_document_done.get_hookimpls():
            plugin = short_name(self.pm.get_name(impl.plugin) or "?")
            kwargs = {"document": document, "config": self.config}
            try:
                impl.function(**{a: kwargs[a] for a in impl.argnames})
            except Exception as exc:
                message = f"{type(exc).__name__}: {exc}"
                if self.config.strict:
                    raise RuleFailed(
                        f"{document.source}: plugin {plugin} raised in cleaner_document_done: {message}"
                    ) from exc
                document.errors.append(RuleError(plugin, "cleaner_document_done", "done", message))

    # -- stages ---------------------------------------------------------------------------

    def _rule_failed(self, rule: Rule, document: Document, exc: Exception) -> None:
        """Record a rule's exception on the document (or raise it under ``strict``)."""
        self.stats[rule.code].errors += 1
        if self.config.strict:
            raise RuleFailed(
                f"{document.source}: rule {rule.id} (plugin {rule.plugin}) raised "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        document.errors.append(
            RuleError(rule.plugin, rule.id, rule.stage, f"{type(exc).__name__}: {exc}")
        )

    def _run(self, rule: Rule, document: Document, *args: Any) -> Any:
        """Call one rule, timing it and containing its failure.

        A result that is an iterator (most rules are generators) is drained here, inside the
        guard, so an exception raised midway is timed, counted and honours ``strict`` too.
        """
        stats = self.stats[rule.code]
        began = time.perf_counter()
        try:
            result = rule.check(*args)
            if isinstance(result, Iterator):
                result = list(result)
            return result
        except Exception as exc:
            self._rule_failed(rule, document, exc)
            return None
        finally:
            stats.seconds += time.perf_counter() - began

    def _repair(self, document: Document) -> None:
        """Run the repair rules in order, again while they still change something.

        One repair can expose another (a no-break space made plain lets ftfy see mojibake it
        left alone beside it), so rounds repeat until nothing changes, at most
        ``_REPAIR_ROUNDS`` times: that makes cleaning idempotent. A rule that failed is not
        run again on the same document.
        """
        assert document.textmap is not None
        text = document.repaired
        failed: set[str] = set()
        for _ in range(_REPAIR_ROUNDS):
            changed = False
            for rule in self._by_stage["repair"]:
                if rule.code in failed:
                    continue
                errors_before = len(document.errors)
                produced = self._run(rule, document, text)
                if produced is None:
                    if len(document.errors) > errors_before:  # it raised (already recorded)
                        failed.add(rule.code)
                    continue
                edits = list(produced)  # _run has drained a generator already
                if not edits:
                    continue
                spans = {
                    (e.start, e.end): document.textmap.span_to_original(e.start, e.end)
                    for e in edits
                }
                text, applied = document.textmap.apply(text, edits)
                self.stats[rule.code].hits += len(applied)
                changed = changed or bool(applied)
                for e in applied:
                    a, b = spans[(e.start, e.end)]
                    document.repairs.append(
                        Repair(a, b, document.original[a:b], e.replacement, rule.code)
                    )
            if not changed:
                break
        document.repaired = text

    def _remove(self, document: Document) -> list[tuple[int, int]]:
        """Judge every block with the remove rules; the first rule that objects removes it.

        Rules use position as evidence (a share line at the end, a lone label between two
        removed lines), so removing blocks can change the verdict on the blocks around them.
        The stage therefore repeats over the blocks it kept, with their new neighbours, until a
        round removes nothing (at most :data:`MAX_REMOVE_ROUNDS`): the output is then judged as
        it will be read, and cleaning it again removes nothing more (idempotence).

        The loop runs (blocks x rules) times per round, so it times rules with one clock read
        per call and adds the totals to ``stats`` once per document.
        """
        rules = self._by_stage["remove"]
        text = document.repaired
        pending: list[tuple[int, str]] = []
        pos = 0
        for raw in text.split("\n"):  # C-speed split; half the lines of prose are blank
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip()) if raw[0].isspace() else 0
                pending.append((pos + lead, stripped))
            pos += len(raw) + 1
        removed: list[tuple[int, int]] = []
        if not rules or not pending:
            return removed
        spent = [0.0] * len(rules)
        for round_number in range(MAX_REMOVE_ROUNDS):
            kept = self._remove_round(document, rules, pending, removed, spent,
                                      report_errors=round_number == 0)
            if len(kept) == len(pending):
                break
            pending = kept
        for rule, seconds in zip(rules, spent):
            self.stats[rule.code].seconds += seconds
        removed.sort()
        document.removed.sort(key=lambda r: -1 if r.start is None else r.start)
        return removed

    def _remove_round(
        self,
        document: Document,
        rules: list[Rule],
        pending: list[tuple[int, str]],
        removed: list[tuple[int, int]],
        spent: list[float],
        *,
        report_errors: bool,
    ) -> list[tuple[int, str]]:
        """One pass of the remove rules over ``pending`` blocks; returns the blocks kept."""
        limits, plans = self._remove_plan(rules)
        texts = tuple(t for _, t in pending)
        metadata = document.metadata
        clock = time.perf_counter
        kept: list[tuple[int, str]] = []
        for index, (start, block_text) in enumerate(pending):
            end = start + len(block_text)
            block = Block(block_text, start, end, index, texts, metadata)
            plan = plans[bisect_left(limits, block.words)] if limits else plans[0]
            began = clock()
            for i, check in plan:
                try:
                    reason = check(block)
                except Exception as exc:
                    now = clock()
                    spent[i] += now - began
                    if report_errors:
                        self._rule_failed(rules[i], document, exc)
                    began = clock()
                    continue
                now = clock()
                spent[i] += now - began
                began = now
                if not reason:
                    continue
                rule = rules[i]
                self.stats[rule.code].hits += 1
                o_start, o_end = document.span_in_original(start, end)
                document.removed.append(
                    Removal(o_start, o_end, document.original[o_start:o_end], rule.code,
                            rule.category, str(reason))
                )
                removed.append((start, end))
                break
            else:
                kept.append((start, block_text))
        return kept

    def _remove_plan(
        self, rules: list[Rule]
    ) -> tuple[list[int], list[list[tuple[int, Callable[[Block], Any]]]]]:
        """Which remove rules to call for a block, by its word count (see ``Rule.max_words``).

        ``plans[bisect_left(limits, words)]`` lists ``(position in rules, check)`` in rule
        order, without the rules that promise to keep a block that long. Built once per rule
        list, so a long paragraph costs one lookup instead of a call to every short-line rule.
        """
        plan = self._plan  # read once: another thread may replace it (with an equal plan)
        if plan is not None and plan[0] is rules:
            return plan[1], plan[2]
        limits = sorted({r.max_words for r in rules if r.max_words is not None})
        plans = [
            [(i, r.check) for i, r in enumerate(rules) if r.max_words is None or r.max_words >= bound]
            for bound in [*limits, max(limits, default=0) + 1]
        ]
        self._plan = (rules, limits, plans)
        return limits, plans

    def _flag(self, document: Document, removed_spans: list[tuple[int, int]]) -> None:
        rules = self._by_stage["flag"]
        if not rules:
            return
        view = FlagInput(document.repaired, tuple(removed_spans), document.metadata)
        flags: list[Flag] = []
        for rule in rules:
            produced = self._run(rule, document, view)
            if produced is None:
                continue
            try:
                findings = list(produced)
            except Exception as exc:
                document.errors.append(RuleError(rule.plugin, rule.id, "flag", repr(exc)))
                continue
            for f in findings:
                if f.confidence < self.config.min_confidence:
                    continue
                self.stats[rule.code].hits += 1
                a, b = document.span_in_original(f.start, f.end)
                line, column = document.position(a)
                inside = any(s <= f.start and f.end <= e for s, e in removed_spans)
                flags.append(
                    Flag(a, b, document.original[a:b], rule.code, rule.category, f.message,
                         tuple(f.suggestions), f.confidence, line, column, inside)
                )
                if self.config.fix_typos and f.fix is not None and not inside:
                    document.corrections.append(
                        Correction(f.start, f.end, document.repaired[f.start:f.end], f.fix, rule.code)
                    )
        flags.sort(key=lambda fl: (fl.start, fl.end, fl.rule))
        document.flags = flags

    def _render(self, document: Document, removed_spans: list[tuple[int, int]]) -> None:
        """The clean text: repaired text without removed blocks, plus accepted corrections."""
        text = document.repaired
        # A removed block goes with its whole line: from the line's start (its indentation
        # would otherwise be glued to the next kept line) through its line break.
        cuts = [Edit(_line_start(text, s), _line_end(text, e), "") for s, e in removed_spans]
        cuts += [Edit(c.start, c.end, c.replacement) for c in document.corrections]
        pieces, cursor = [], 0
        for edit in sorted(cuts, key=lambda e: e.start):
            if edit.start < cursor:
                continue
            pieces.append(text[cursor : edit.start])
            pieces.append(edit.replacement)
            cursor = edit.end
        pieces.append(text[cursor:])
        out = _BLANK_RUN.sub("\n\n", "".join(pieces))
        document.text = out.strip()


def _line_start(text: str, pos: int) -> int:
    """Start of the line holding ``pos``."""
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    """End of a removed block including the rest of its line and its line break."""
    nl = text.find("\n", pos)
    return len(text) if nl == -1 else nl + 1


def counts(documents: Iterable[Document]) -> dict[str, Counter[str]]:
    """Removals by category and flags by rule over many documents (for summaries)."""
    removed: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    for doc in documents:
        removed.update(r.category for r in doc.removed)
        flagged.update(f.rule for f in doc.flags)
    return {"removed": removed, "flags": flagged}


__all__ = ["Cleaner", "LoadReport", "RuleFailed", "counts"]


# What :meth:`Cleaner.warm_up` cleans: a repair, a boilerplate line and a rare word (for the
# typo tables), and a minimal page for the HTML extractor.
_WARM_TEXT = ("Caf\u00c3\u00a9 owners met on Tuesday to discuss the new parking rules.\n\n"
              "Share this article\n\nThe counicl will vote on the plan next week.\n")
_WARM_PAGE = "<html><body><article><p>Warm-up page for the HTML extractor.</p></article></body></html>"
