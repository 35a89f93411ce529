"""Record what every snippet prints, and draw the figures, from real CPU runs.

    ./book record                      # every snippet and every figure
    ./book record snippets/tensors/x.py  # only these snippets (and their figures)
    ./book record --gpu [snippets...]  # on a machine with a GPU: the GPU pass, saved
                                       # into the manifest for the pages' stamps

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


def uses_tensorflow(snippet: Path) -> bool:
    return runner.settings(snippet).requires == "tensorflow" or "import tensorflow" in snippet.read_text()


def record_gpu(chosen: list[Path]) -> int:
    """The GPU pass, saved per snippet so that the pages' stamps can say it passed."""
    if not runner.gpu_available():
        print("record --gpu: torch sees no GPU on this machine", file=sys.stderr)
        return 2
    import torch
    device = torch.cuda.get_device_name(0)
    results = {}
    for snippet in chosen:
        name = runner.rel(snippet)
        if not runner.settings(snippet).gpu:
            print(f"skip {name} (no GPU pass: snippets/listing.toml)")
            continue
        problem = runner.run(snippet, device="gpu").failure()
        results[name] = {"passed": problem is None, "date": datetime.date.today().isoformat(),
                         "torch": torch.__version__, "device": device}
        print(("ok   " if problem is None else f"FAIL ") + name + ("" if problem is None else f"\n{problem}"))
    with _locked_manifest() as manifest:
        for name, gpu in results.items():
            if name in manifest["snippets"] and manifest["snippets"][name]["sha256"] == sha256(runner.ROOT / name):
                manifest["snippets"][name]["gpu"] = gpu
    return 0 if all(r["passed"] for r in results.values()) else 1


class _locked_manifest:
    """Read, update and write the manifest under a lock: two recordings may run at once."""
    path = runner.OUTPUTS / "manifest.json"

    def __enter__(self):
        self.lock = open(runner.OUTPUTS / ".manifest.lock", "w")
        fcntl.flock(self.lock, fcntl.LOCK_EX)
        self.manifest = json.loads(self.path.read_text()) if self.path.exists() else {"snippets": {}}
        return self.manifest

    def __exit__(self, *exc):
        if exc[0] is None:
            self.manifest["snippets"] = dict(sorted(self.manifest["snippets"].items()))
            self.path.write_text(json.dumps(self.manifest, indent=2, ensure_ascii=False) + "\n")
        self.lock.close()


def main(argv: list[str]) -> int:
    gpu = "--gpu" in argv
    chosen = [Path(a).resolve() for a in argv if a != "--gpu"] or runner.all_snippets()
    if gpu:
        return record_gpu(chosen)
    failed, recorded = [], {}
    found = versions()
    today = datetime.date.today().isoformat()
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
        # a new recording has no GPU result yet: the stamp must not claim one
        recorded[name] = {"sha256": sha256(snippet), "recorded": today, "torch": found["torch"], "cpu": "passed",
                          "cpu_seconds": round(result.cpu_seconds, 2)}   # a standalone run: what the budget is about
        if uses_tensorflow(snippet):
            recorded[name]["tensorflow"] = found.get("tensorflow")
        print(f"ok   {name}  {result.cpu_seconds:5.1f} s CPU")
    if failed:
        print(f"\n{len(failed)} snippet(s) failed; nothing else was recorded for them.", file=sys.stderr)

    with _locked_manifest() as manifest:
        _update(manifest, recorded, found)
    # figures last: a missing tool (Graphviz) then costs no recorded output
    import figures   # here, not above: `record --gpu` runs where only torch is installed
    for figure in figures.affected({runner.rel(p) for p in chosen}):
        for path in figure.draw():
            print(f"fig  {runner.rel(path)}")
    return 1 if failed else 0


def _update(manifest: dict, recorded: dict, found: dict):
    known = {runner.rel(p) for p in runner.all_snippets()}
    for name, entry in recorded.items():
        old = manifest["snippets"].get(name, {})
        if old.get("gpu") and old.get("sha256") == entry["sha256"]:
            entry["gpu"] = old["gpu"]       # the same code: its GPU result still holds
    manifest["snippets"] = {k: v for k, v in {**manifest["snippets"], **recorded}.items() if k in known}
    manifest.update(found, recorded=datetime.date.today().isoformat(), device="cpu")
    libraries = [("Python", "python"), ("torch", "torch"), ("torchvision", "torchvision"),
                 ("NumPy", "numpy"), ("TensorFlow", "tensorflow")]
    line = " · ".join(f"{label} {manifest[key]}" for label, key in libraries if key in manifest)
    (runner.OUTPUTS / "versions.txt").write_text(
        f"{line} · {manifest['platform']} · CPU · {manifest['recorded']}\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
