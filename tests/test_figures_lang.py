"""Figures in each language: every figure is drawn for zh and en, light and dark,
from one run of its snippets; a Chinese page shows the Chinese drawing and an
English page the English one; the Chinese drawings carry Chinese labels, set in
a font stack with a CJK font, and the English ones carry none. Fast: reads the
files, builds nothing (the browser's view of them is tests/test_reader_figures.py)."""
import re
import xml.etree.ElementTree as ET

import pytest

import figures
import notebooks
import runner

DOCS = runner.ROOT / "docs"
LANGS = ("zh", "en")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
SVGS = sorted(figures.FIGURES.rglob("*.svg"))


def svg_texts(path):
    """(text, font-family) of every text element of an SVG, as the browser will set it."""
    out = []
    for element in ET.parse(path).iter():
        if element.tag.rsplit("}", 1)[-1] not in ("text", "tspan"):
            continue
        text = "".join(element.itertext()) if element.tag.endswith("text") else (element.text or "")
        family = element.get("font-family") or ""
        match = re.search(r"font-family:\s*([^;]+)", element.get("style") or "")
        if match:
            family = match.group(1)
        out.append((text, family))
    return out


def test_every_figure_is_drawn_in_both_languages_and_themes():
    missing = [runner.rel(p) for f in figures.REGISTRY for p in f.paths() if not p.is_file()]
    assert not missing, f"figures not drawn (run ./book record): {missing}"
    expected = [f"{f.name}-{lang}-{theme}.svg" for f in figures.REGISTRY for lang in LANGS for theme in figures.THEMES]
    assert [p.relative_to(figures.FIGURES).as_posix() for f in figures.REGISTRY for p in f.paths()] == expected


def test_no_figure_file_without_a_language():
    stray = [runner.rel(p) for p in SVGS if not re.search(r"-(zh|en)-(light|dark)\.svg$", p.name)]
    assert not stray, f"figure files named without a language (the old <name>-<theme>.svg): {stray}"


@pytest.mark.parametrize("lang", LANGS)
def test_pages_show_their_own_languages_figures(lang):
    wrong, shown = [], 0
    for page in sorted((DOCS / lang).rglob("*.md")):
        for src in notebooks.image_sources(page.read_text(encoding="utf-8")):
            if "assets/figures/" not in src:
                continue
            shown += 1
            name = src.split("#")[0]
            if not re.search(rf"-{lang}-(light|dark)\.svg$", name):
                wrong.append(f"{page.relative_to(DOCS).as_posix()}: {src}")
            elif not (page.parent / name).resolve().is_file():
                wrong.append(f"{page.relative_to(DOCS).as_posix()}: {src} (no such file)")
    assert shown, f"docs/{lang} shows no figure at all"
    assert not wrong, f"docs/{lang} pages showing another language's (or a missing) figure:\n" + "\n".join(wrong)


@pytest.mark.parametrize("svg", SVGS, ids=lambda p: p.relative_to(figures.FIGURES).as_posix())
def test_chinese_figures_speak_chinese_in_a_cjk_font(svg):
    texts = svg_texts(svg)
    assert texts, f"{svg.name}: no text element (text must stay text: svg.fonttype none)"
    chinese = [(t, fam) for t, fam in texts if CJK.search(t)]
    if "-zh-" in svg.name:
        assert chinese, f"{svg.name}: a Chinese figure with no Chinese label: {[t for t, _ in texts]}"
        cjk_fonts = figures.CJK_SANS + figures.CJK_MONO
        no_font = [t for t, fam in chinese if not any(f in fam for f in cjk_fonts)]
        assert not no_font, f"{svg.name}: Chinese labels whose font-family names no CJK font: {no_font}"
    else:
        assert not chinese, f"{svg.name}: an English figure with Chinese labels: {[t for t, _ in chinese]}"


def test_one_run_feeds_every_language_and_theme(tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "FIGURES", tmp_path)
    runs, drawn = [], []

    def compute():
        runs.append(1)
        return {"x": 1}

    def plot(data, colors, path):
        drawn.append((colors["lang"], colors["theme"], colors["fg"], path.name))
        path.write_text(figures.tr(colors, "损失", "loss"), encoding="utf-8")

    paths = figures.Figure("demo/x", [], compute, plot).draw()
    assert len(runs) == 1, "compute() must run once for all four drawings"
    assert sorted(d[:2] for d in drawn) == sorted((lang, theme) for lang in LANGS for theme in figures.THEMES)
    assert all(figures.THEMES[theme]["fg"] == fg and name == f"x-{lang}-{theme}.svg" for lang, theme, fg, name in drawn)
    assert {p.name: p.read_text(encoding="utf-8") for p in paths} == {
        "x-zh-light.svg": "损失", "x-zh-dark.svg": "损失", "x-en-light.svg": "loss", "x-en-dark.svg": "loss"}


def test_without_a_cjk_font_the_chinese_drawings_are_left_alone(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(figures, "FIGURES", tmp_path)
    monkeypatch.setattr(figures, "_CJK_FONT", [None])
    drawn = []
    paths = figures.Figure("demo/x", [], lambda: None, lambda d, c, p: drawn.append(c["lang"]) or p.write_text("")).draw()
    assert set(drawn) == {"en"} and all("-en-" in p.name for p in paths)
    assert "fonts-noto-cjk" in capsys.readouterr().err


def test_matplotlib_measures_chinese_with_the_cjk_font(tmp_path):
    """The glyphs are found at record time (no tofu in the layout); a glyph missing from
    every font of the stack fails the drawing rather than being drawn as a box."""
    pytest.importorskip("matplotlib")
    if figures.cjk_font() is None:
        pytest.skip("no CJK font here (Debian: fonts-noto-cjk)")
    zh = {**figures.THEMES["light"], "lang": "zh", "theme": "light"}
    figures.plot(zh, tmp_path / "zh.svg", lambda ax: ax.set_xlabel("训练步数"))
    assert "训练步数" in "".join(t for t, _ in svg_texts(tmp_path / "zh.svg"))
    en = {**zh, "lang": "en"}
    with pytest.raises(UserWarning, match="missing from font"):
        figures.plot(en, tmp_path / "en.svg", lambda ax: ax.set_xlabel("\U0001D11E\U000E0100"))
