"""Tables that a phone can read: wide ones become one card per row.

A table of four or more columns, or of three whose rows run long (60 characters
of text or more on average), does not fit a phone's 390 px: Material lets it
scroll sideways, and the columns that matter most ("What is true", "Write
instead") start off-screen with nothing to say so. Such a table is marked
`data-book-stack`, and each cell carries its column's heading as `data-label`;
below 45em (assets/book.css) the heading row is hidden, each row is a block, and
each cell shows its heading above its text. On a wider screen nothing changes.
An attribute, not a class: Material styles only `table:not([class])`.

An identifier in a card still never breaks inside a name (issue 12): each code
span of a card is cut after its dots into pieces that do not break (`book-nobr`),
with a `<wbr>` between them (a dot before a letter is no break opportunity),
so "torch.nn.modules.module.register_module_forward_pre_hook" may go over two
lines after "module.", and "--nproc-per-node" never at a hyphen.
"""
import html
import re

STACK_COLUMNS = 4            # this many columns never fit a phone
LONG_ROW = 60                # three columns whose rows average this many characters
_TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
_HEADING = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<code>([^<]*)</code>")


def text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def stacks(headings: list[str], rows: list[str]) -> bool:
    if len(headings) >= STACK_COLUMNS:
        return True
    return len(headings) == 3 and bool(rows) and sum(len(text(r)) for r in rows) / len(rows) >= LONG_ROW


def _labelled(row: str, labels: list[str]) -> str:
    cells = iter(labels)
    row = _CELL.sub(lambda m: f'<td data-label="{html.escape(next(cells, ""), quote=True)}"', row)
    return _CODE.sub(lambda m: "<code>" + "<wbr>".join(f'<span class="book-nobr">{piece}</span>'
                                                      for piece in re.split(r"(?<=\.)(?=.)", m[1])) + "</code>", row)


def mark(html_text: str) -> str:
    def table(m):
        body = m["body"]
        head, _, rest = body.partition("</thead>")
        headings = [text(h) for h in _HEADING.findall(head)]
        rows = _ROW.findall(rest)
        if not rest or not stacks(headings, rows):
            return m[0]
        rest = _ROW.sub(lambda r: "<tr>" + _labelled(r[1], headings) + "</tr>", rest)
        return f"<table data-book-stack>{head}</thead>{rest}</table>"
    return _TABLE.sub(table, html_text)
