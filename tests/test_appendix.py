"""The appendices' claims that span a page and its programs.

Migration: every row of the table on docs/*/appendix/migration.md names an old API that
the program linked under its old code ("checked") really exercises, and the outcome the row states
(the exception or warning it names, or none) is the one the program saw on this torch.
Misconceptions: every row of the tables on docs/*/appendix/misconceptions.md has a check,
numbered like the row, that printed its line in the recorded output of the program shown
under that table; and every row links to the section that explains it.
"""
import ast
import re

import pytest
import torch

import runner
from runner import snippet_globals

LANGS = ("en", "zh")
MIGRATION = {lang: runner.ROOT / f"docs/{lang}/appendix/migration.md" for lang in LANGS}
MYTHS = {lang: runner.ROOT / f"docs/{lang}/appendix/misconceptions.md" for lang in LANGS}

# issue 16's minimum: each must be the old code of some row
REQUIRED = ["Variable(", "volatile", ".data", "elementwise_mean", "transforms.Scale",
            "pretrained=True", "torch.set_default_tensor_type", "torch.Tensor(4, 5)",
            "size_average", "reduce=", "F.sigmoid", "F.tanh", "torch.autograd.Function",
            "model.cuda()", "keras.optimizers"]
# snippets that cannot run in this process (TensorFlow never shares one with torch)
OWN_PROCESS = {"migrate_keras.py"}
OUTCOME = re.compile(r"\b(\w+(?:Error|Warning))\b")


def tables(path):
    """Every Markdown table of a page, as lists of rows of cells (header and rule left out)."""
    found, rows = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            if rows is None:
                rows = []
                found.append(rows)
            if not set(line) <= set("|- "):
                rows.append(cells)
        else:
            rows = None
    return [t[1:] for t in found]          # drop each header row


def spans(cell):
    return re.findall(r"`([^`]+)`", cell)


def normalised(code):
    return code.replace('"', "'")


def migration_rows(lang):
    (table,) = [t for t in tables(MIGRATION[lang]) if len(t[0]) == 3]
    return table


def sections(lang):
    """{heading id: the first migration program the page shows under that heading}."""
    found, current = {}, None
    for line in MIGRATION[lang].read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## .* \{#([\w-]+)\}$", line)
        if heading:
            current = heading[1]
        include = re.search(r'--8<-- "snippets/appendix/(migrate_\w+\.py)[:"]', line)
        if include and current and current not in found:
            found[current] = include[1]
    return found


def program(row, lang="en"):
    """The program of the section a row's first cell links to ("checked")."""
    (anchor,) = re.findall(r"\]\(#([\w-]+)\)", row[0])
    return sections(lang)[anchor]


def code_of(name):
    """A snippet's code without comments or docstring formatting, quotes made single."""
    source = (runner.ROOT / "snippets/appendix" / name).read_text(encoding="utf-8")
    return normalised(ast.unparse(ast.parse(source)))


def test_migration_tables_agree_across_languages():
    en, zh = migration_rows("en"), migration_rows("zh")
    assert len(en) == len(zh) >= len(REQUIRED) - 3
    for row_en, row_zh in zip(en, zh):
        assert spans(row_en[0]) == spans(row_zh[0]), "old code differs between the languages"
        assert program(row_en, "en") == program(row_zh, "zh"), f"{row_en[0]}: checked by a different program"
        assert OUTCOME.findall(row_en[1]) == OUTCOME.findall(row_zh[1]), row_en[0]


@pytest.mark.parametrize("api", REQUIRED)
def test_migration_table_has_required_row(api):
    assert any(api in span for row in migration_rows("en") for span in spans(row[0])), (
        f"no row of the migration table covers {api}")


def test_migration_programs_are_on_the_page():
    for lang in LANGS:
        text = MIGRATION[lang].read_text(encoding="utf-8")
        for row in migration_rows(lang):
            name = program(row, lang)
            assert (runner.ROOT / "snippets/appendix" / name).exists(), name
            assert f'--8<-- "snippets/appendix/{name}' in text, f"{lang}: {name} not shown"
            assert re.search(r"\]\(\.\./[\w-]+/[\w-]+\.md(#[\w-]+)?\)", row[0]), (
                f"{lang}: {row[0]} links to no section of the book")


