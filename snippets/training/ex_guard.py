"""Exercise: what a spawned worker does with your
script, simulated with runpy (no processes)."""
import inspect
import multiprocessing.spawn
import runpy
import tempfile
from pathlib import Path

GUARDED = '''
calls = []
def main():
    # in a real script: DataLoader(..., num_workers=2) and a training loop
    calls.append("main")
if __name__ == "__main__":
    main()
'''

UNGUARDED = '''
calls = []
def main():
    calls.append("main")
main()
'''

ran = {}
with tempfile.TemporaryDirectory() as tmp:
    for name, source in [("guarded", GUARDED), ("unguarded", UNGUARDED)]:
        path = Path(tmp) / f"{name}.py"
        path.write_text(source)
        # `python script.py` runs it as __main__; a
        # spawned worker imports it as __mp_main__
        as_script = runpy.run_path(str(path), run_name="__main__")["calls"]
        as_worker = runpy.run_path(str(path), run_name="__mp_main__")["calls"]
        ran[name] = as_script, as_worker
        print(f"{name:9s}  as the script: {as_script} "
              f" in a spawned worker: {as_worker}")

assert ran["guarded"] == (["main"], [])
# the worker would start workers of its own
assert ran["unguarded"] == (["main"], ["main"])

# what multiprocessing says when that happens
# (the check lives in multiprocessing.spawn)
source = inspect.getsource(multiprocessing.spawn._check_not_importing_main)
assert "if __name__ == '__main__':" in source
message = " ".join(
    line.strip() for line in source.split("'''")[1].strip().splitlines()[:2])
print("RuntimeError:", message)
