"""A plugin whose rule raises on every block: used to test failure containment."""

from cleaner import hookimpl
from cleaner.rules import rule


@rule("X901", "always-raises", stage="remove", category="test")
def always_raises(block):
    raise ValueError("this rule is broken")


@hookimpl
def cleaner_register_rules():
    return [always_raises]
