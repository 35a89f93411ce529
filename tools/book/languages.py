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
- The switcher keeps the URL's #anchor: from /preface/glossary/#tensor it leads
  to /en/preface/glossary/#tensor (the glossary's anchors are the same in both
  languages). A few lines of inline script, written into every page, since the
  anchor exists only in the reader's browser.
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


# rewrites the switcher's links to end in the current #anchor, now and whenever it changes
KEEP_ANCHOR = ('<script>/* the language switcher keeps the #anchor: tools/book/languages.py */'
               '(function(){function keep(){document.querySelectorAll("a.md-select__link[hreflang]")'
               '.forEach(function(a){a.href=a.href.split("#")[0]+location.hash})}'
               'keep();addEventListener("hashchange",keep)})()</script>\n')


def keep_anchor(output: str) -> str:
    if 'class="md-select__link"' not in output:
        return output
    head, body_end, tail = output.rpartition("</body>")
    if not body_end:
        return output
    return head + KEEP_ANCHOR + body_end + tail


def post_page(output: str, where: str) -> str:
    output = keep_anchor(drop_alternates(output))
    if f'<html lang="{OTHER_LANGUAGE}"' in output:
        output, count = _CONFIG.subn(_base_of_other_language, output, count=1)
        if count != 1:
            raise PluginError(f"{where}: no Material __config block to point at /{OTHER_LANGUAGE}/")
    return output
