"""Two languages, one site: Chinese at /, English under /en/.

- A page that exists in one language only fails the build, naming the file
  (mkdocs-static-i18n would otherwise fall back to the Chinese page silently).
- The per-page <link rel="alternate" hreflang> tags are dropped from <head>:
  Material's JavaScript fetches "<alternate URL>/sitemap.xml" for each of them,
  and mkdocs-static-i18n points them at pages, not at language roots, so every
  page load asked for two files that do not exist (console errors). The
  language switcher in the header keeps its per-page links and lands on the
  same page in the other language.
- English pages point Material's `base` at /en/, so that they load the English
  search index (tools/book/search.py).
"""
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

OTHER_LANGUAGE = "en"   # built under /en/; the default language (zh) is built at /

_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def current(config) -> str:
    """The language MkDocs is building now (mkdocs-static-i18n builds one after the other)."""
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n is not None else "zh"


def check_twins(docs: Path):
    """Every page exists in both languages: an untranslated page fails the build."""
    pages = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}
             for lang in ("zh", "en")}
    missing = [f"docs/en/{p} (the Chinese page docs/zh/{p} has no English twin)" for p in sorted(pages["zh"] - pages["en"])]
    missing += [f"docs/zh/{p} (the English page docs/en/{p} has no Chinese twin)" for p in sorted(pages["en"] - pages["zh"])]
    if missing:
        raise PluginError("untranslated pages; missing:\n  " + "\n  ".join(missing))


def drop_alternates(output: str) -> str:
    return _ALTERNATE.sub("", output)


def _base_of_other_language(match):
    config = json.loads(match.group(2))
    base = config["base"]   # the relative path from the page to the site root
    config["base"] = "." if base in ("..", "../") else base.removeprefix("../")
    return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)


def post_page(output: str, where: str) -> str:
    output = drop_alternates(output)
    if f'<html lang="{OTHER_LANGUAGE}"' in output:
        output, count = _CONFIG.subn(_base_of_other_language, output, count=1)
        if count != 1:
            raise PluginError(f"{where}: no Material __config block to point at /{OTHER_LANGUAGE}/")
    return output
