"""Template tags in content files (Liquid, Jinja, Hugo), blanked before a page is read.

Content repositories often hold pages that a site generator fills in:
`{% if page.video %}`, `{{ page.title }}`, `{{< figure src="map.png" >}}`. These
tags are instructions to the generator, not words a reader sees, so no rule
should judge them ("endif" is not jargon). Each tag is replaced by spaces of
the same length, keeping its line breaks, so every offset, line and column of
the prose around it stays exactly where it was in the file.
"""

from __future__ import annotations

import re

# A comment block's content is hidden from readers too: "{% comment %} … {% endcomment %}".
_COMMENT_BLOCK = r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}"
# One tag: a statement "{% … %}", an output "{{ … }}" (Hugo's "{{< … >}}" and
# "{{% … %}}" included) or a comment "{# … #}". A tag may run over lines, but
# not on for ever: an unclosed "{{" in prose stays prose. A comment holds no "}",
# so a heading's "{#anchor}" is not one.
_TAG = re.compile(
    _COMMENT_BLOCK + r"|\{%.{0,2000}?%\}|\{\{.{0,2000}?\}\}|\{#[^}]{0,2000}?#\}",
    re.DOTALL,
)
_NOT_BREAK = re.compile(r"[^\r\n]")


def blank_templates(source: str) -> str:
    """The source with every template tag turned into spaces, line breaks kept."""
    if "{%" not in source and "{{" not in source and "{#" not in source:
        return source  # the usual case: nothing to do
    return _TAG.sub(lambda tag: _NOT_BREAK.sub(" ", tag.group()), source)
