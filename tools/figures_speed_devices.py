"""Figure for Part 12's NumPy, CPU and GPU page (drawn by ./book record through tools/figures.py).

The matmul sweep is drawn from its recording (outputs/speed/devices_matmul_sweep.txt, written
just before the figures by the same `./book record`), so the figure shows exactly the numbers
the page prints, and names the processor they were measured on.
"""
from __future__ import annotations

import re

import runner
from figures import Figure, plot, tr

SWEEP = "snippets/speed/devices_matmul_sweep.py"


def parse_sweep(text: str) -> dict:
    """The recorded sweep: CPU name, threads, GPU, sizes and GFLOP/s per column ("no GPU": None)."""
    cpu = re.search(r"^CPU: (.*), torch threads: (\d+)$", text, re.M)
    gpu = re.search(r"^GPU: (.*)$", text, re.M)
    lines = text.splitlines()
    head = next(i for i, line in enumerate(lines) if line.split()[:1] == ["n"])
    names = [name.strip() for name in re.split(r" {2,}", lines[head].strip())[1:]]
    sizes, columns = [], {name: [] for name in names}
    for line in lines[head + 1:]:
        if not re.match(r"^ *\d+ ", line):
            break
        cells = re.split(r" {2,}", line.strip())
        sizes.append(int(cells[0]))
        for name, cell in zip(names, cells[1:]):
            columns[name].append(None if cell == "no GPU" else float(cell))
    return {"cpu": cpu.group(1), "threads": int(cpu.group(2)), "gpu": gpu.group(1),
            "sizes": sizes, "columns": columns}


def _sweep():
    return parse_sweep(runner.output_path(runner.ROOT / SWEEP).read_text(encoding="utf-8"))


def _plot_sweep(data, colors, path):
    def draw(ax):
        markers = "osD^v"
        for (name, values), marker in zip(data["columns"].items(), markers):
            if any(v is None for v in values):
                continue                      # a GPU column on a machine without one
            ax.plot(data["sizes"], values, marker=marker, label=name)
        ax.set_xscale("log", base=2)
        ax.set_xticks(data["sizes"], [str(n) for n in data["sizes"]])
        ax.set_ylim(bottom=0)
        ax.set_xlabel(tr(colors, "矩阵大小 n（n×n 乘 n×n）", "matrix size n (n×n times n×n)"))
        ax.set_ylabel("GFLOP/s")
        threads = data["threads"]
        gpu = data["gpu"]
        title = tr(colors, f"{data['cpu']}，{threads} 个线程；GPU：{'无' if gpu == 'none' else gpu}",
                   f"{data['cpu']}, {threads} thread{'s' if threads > 1 else ''}; GPU: {gpu}")
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=9)
    plot(colors, path, draw, figsize=(6.4, 3.6))


FIGURES = [
    Figure("speed/matmul-sweep", [SWEEP], _sweep, _plot_sweep),
]
