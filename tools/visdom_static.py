"""Install the Visdom server's JavaScript, CSS and fonts from npm, at set-up.

`python -m visdom.server` fetches these files from CDNs every time it starts
until they are all on disk (visdom/server/build.py, download_scripts). On a
machine that cannot reach those hosts it logs an error for each one and then
exits on the first MathJax file. They are all published npm packages, so
tools/env.sh runs this once, when it creates the environment: `npm pack` takes
the pinned packages (npm checks each tarball's integrity), and the files the
server looks for are copied out of them to the names it looks for, in the
installed package's static/ folder, with the `version.built` marker the server
reads to know that nothing is left to fetch. After that the server starts with
no network at all (tests/test_visdom.py starts one).

    python tools/visdom_static.py           install (a no-op when complete)
    python tools/visdom_static.py --check   exit 1, naming what is missing
"""
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

# (npm package, version) -> {path inside the package: path under static/}
# The targets are the names download_scripts() in visdom 0.2.4 writes.
MATHJAX = "js/mathjax/2.7.5/"
FILES = {
    ("jquery", "3.1.1"): {"dist/jquery.min.js": "js/jquery.min.js"},
    ("bootstrap", "3.3.7"): {
        "dist/js/bootstrap.min.js": "js/bootstrap.min.js",
        "dist/css/bootstrap.min.css": "css/bootstrap.min.css",
        **{
            f"dist/fonts/glyphicons-halflings-regular.{ext}":
                f"fonts/glyphicons-halflings-regular.{ext}"
            for ext in ("eot", "woff2", "woff", "ttf")
        },
        "dist/fonts/glyphicons-halflings-regular.svg":
            "fonts/glyphicons-halflings-regular.svg#glyphicons_halflingsregular",
    },
    ("react", "16.2.0"): {"umd/react.production.min.js": "js/react-react.min.js"},
    ("react-dom", "16.2.0"): {"umd/react-dom.production.min.js": "js/react-dom.min.js"},
    ("react-modal", "3.1.10"): {"dist/react-modal.min.js": "js/react-modal.min.js"},
    ("plotly.js-dist-min", "2.11.1"): {"plotly.min.js": "js/plotly-plotly.min.js"},
    ("sjcl", "1.0.7"): {"sjcl.js": "js/sjcl.js"},
    ("layout-bin-packer", "1.4.0"): {
        "dist/layout-bin-packer.js": "js/layout_bin_packer.js",
        "dist/layout-bin-packer.js.map": "js/layout-bin-packer.js.map",
    },
    ("d3", "3.5.17"): {"d3.min.js": "js/d3.v3.min.js"},
    ("d3-selection-multi", "1.0.1"): {
        "build/d3-selection-multi.js": "js/d3-selection-multi.v1.js",
    },
    ("save-svg-as-png", "1.4.17"): {"lib/saveSvgAsPng.js": "js/saveSvgAsPng.js"},
    ("react-resizable", "1.4.6"): {"css/styles.css": "css/react-resizable-styles.css"},
    ("react-grid-layout", "0.16.3"): {"css/styles.css": "css/react-grid-layout-styles.css"},
    ("classnames", "2.2.5"): {"index.js": "fonts/classnames"},
    ("mathjax", "2.7.5"): {
        path: MATHJAX + path
        for path in (
            "MathJax.js",
            "config/Safe.js",
            "config/TeX-AMS-MML_HTMLorMML.js",
            "extensions/Safe.js",
            "jax/output/SVG/config.js",
            "jax/output/SVG/jax.js",
            "jax/output/SVG/fonts/TeX/fontdata.js",
            "jax/output/SVG/fonts/TeX/Size1/Regular/Main.js",
        )
    },
}


# tornado >= 6.5 refuses to version a static path outside static/ (HTTP 403), and
# visdom 0.2.4's index.html asks for one: the page at / fails to render. Without
# the version hash, static_url() makes the URL older tornado made
# (/static/../user/style.css, which the browser reads as /user/style.css).
INDEX_OLD = 'static_url("../user/style.css")'
INDEX_NEW = 'static_url("../user/style.css", include_version=False)'


def static_dir():
    """The installed visdom package's static/ folder, where the server looks."""
    from visdom.utils.shared_utils import get_visdom_path
    return Path(get_visdom_path()) / "static"


def missing(static):
    """Files the server would try to download, as paths under static/."""
    import visdom
    wanted = [t for files in FILES.values() for t in files.values()]
    gone = [t for t in wanted if not (static / t).is_file()]
    built = static / "version.built"
    if not built.is_file() or built.read_text().strip() != visdom.__version__:
        gone.append("version.built")
    if INDEX_OLD in (static / "index.html").read_text(encoding="utf-8"):
        gone.append("index.html (unpatched for tornado >= 6.5)")
    return gone


def install(static):
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("visdom_static: npm not found; the Visdom server needs its "
                 "JavaScript from npm (install Node.js and npm, then run "
                 f"{sys.executable} tools/visdom_static.py)")
    with tempfile.TemporaryDirectory() as tmp:
        specs = [f"{name}@{version}" for name, version in FILES]
        subprocess.run([npm, "pack", "--silent", "--pack-destination", tmp, *specs],
                       check=True, stdout=subprocess.DEVNULL)
        for (name, version), files in FILES.items():
            tgz = Path(tmp) / f"{name.replace('/', '-')}-{version}.tgz"
            with tarfile.open(tgz) as tar:
                for source, target in files.items():
                    member = tar.extractfile(f"package/{source}")
                    out = static / target
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(member.read())
    import visdom
    (static / "version.built").write_text(visdom.__version__)


def patch_index(static):
    index = static / "index.html"
    text = index.read_text(encoding="utf-8")
    if INDEX_OLD in text:
        index.write_text(text.replace(INDEX_OLD, INDEX_NEW), encoding="utf-8")


def main():
    static = static_dir()
    if "--check" in sys.argv[1:]:
        gone = missing(static)
        if gone:
            sys.exit(f"visdom_static: {len(gone)} files missing in {static}: "
                     f"{', '.join(gone[:5])}{' ...' if len(gone) > 5 else ''}; "
                     f"run {sys.executable} tools/visdom_static.py")
        return
    if [name for name in missing(static) if not name.startswith("index.html")]:
        install(static)
    patch_index(static)
    gone = missing(static)
    if gone:
        sys.exit(f"visdom_static: still missing after install: {gone}")


if __name__ == "__main__":
    main()
