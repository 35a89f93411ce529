"""Record what every snippet prints, and draw the figures, from real CPU runs.

    ./book record                      # every snippet and every figure
    ./book record snippets/tensors/x.py  # only these snippets (and their figures)

Writes outputs/<chapter>/<name>.txt (what the pages show under the code),
outputs/manifest.json (versions, date, and a hash of each recorded snippet so
the tests can tell when a recording is stale) and outputs/versions.txt (the line
the preface shows). Figures go to docs/assets/figures/ through tools/figures.py.
"""
from __future__ import annotations

import datetime
import fcntl
import hashlib
import json
import os
import platform
import sys
from pathlib import Path

# figures run snippet code in this process: on the CPU, like the recorded outputs
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import runner  # noqa: E402
import figures  # noqa: E402


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def versions() -> dict[str, str]:
    import importlib.metadata
    import numpy
    import torch
    found = {
        "python": platform.python_version(),
        "torch": torch.__version__,
        "numpy": numpy.__version__,
        "platform": f"{platform.system()} {platform.machine()}",
    }
    # TensorFlow's version without importing it beside torch in this process
    for package in ("tensorflow", "torchvision"):
        try:
            found[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            pass
    return found


def main(argv: list[str]) -> int:
    chosen = [Path(a).resolve() for a in argv] or runner.all_snippets()
    manifest_path = runner.OUTPUTS / "manifest.json"
    failed, recorded = [], {}
    for snippet in chosen:
        name = runner.rel(snippet)
        result = runner.run(snippet, device="cpu")
        problem = result.failure()
        if problem:
            failed.append(problem)
            print(f"FAIL {name}\n{problem}", file=sys.stderr)
            continue
        out = runner.output_path(snippet)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(result.stdout, encoding="utf-8")
        recorded[name] = {"sha256": sha256(snippet)}
        print(f"ok   {name}  {result.seconds:5.1f} s")
    if failed:
        print(f"\n{len(failed)} snippet(s) failed; nothing else was recorded for them.", file=sys.stderr)

    # read, update and write the manifest under a lock: two recordings may run at once
    lock = open(runner.OUTPUTS / ".manifest.lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {"snippets": {}}
    known = {runner.rel(p) for p in runner.all_snippets()}
    manifest["snippets"] = {k: v for k, v in {**manifest["snippets"], **recorded}.items() if k in known}
    manifest.update(versions(), recorded=datetime.date.today().isoformat(), device="cpu")
    manifest["snippets"] = dict(sorted(manifest["snippets"].items()))
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    libraries = [("Python", "python"), ("torch", "torch"), ("torchvision", "torchvision"),
                 ("NumPy", "numpy"), ("TensorFlow", "tensorflow")]
    line = " · ".join(f"{label} {manifest[key]}" for label, key in libraries if key in manifest)
    (runner.OUTPUTS / "versions.txt").write_text(
        f"{line} · {manifest['platform']} · CPU · {manifest['recorded']}\n", encoding="utf-8")
    lock.close()
    # figures last: a missing tool (Graphviz) then costs no recorded output
    for figure in figures.affected({runner.rel(p) for p in chosen}):
        for path in figure.draw():
            print(f"fig  {runner.rel(path)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
