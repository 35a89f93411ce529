"""One search index per language.

mkdocs-static-i18n merges both languages into /search/search_index.json, so an
English reader searching "einsum" was shown Chinese pages first. After the build,
the index is split into /search/search_index.json (Chinese) and
/en/search/search_index.json (English); tools/book/languages.py points the English
pages' `base` at /en/ so that they load theirs. A dirty rebuild (`./book serve`)
merges the rebuilt pages' entries into the previous index, so each location keeps
only its newest entry.
"""
import json
from pathlib import Path

from .languages import OTHER_LANGUAGE


def split_index(site_dir: Path):
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    # a dirty rebuild (./book serve) merges the new entries of the rebuilt pages into the
    # previous index, once per language pass: the last entry for a location is the newest
    newest = {doc["location"]: doc for doc in index["docs"]}
    index["docs"] = list(newest.values())
    prefix = f"{OTHER_LANGUAGE}/"
    other = [dict(doc, location=doc["location"].removeprefix(prefix))
             for doc in index["docs"] if doc["location"].startswith(prefix)]
    if not other:       # an inner, one-language build pass: nothing merged yet
        return
    default = [doc for doc in index["docs"] if not doc["location"].startswith(prefix)]
    index_path.write_text(json.dumps(dict(index, docs=default), ensure_ascii=False), encoding="utf-8")
    other_path = site_dir / OTHER_LANGUAGE / "search" / "search_index.json"
    other_path.parent.mkdir(parents=True, exist_ok=True)
    other_path.write_text(json.dumps(dict(index, docs=other), ensure_ascii=False), encoding="utf-8")