@pytest.mark.parametrize("row", migration_rows("en"), ids=lambda row: " ".join(spans(row[0])))
def test_migration_row_is_exercised_by_its_program(row):
    name = program(row)
    code = code_of(name)
    for api in spans(row[0]):
        assert normalised(api) in code, f"{name} never runs {api}"


@pytest.mark.parametrize("row", migration_rows("en"), ids=lambda row: " ".join(spans(row[0])))
def test_migration_row_states_what_its_program_saw(row):
    """The exception or warning a row names is the one its program caught on this torch."""
    name = program(row)
    named = {lang: set(OUTCOME.findall(r[1])) for lang, r in
             zip(LANGS, (row, migration_rows("zh")[migration_rows("en").index(row)]))}
    if name in OWN_PROCESS:
        # a TensorFlow program: its recording (kept equal to a fresh run by test_snippets)
        recorded = runner.output_path(runner.ROOT / "snippets/appendix" / name).read_text()
        seen = set(OUTCOME.findall(recorded))
        assert named["en"] and named["en"] <= seen, (named, seen)
        return
    old = snippet_globals(f"snippets/appendix/{name}")["old"]
    keys = [api for api in spans(row[0]) if api in old]
    if not keys:
        assert spans(row[0]) == ["model.cuda()"] and torch.cuda.is_available(), (
            f"{name} records no outcome for {row[0]}")
        return
    for api in keys:
        for lang in LANGS:
            if old[api] is None:
                assert not named[lang], f"{lang}: {api} runs quietly, yet the row says {named[lang]}"
            else:
                assert old[api] in named[lang], f"{lang}: {api} gave {old[api]}, the row says {named[lang]}"


def myth_tables(lang):
    """{snippet name: [table rows]}: each table and the program shown after it."""
    result, rows = {}, []
    for line in MYTHS[lang].read_text(encoding="utf-8").splitlines():
        if re.match(r"\| \d+\.\d+ \|", line):
            rows.append([c.strip() for c in line.strip().strip("|").split(" | ")])
        match = re.search(r'--8<-- "snippets/appendix/(myth_\w+\.py)"', line)
        if match:
            assert rows, f"{lang}: {match[1]} is shown without a table before it"
            result[match[1]] = rows
            rows = []
    assert not rows, f"{lang}: a table with no program after it"
    return result


def test_myth_tables_agree_across_languages():
    en, zh = myth_tables("en"), myth_tables("zh")
    assert list(en) == list(zh)
    for name in en:
        assert [r[0] for r in en[name]] == [r[0] for r in zh[name]], name
        # same explaining page for each row
        assert [re.findall(r"\]\((\.\./[^)#]+)", r[3]) for r in en[name]] == [
            re.findall(r"\]\((\.\./[^)#]+)", r[3]) for r in zh[name]], name


@pytest.mark.parametrize("lang", LANGS)
def test_every_myth_links_to_its_section(lang):
    for name, rows in myth_tables(lang).items():
        for row in rows:
            links = re.findall(r"\]\((\.\./[^)#]+)", row[3])
            assert links, f"{lang} {row[0]}: no link to the section that explains it"
            for link in links:
                assert (MYTHS[lang].parent / link).resolve().exists(), f"{row[0]}: {link}"


@pytest.mark.parametrize("name", list(myth_tables("en")))
def test_every_myth_is_checked_and_every_check_has_its_row(name):
    """The recording (kept equal to a fresh run by test_snippets) prints one line per
    row, starting with the row's number; the snippet asserts the claim on that line."""
    recorded = runner.output_path(runner.ROOT / "snippets/appendix" / name).read_text()
    printed = re.findall(r"^(\d+\.\d+) ", recorded, re.MULTILINE)
    rows = [r[0] for r in myth_tables("en")[name]]
    assert printed == rows, f"{name}: printed {printed}, table {rows}"
    source = (runner.ROOT / "snippets/appendix" / name).read_text(encoding="utf-8")
    for number in rows:
        assert re.search(rf"^# {re.escape(number)}\b", source, re.MULTILINE) or (
            re.search(rf"and {re.escape(number)}\b", source)), f"{name}: no comment for {number}"
