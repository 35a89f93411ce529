"""The book's figures, drawn from real runs by `./book record`.

Each figure names the snippets it depends on; recording one of them redraws
it. This module is the machinery; the figures themselves live in one module per
chapter, tools/figures_<chapter>.py, each with a list FIGURES, collected here
into REGISTRY.

One compute() call (the real run) feeds four drawings: each figure is written
for both languages and both of Material's palettes, as
docs/assets/figures/<name>-<lang>-<theme>.svg (lang zh or en, theme light or
dark). The plot function gets the theme's colours with colors["lang"] (and
colors["theme"]) added, and picks its labels by the language (`tr`). A Chinese
page shows its own language's pair:
`![...](../../assets/figures/x-zh-light.svg#only-light)` and
`![...](../../assets/figures/x-zh-dark.svg#only-dark)`.

Text stays text in the SVG (selectable, searchable), in a font stack that puts
a CJK font first on the Chinese drawings (FONT_STACK); matplotlib and Graphviz
measure the labels with the first font of that stack found on this machine, so
recording the Chinese figures needs a CJK font (Debian: fonts-noto-cjk). Without
one, the Chinese figures are left as they are, with a message, rather than
being laid out around missing glyphs.
"""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Callable

import runner

FIGURES = runner.ROOT / "docs" / "assets" / "figures"
LANGS = ("zh", "en")
THEMES = {
    "light": {"fg": "#1f2328", "muted": "#6e7781", "bg": "none", "box": "#fff4e6",
              "line": ["#d9480f", "#1c7ed6", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599", "#495057"]},
    "dark": {"fg": "#e6edf3", "muted": "#8b949e", "bg": "none", "box": "#2b2f36",
             "line": ["#ff922b", "#74c0fc", "#8ce99a", "#e599f7", "#ffd43b", "#66d9e8", "#ced4da"]},
}


# The fonts a label is set in, first found first. Chinese drawings put a CJK font
# first (its Latin letters then match its Chinese); code stays in a monospace
# font with a CJK monospace behind it for the odd Chinese character.
CJK_SANS = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"]
CJK_MONO = ["Noto Sans Mono CJK SC", "Source Han Mono SC"]
FONT_STACK = {
    ("zh", "sans"): CJK_SANS + ["DejaVu Sans"],
    ("en", "sans"): ["DejaVu Sans"] + CJK_SANS,
    ("zh", "mono"): ["DejaVu Sans Mono"] + CJK_MONO,
    ("en", "mono"): ["DejaVu Sans Mono"] + CJK_MONO,
}
GENERIC = {"sans": "sans-serif", "mono": "monospace"}


@dataclasses.dataclass
class Figure:
    name: str                 # docs/assets/figures/<name>-<lang>-<theme>.svg
    depends_on: list[str]     # snippet paths, or [] for a diagram drawn from data here
    compute: Callable         # () -> data, run once (the real run of the snippets)
    plot: Callable            # (data, colours + {"lang", "theme"}, path) -> None, per language and theme

    def path(self, lang: str, theme: str) -> Path:
        return FIGURES / f"{self.name}-{lang}-{theme}.svg"

    def paths(self) -> list[Path]:
        return [self.path(lang, theme) for lang in LANGS for theme in THEMES]

    def draw(self) -> list[Path]:
        data = self.compute()
        drawn = []
        for lang in LANGS:
            if lang == "zh" and cjk_font() is None:
                print(f"record: {self.name}: no CJK font found ({', '.join(CJK_SANS)}), so the Chinese "
                      "drawings were left as they are; install one (Debian: apt-get install fonts-noto-cjk) "
                      "and record again", file=sys.stderr)
                continue
            for theme, colors in THEMES.items():
                path = self.path(lang, theme)
                path.parent.mkdir(parents=True, exist_ok=True)
                self.plot(data, {**colors, "lang": lang, "theme": theme}, path)
                drawn.append(path)
        return drawn


def tr(colors: dict, zh: str, en: str) -> str:
    """The label in the drawing's language."""
    return zh if colors["lang"] == "zh" else en


_CJK_FONT: list = []


def cjk_font() -> str | None:
    """The file of the first CJK font of CJK_SANS installed here, or None."""
    if not _CJK_FONT:
        from matplotlib import font_manager

        def find():
            for family in CJK_SANS:
                try:
                    return font_manager.fontManager.findfont(
                        font_manager.FontProperties(family=family), fallback_to_default=False)
                except ValueError:
                    pass
            return None
        found = find()
        if found is None:   # a font installed after matplotlib cached its font list
            font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)
            font_manager.findfont = font_manager.fontManager.findfont
            found = find()
        _CJK_FONT.append(found)
    return _CJK_FONT[0]


def dot_font(colors: dict, kind: str = "sans") -> str:
    """A Graphviz fontname: the language's font stack, comma-separated (Pango reads it as a
    list; the SVG carries it as its font-family)."""
    return ",".join(FONT_STACK[colors["lang"], kind] + [GENERIC[kind]])


def dot_svg(source: str) -> str:
    """Render Graphviz source to SVG text offline (Graphviz's `dot` must be installed)."""
    dot = shutil.which("dot")
    if dot is None:
        raise SystemExit("record: diagrams need Graphviz's `dot` (Debian: apt-get install graphviz)")
    return subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, text=True, check=True).stdout


def plot(colors, path, draw, figsize=(6.4, 3.6), dpi="figure"):
    """A matplotlib figure in the book's style: draw(ax) fills the axes; saved as a deterministic SVG.
    `dpi` is the resolution of the artists drawn with `rasterized=True` (a scatter of thousands of
    points is lighter as one embedded image than as thousands of SVG markers)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    style = {
        "svg.fonttype": "none", "svg.hashsalt": "runnable-pytorch", "font.size": 11,
        "font.family": "sans-serif", "font.sans-serif": FONT_STACK[colors["lang"], "sans"],
        "font.monospace": FONT_STACK[colors["lang"], "mono"],
        "text.color": colors["fg"], "axes.labelcolor": colors["fg"], "axes.edgecolor": colors["muted"],
        "xtick.color": colors["fg"], "ytick.color": colors["fg"], "axes.prop_cycle": matplotlib.cycler(color=colors["line"]),
        "legend.frameon": False,
    }
    # a glyph missing from every font of the stack would be measured as a box: fail instead
    with plt.rc_context(style), warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph .* missing from font")
        fig, ax = plt.subplots(figsize=figsize)
        draw(ax)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        fig.savefig(path, transparent=True, metadata={"Date": None}, bbox_inches="tight", dpi=dpi)
        plt.close(fig)


def _collect() -> list[Figure]:
    import importlib
    registry = []
    for module in sorted(Path(__file__).parent.glob("figures_*.py")):
        registry += importlib.import_module(module.stem).FIGURES
    names = [f.name for f in registry]
    assert len(names) == len(set(names)), f"two figures share a name: {names}"
    return registry


REGISTRY = _collect()


def affected(recorded: set[str]) -> list[Figure]:
    """Figures to redraw after recording these snippets (diagrams: on a full record)."""
    everything = recorded >= {runner.rel(p) for p in runner.all_snippets()}
    return [f for f in REGISTRY if (everything and not f.depends_on) or set(f.depends_on) & recorded]
