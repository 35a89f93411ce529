"""The "verified" stamp under each chapter title, from what ./book record saved.

For the snippets a page includes, outputs/manifest.json holds, per snippet, the
date it was recorded, the torch (and TensorFlow) version it ran with, and the
result of its last CPU and GPU runs. The stamp sums that up for the page; it is
never typed by hand, and tests/test_site.py checks every built page's stamp
against the manifest.
"""
from __future__ import annotations

import hashlib
import html
import json
import re

import runner

_INCLUDE = re.compile(r'--8<--\s+"(snippets/[^":]+)')

TEXT = {
    "zh": {"verified": "已验证", "stale": "记录已过期", "none": "本页没有录制输出的程序；页内代码由测试运行",
           "cpu": "CPU", "gpu": "GPU", "passed": "通过", "failed": "失败", "not-run": "未运行（录制时没有 GPU）",
           "partial": "部分通过", "recorded": "录制于",
           "download": "下载 Jupyter 笔记本", "view": "以笔记本形式查看"},
    "en": {"verified": "Verified", "stale": "Recording out of date", "none": "No recorded programs on this page; its code runs in the tests",
           "cpu": "CPU", "gpu": "GPU", "passed": "passed", "failed": "failed", "not-run": "not run (no GPU when recorded)",
           "partial": "partly passed", "recorded": "recorded",
           "download": "Download the Jupyter notebook", "view": "View as a notebook"},
}


def manifest() -> dict:
    return json.loads((runner.OUTPUTS / "manifest.json").read_text(encoding="utf-8"))


def snippets_of(markdown: str) -> list[str]:
    """The snippets a page includes, in order, each once."""
    return list(dict.fromkeys(_INCLUDE.findall(markdown)))


def for_page(markdown: str, where: str, recorded: dict | None = None) -> dict:
    """What the stamp of a page says, computed from the manifest."""
    entries = (recorded or manifest())["snippets"]
    names = snippets_of(markdown)
    if not names:
        return {"snippets": 0}
    info = {"snippets": len(names), "torch": set(), "tensorflow": set(), "date": "", "cpu": "passed", "gpu": set()}
    for name in names:
        entry = entries.get(name)
        current = hashlib.sha256((runner.ROOT / name).read_bytes()).hexdigest()
        if entry is None or entry["sha256"] != current:
            info["cpu"] = "stale"
            continue
        info["torch"].add(entry["torch"])
        if entry.get("tensorflow"):
            info["tensorflow"].add(entry["tensorflow"])
        info["date"] = max(info["date"], entry["recorded"])
        gpu = entry.get("gpu")
        info["gpu"].add("not-run" if gpu is None else ("passed" if gpu["passed"] else "failed"))
    gpu = info["gpu"]
    info["gpu"] = gpu.pop() if len(gpu) == 1 else ("failed" if "failed" in gpu else "partial")
    info["torch"] = ", ".join(sorted(info["torch"]))
    info["tensorflow"] = ", ".join(sorted(info["tensorflow"]))
    return info


def render(lang: str, info: dict) -> str:
    t = TEXT[lang]
    if not info["snippets"]:
        return f'<div class="book-stamp" data-snippets="0"><span>{t["none"]}</span></div>'
    attrs = " ".join(f'data-{k}="{html.escape(str(v))}"' for k, v in info.items())
    parts = [f"torch {info['torch']}"]
    if info["tensorflow"]:
        parts.append(f"TensorFlow {info['tensorflow']}")
    parts.append(f"{t['recorded']} {info['date']}")
    parts.append(f"{t['cpu']} {t[info['cpu']] if info['cpu'] in t else info['cpu']}")
    parts.append(f"{t['gpu']} {t[info['gpu']]}")
    head = t["verified"] if info["cpu"] == "passed" else t["stale"]
    body = " · ".join(html.escape(p) for p in parts)
    if info["date"]:   # the date never wraps inside itself (book.css), on a phone too
        date = html.escape(str(info["date"]))
        body = body.replace(f" {date} ", f' <span class="book-stamp-date">{date}</span> ', 1)
    return f'<div class="book-stamp" {attrs}><strong>{head}</strong> · {body}</div>'


def notebook_links(lang: str, download_url: str, view_url: str, filename: str) -> str:
    t = TEXT[lang]
    return (f'<div class="book-notebook">'
            f'<a class="md-button md-button--primary" href="{download_url}" download="{filename}">{t["download"]}</a> '
            f'<a class="md-button" href="{view_url}">{t["view"]}</a></div>')
