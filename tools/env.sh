# Sourced by ./book. Makes sure a virtual environment with requirements.txt
# exists and points .venv at it.
#
# The environment is keyed by a hash of requirements.txt and the Python version
# and kept outside the clone (torch + TensorFlow weigh about 7 GB), so every
# clone on a machine shares one copy; .venv inside the clone is a link to it.
# BOOK_ENV_HOME moves the store; BOOK_PYTHON picks the interpreter.

ensure_env() {
  local python="${BOOK_PYTHON:-python3}"
  if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' 2>/dev/null; then
    echo "book: need Python >= 3.11 as '$python' (set BOOK_PYTHON to choose another)" >&2
    exit 1
  fi
  local key store
  key=$("$python" -c 'import hashlib, platform, sys
data = open("requirements.txt", "rb").read() + f"{sys.version} {platform.machine()}\n".encode()
print(hashlib.sha256(data).hexdigest()[:12])')
  store="${BOOK_ENV_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/runnable-pytorch}"
  VENV="$store/env-$key"
  PY="$VENV/bin/python"
  mkdir -p "$store"
  if [ ! -f "$VENV/.complete" ]; then
    (
      # one installer at a time per environment; a second caller waits here
      command -v flock >/dev/null && { exec 9>"$VENV.lock"; flock 9; }
      if [ ! -f "$VENV/.complete" ]; then
        echo "book: creating $VENV from requirements.txt (first run takes a few minutes)" >&2
        rm -rf "$VENV"
        "$python" -m venv "$VENV"
        "$VENV/bin/python" -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location 'file:" >&2 || true
        set -o pipefail
        # visdom builds from source against the pinned setuptools (requirements.txt)
        "$VENV/bin/python" -m pip install --quiet $(grep -E '^(setuptools|wheel)==' requirements.txt) 2>&1 \
          | { grep -v "^WARNING: Location 'file:" || true; } >&2
        "$VENV/bin/python" -m pip install --quiet --no-build-isolation -r requirements.txt 2>&1 \
          | { grep -v "^WARNING: Location 'file:" || true; } >&2
        # the Visdom server's JavaScript, from npm, so that it fetches nothing at start-up
        "$VENV/bin/python" tools/visdom_static.py
        date -u +%FT%TZ > "$VENV/.complete"
      fi
    )
  fi
  ln -sfn "$VENV" .venv
  export PATH="$VENV/bin:$PATH"
}
