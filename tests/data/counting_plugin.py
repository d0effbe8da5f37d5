"""Test plugin: appends a line to $COUNTING_PLUGIN_LOG each time a Cleaner registers its rules."""

import os

from cleaner import hookimpl


@hookimpl
def cleaner_register_rules(config):
    with open(os.environ["COUNTING_PLUGIN_LOG"], "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
    return []
