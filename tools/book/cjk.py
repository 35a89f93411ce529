"""Chinese typeset as Chinese: a line break between two CJK characters in the
Markdown source renders as nothing.

Markdown turns a line break inside a paragraph into a space. Between two words
of English that is right; between two Chinese characters ("前向计算，\\n它一边算")
the reader sees a stray space ("前向计算， 它一边算"). `join_lines` removes such
breaks from a page's Markdown before it is rendered (tools/hooks.py, for the
pages) and before its notebook is generated (tools/notebooks.py), so the page,
its notebook view and the downloaded notebook all read the same.

Only prose is joined. A break is removed when the last character a reader sees
on one line and the first on the next are both CJK (ideographs, kana, CJK and
full-width punctuation; Hangul is not: Korean puts spaces between words), the
lines share one blockquote depth, and neither line is: inside a fenced code block
(at any indentation) or a display formula (\\[ ... \\], $$ ... $$), a heading, a
table row, an HTML line, a snippet include, or a line that ends in a hard break
(two spaces or a backslash). A line that starts a list item, an admonition, a tab
or a fence never starts with a CJK character, so it is never joined to the line
above. "The last character a reader sees" looks through emphasis and links:
`**张量**` ends in 量, `[张量](x.md#tensor)` too. Punctuation that Chinese and
English share (“ ” ‘ ’ … — ·) joins only when the other side is a CJK character.
A break after full-width punctuation, or before it, goes whatever is on the other
side ("出错。\nPyTorch" reads "出错。PyTorch", "`f`\n，" reads "`f`，"): the
punctuation carries its own space. Any other break next to Latin text, inline
code or a formula stays a space ("用\nPyTorch" reads "用 PyTorch"); a line that
starts a block (a list item, an admonition, a rule, a link definition) is never
joined to the line above.
"""
import re

_CJK = ("\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
        "\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff")
_SHARED = "\u00b7\u2014\u2018\u2019\u201c\u201d\u2026"        # · — ‘ ’ “ ” …
_FULL_WIDTH_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
CJK = re.compile(f"[{_CJK}]")
SHARED = re.compile(f"[{_SHARED}]")
PUNCTUATION = re.compile(f"[{_FULL_WIDTH_PUNCTUATION}]")
_STARTS_BLOCK = re.compile(r"([-*+]|\d+[.)])(\s|$)|!!!|\?\?\?|===|---|\*\*\*|___|\[[^\]]*\]:|:\s|>")

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_QUOTE = re.compile(r"^(?:\s*>)+\s?")
_CODE_OR_MATH = re.compile(r"(`+).*?\1|\\\(.*?\\\)")
# emphasis and link syntax around the text a reader sees
_TAIL_MARKUP = re.compile(r"(?:\]\([^()\s]*\)(?:\{[^}]*\})?|\]\[[^\]]*\]|\]|\*+|_+|~~)$")
_HEAD_MARKUP = re.compile(r"^(?:\*\*|__|~~|\[|\*(?=\S)|_(?=\S))+")


def _tail(line: str) -> str:
    """The last character a reader sees of a line ('' if none)."""
    text = line.rstrip()
    while True:
        stripped = _TAIL_MARKUP.sub("", text)
        if stripped == text:
            return text[-1:]
        text = stripped


def _head(line: str) -> str:
    """The first character a reader sees of a line ('' if none)."""
    return _HEAD_MARKUP.sub("", line.lstrip())[:1]


def _is_cjk(char: str) -> bool:
    return bool(char) and bool(CJK.match(char))


def _joinable_chars(left: str, right: str) -> bool:
    if _is_cjk(left) and _is_cjk(right):
        return True
    if (PUNCTUATION.match(left) and right.strip()) or (PUNCTUATION.match(right) and left.strip()):
        return True
    return (_is_cjk(left) and bool(SHARED.match(right))) or (bool(SHARED.match(left)) and _is_cjk(right))


def _is_prose(line: str) -> bool:
    """Could this line be a line of a paragraph (not a heading, table row, HTML or include line)?"""
    text = _QUOTE.sub("", line).strip()
    if not text or text[0] in "#<|" or text.startswith("--8<--"):
        return False
    if text.endswith("\\"):
        return False
    return "|" not in _CODE_OR_MATH.sub("", text)


def _depth(line: str) -> int:
    quote = _QUOTE.match(line)
    return quote.group(0).count(">") if quote else 0


def join_lines(markdown: str) -> str:
    """The Markdown without the line breaks that would show as a stray space in Chinese prose."""
    lines = markdown.split("\n")
    out: list[str] = []
    fence = None            # the fence string that closes the open code block
    math = None             # the line that closes the open display formula
    joinable = False        # may the next line be joined to out[-1]?
    for line in lines:
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence) and not stripped.lstrip(fence[0]).strip():
                fence = None
            out.append(line)
            joinable = False
            continue
        if math is not None:
            if stripped.endswith(math):
                math = None
            out.append(line)
            joinable = False
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            out.append(line)
            joinable = False
            continue
        body = _QUOTE.sub("", line).strip()
        if body in ("\\[", "$$") or (body.startswith(("\\[", "$$")) and not body.endswith(("\\]", "$$"))):
            math = "\\]" if body.startswith("\\[") else "$$"
            out.append(line)
            joinable = False
            continue
        if (joinable and _is_prose(line) and _depth(line) == _depth(out[-1])
                and not _STARTS_BLOCK.match(_QUOTE.sub("", line).lstrip())
                and _joinable_chars(_tail(out[-1]), _head(_QUOTE.sub("", line)))):
            out[-1] = out[-1].rstrip() + _QUOTE.sub("", line).lstrip()
        else:
            out.append(line)
        last = out[-1]
        joinable = _is_prose(last) and not last.endswith("  ")
    return "\n".join(out)
