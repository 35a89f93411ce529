"""`./book serve` rebuilds only what an edit changed (`mkdocs serve --dirty`).

A full build of both languages takes far longer than the 3 s a writer should
wait. MkDocs then rebuilds a page only when its Markdown file is newer than its
HTML; here a page also counts as changed when anything it shows is newer: an
included snippet or recording, a figure, the manifest behind its stamp,
mkdocs.yml or the hooks. MkDocs' warning that a dirty build may leave stale links
is silenced for that reason (it would abort a strict build). Material's templates
are compiled once (Jinja's bytecode cache in .cache/jinja/), not on every rebuild.
"""
import logging
import os
import re
from pathlib import Path

_INCLUDE = re.compile(r'--8<--\s+"([^":]+)(?::[\w-]+)?"')
_FIGURE = re.compile(r"!\[[^\]]*\]\(([^)\s#]+)")
# what every page depends on: the site's settings, the machinery, the stamps' manifest
ALWAYS = ("mkdocs.yml", "tools/hooks.py", "tools/book", "tools/notebooks.py", "tools/stamp.py",
          "outputs/manifest.json")


class _DirtyBuildNotice(logging.Filter):
    """Drops MkDocs' generic warning about dirty builds: mark_changed_pages handles what it warns of."""

    def filter(self, record):
        return "A 'dirty' build is being performed" not in record.getMessage()


def silence_dirty_notice():
    log = logging.getLogger("mkdocs.commands.build")
    if not any(type(f).__name__ == "_DirtyBuildNotice" for f in log.filters):
        log.addFilter(_DirtyBuildNotice())


def _mtime(path: Path) -> float:
    if path.is_dir():
        return max((p.stat().st_mtime for p in path.rglob("*.py")), default=0.0)
    return path.stat().st_mtime if path.is_file() else 0.0


def inputs_changed(source: Path, root: Path) -> float:
    """When anything a page shows last changed: the page, its includes and figures, the shared files."""
    text = source.read_text(encoding="utf-8")
    parts = [root / p for p in ALWAYS + tuple(_INCLUDE.findall(text))]
    parts += [(source.parent / p) for p in _FIGURE.findall(text) if not p.startswith("http")]
    return max([source.stat().st_mtime] + [_mtime(p) for p in parts])


def mark_changed_pages(files, changed):
    """For a dirty rebuild: a page whose included files changed is rebuilt, not only an edited one."""
    for file in files.documentation_pages():
        if os.path.isfile(file.abs_dest_path) and \
                changed(Path(file.abs_src_path)) > os.path.getmtime(file.abs_dest_path):
            file.is_modified = lambda: True


def compile_templates_once(env, cache: Path):
    from jinja2 import FileSystemBytecodeCache

    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
