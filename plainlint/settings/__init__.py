"""Settings: the built-in rules.yaml, a project's settings file, a page's own settings,
their checks, and the ignore files that decide which files a run reads.

Settings sit above the rules, because every rule option is checked against the
rule registry.
"""
