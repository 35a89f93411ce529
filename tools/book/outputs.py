"""A recorded output as the reader sees it: wrapped only where it must be.

An output block (a ```text fence, most often a recording from outputs/) shows
as it was printed. Where every line fits the book's 79 columns, the block keeps
its lines whole: at 1280 px it fits, and on a phone it scrolls sideways like a
code block, so a printed table keeps its columns. Where a line is longer (a
traceback, a long repr), no width shows it whole, and the block is marked
`book-wraps`: its long lines wrap instead of scrolling (assets/book.css).
A full-width character (Chinese) counts as two columns, as a terminal shows it.
"""
import html
import re
import unicodedata

COLUMNS = 79
_TEXT_BLOCK = re.compile(
    r'<div class="language-text highlight">(?P<inner>.*?<code>(?P<code>.*?)</code>)', re.S)
_TAG = re.compile(r"<[^>]+>")


def width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def longest_line(code_html: str) -> int:
    text = html.unescape(_TAG.sub("", code_html))
    return max((width(line) for line in text.splitlines()), default=0)


def mark_wide(html_text: str) -> str:
    """Add `book-wraps` to each text block with a line over COLUMNS."""
    def mark(m):
        if longest_line(m["code"]) <= COLUMNS:
            return m[0]
        return '<div class="language-text highlight book-wraps">' + m["inner"]
    return _TEXT_BLOCK.sub(mark, html_text)
