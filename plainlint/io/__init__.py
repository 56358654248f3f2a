"""Files in and out: YAML and TOML read with the line of each key, and atomic writes.

The bottom layer: it knows nothing of rules, settings or documents.
"""
