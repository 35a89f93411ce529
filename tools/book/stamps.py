"""What sits under each chapter title: the "verified" stamp, the notebook buttons,
and a link to each program the page shows in sections.

The stamp gives the torch (and TensorFlow) versions, the date and the CPU/GPU
results recorded for the page's snippets (outputs/manifest.json, written by
./book record; tools/stamp.py); it is never typed by hand. A program shown in
sections is shown whole across the page's blocks (the copy-run contract); a
reader who wants it as one file gets it here, one click away: the snippet itself,
published with the site (snippets/<chapter>/<name>.py, under /en/ for English).
"""
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

import notebooks    # tools/notebooks.py
import stamp        # tools/stamp.py

ROOT = Path(__file__).resolve().parent.parent.parent
_SECTION_INCLUDE = re.compile(r'--8<--\s+"(snippets/[^":]+\.py):[\w-]+"')
WHOLE = {"zh": "完整程序", "en": "Whole programs"}


def in_sections(markdown: str) -> list[str]:
    """The snippets a page shows in sections, in page order, each once."""
    return list(dict.fromkeys(_SECTION_INCLUDE.findall(markdown)))


def add_programs(files, config, lang: str):
    """Publish every snippet a page of this language shows in sections, at <prefix>snippets/..."""
    prefix = "" if lang == "zh" else f"{lang}/"
    docs = Path(config["docs_dir"]) / lang
    wanted = sorted({s for md in docs.rglob("*.md") for s in in_sections(md.read_text(encoding="utf-8"))})
    for snippet in wanted:
        files.append(File(snippet, str(ROOT), config["site_dir"], config["use_directory_urls"],
                          dest_uri=prefix + snippet))


def _program_links(lang: str, markdown: str, page, files) -> str:
    prefix = "" if lang == "zh" else f"{lang}/"
    links = []
    for snippet in in_sections(markdown):
        file = next((f for f in files if f.dest_uri == prefix + snippet), None)
        if file is None:
            raise PluginError(f"{page.file.src_path}: {snippet} was not published with the site")
        name = snippet.rsplit("/", 1)[-1]
        links.append(f'<a href="{get_relative_url(file.url, page.url)}" download="{name}"><code>{name}</code></a>')
    if not links:
        return ""
    return f'<div class="book-programs">{WHOLE[lang]}{"：" if lang == "zh" else ": "}{" · ".join(links)}</div>'


def under_title(markdown: str, page, files) -> str:
    """The page's Markdown with the stamp, the notebook buttons and the program links under its title."""
    lang, _, rel = page.file.src_uri.partition("/")
    if not notebooks.has_notebook(rel):
        return markdown
    stem = rel.removesuffix(".md")
    prefix = "" if lang == "zh" else f"{lang}/"
    download = files.get_file_from_path(f"{prefix}{stem}.ipynb")
    view = files.get_file_from_path(f"{prefix}{stem}-notebook.ipynb")
    if download is None or view is None:
        raise PluginError(f"docs/{lang}/{rel}: its notebook was not generated")
    links = stamp.notebook_links(lang, get_relative_url(download.url, page.url), get_relative_url(view.url, page.url),
                                 Path(download.url).name)
    block = "\n".join(part for part in (stamp.render(lang, stamp.for_page(markdown, f"docs/{lang}/{rel}")), links,
                                        _program_links(lang, markdown, page, files)) if part)
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        raise PluginError(f"docs/{lang}/{rel}: a chapter page starts with a '# ' title")
    return "\n".join(lines[:title + 1] + ["", block, ""] + lines[title + 1:])
