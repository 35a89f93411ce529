"""The book's figures, drawn from real runs by `./book record`.

Each figure names the snippets it depends on; recording one of them redraws
it. This module is the machinery; the figures themselves live in one module per
chapter, tools/figures_<chapter>.py, each with a list FIGURES, collected here
into REGISTRY. Every figure is written twice, for Material's light and dark palettes, and
pages show the right one with `![...](file-light.svg#only-light)` and
`![...](file-dark.svg#only-dark)`.
"""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import runner

FIGURES = runner.ROOT / "docs" / "assets" / "figures"
THEMES = {
    "light": {"fg": "#1f2328", "muted": "#6e7781", "bg": "none", "box": "#fff4e6",
              "line": ["#d9480f", "#1c7ed6", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599", "#495057"]},
    "dark": {"fg": "#e6edf3", "muted": "#8b949e", "bg": "none", "box": "#2b2f36",
             "line": ["#ff922b", "#74c0fc", "#8ce99a", "#e599f7", "#ffd43b", "#66d9e8", "#ced4da"]},
}


@dataclasses.dataclass
class Figure:
    name: str                 # docs/assets/figures/<name>-<theme>.svg
    depends_on: list[str]     # snippet paths, or [] for a diagram drawn from data here
    compute: Callable         # () -> data, run once (the real run of the snippets)
    plot: Callable            # (data, theme colours, path) -> None, once per theme

    def paths(self) -> list[Path]:
        return [FIGURES / f"{self.name}-{theme}.svg" for theme in THEMES]

    def draw(self) -> list[Path]:
        data = self.compute()
        for colors, path in zip(THEMES.values(), self.paths()):
            path.parent.mkdir(parents=True, exist_ok=True)
            self.plot(data, colors, path)
        return self.paths()


def dot_svg(source: str) -> str:
    """Render Graphviz source to SVG text offline (Graphviz's `dot` must be installed)."""
    dot = shutil.which("dot")
    if dot is None:
        raise SystemExit("record: diagrams need Graphviz's `dot` (Debian: apt-get install graphviz)")
    return subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, text=True, check=True).stdout


def plot(colors, path, draw, figsize=(6.4, 3.6)):
    """A matplotlib figure in the book's style: draw(ax) fills the axes; saved as a deterministic SVG."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    style = {
        "svg.fonttype": "none", "svg.hashsalt": "runnable-pytorch", "font.size": 11,
        "text.color": colors["fg"], "axes.labelcolor": colors["fg"], "axes.edgecolor": colors["muted"],
        "xtick.color": colors["fg"], "ytick.color": colors["fg"], "axes.prop_cycle": matplotlib.cycler(color=colors["line"]),
        "legend.frameon": False,
    }
    with plt.rc_context(style):
        fig, ax = plt.subplots(figsize=figsize)
        draw(ax)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        fig.savefig(path, transparent=True, metadata={"Date": None}, bbox_inches="tight")
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
