"""The article as HTML: the original text with its mentions, triggers and claims marked.

Built on the server by walking the text once with every item's offsets, so the page needs no
script to show the evidence. Every piece of text and every attribute is escaped; items that
overlap without nesting (a claim that starts inside one mention and ends inside another) are
split into fragments that share a `data-ref`, which keeps the HTML well-formed.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """One marked item. `layer` decides nesting when two items cover exactly the same text."""

    start: int
    end: int
    cls: str
    ref: str = ""
    gloss: str = ""
    layer: int = 0
    anchor: str = ""          # an element id for the item's first fragment (links to a sentence)


def _open(span: Span, first: bool) -> str:
    attrs = [f'class="{escape(span.cls)}{"" if first else " cont"}"']
    if first and span.anchor:
        attrs.append(f'id="{escape(span.anchor)}"')
    if span.ref:
        attrs.append(f'data-ref="{escape(span.ref)}"')
    if span.gloss:
        attrs.append(f'data-gloss="{escape(span.gloss)}" tabindex="0"')
    return f"<span {' '.join(attrs)}>"


def render(text: str, spans: list[Span]) -> Markup:
    """`text` as escaped HTML with each span wrapped in <span> elements, however they overlap."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    starts: dict[int, list[Span]] = {}
    for span in valid:
        starts.setdefault(span.start, []).append(span)
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[str] = []
    stack: list[Span] = []
    for here, following in zip(cuts, [*cuts[1:], len(text)], strict=True):
        reopen: list[Span] = []
        if any(s.end == here for s in stack):
            # Close down to the deepest item ending here; the others closed on the way reopen below.
            while any(s.end == here for s in stack):
                closed = stack.pop()
                out.append("</span>")
                if closed.end != here:
                    reopen.append(closed)
        opening = [(s, False) for s in reopen] + [(s, True) for s in starts.get(here, [])]
        # Longer items outside shorter ones; at equal ends, the lower layer outside.
        for span, first in sorted(opening, key=lambda item: (-item[0].end, item[0].layer)):
            out.append(_open(span, first))
            stack.append(span)
        out.append(str(escape(text[here:following])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))
