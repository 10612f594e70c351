"""The pre-publish gate: article sets from file names, `consistency hook` lines, exit status, CI formats."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from consistency.cli import main
from consistency.config import Config
from consistency.errors import UsageError
from consistency.hook import exit_status, finding_lines, run_hook
from consistency.sets import find_sets, group_files, is_ignored, version_of
from gate_helpers import ADDED_DE, add_claim, make_set

SHORT_DE = "Der Bürgermeister war dagegen."

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>\w+) (?P<severity>low|medium|high) (?P<msg>.+)$")


# -- article sets by naming ----------------------------------------------------

@pytest.mark.parametrize("name, naming, expected", [
    ("de.md", "auto", ("folder", "", "de")),
    ("de.md", "folder", ("folder", "", "de")),
    ("de.md", "suffix", None),
    ("story.de.md", "auto", ("suffix", "story", "de")),
    ("story.de.md", "folder", None),
    ("my.story.pt-br.md", "suffix", ("suffix", "my.story", "pt-br")),
    ("pl.txt", "auto", ("folder", "", "pl")),
    ("README.md", "auto", None),
    ("index.md", "auto", None),
    ("de.png", "auto", None),
    ("requirements.txt", "auto", None),
])
def test_version_of_reads_the_naming(name, naming, expected):
    assert version_of(name, naming) == expected


def test_version_of_honours_the_language_list():
    assert version_of("story.de.md", "auto", ["it", "de"]) == ("suffix", "story", "de")
    assert version_of("story.es.md", "auto", ["it", "de"]) is None
    assert version_of("story.pt-br.md", "auto", ["pt"]) == ("suffix", "story", "pt-br")  # base language counts


def test_group_files_adds_unchanged_siblings_and_orders_by_language(tmp_path):
    paths = make_set(tmp_path / "articles")
    (tmp_path / "articles" / "valdoria" / "notes.md").write_text("not a version", encoding="utf-8")
    sets = group_files([paths["de"]], root=tmp_path, languages=["fr", "de", "it"])
    assert len(sets) == 1
    s = sets[0]
    assert s.key == "articles/valdoria" and s.naming == "folder"
    assert s.langs == ["fr", "de", "it"]  # configured order: the first is the reference
    assert set(s.paths) == set(paths.values())
    # without a language list: alphabetical, deterministic
    assert group_files([paths["it"]], root=tmp_path)[0].langs == ["de", "fr", "it"]


def test_group_files_suffix_naming_one_set_per_slug(tmp_path):
    a = make_set(tmp_path / "posts", layout="suffix", slug="valdoria")
    b = make_set(tmp_path / "posts", layout="suffix", slug="other")
    sets = group_files([a["it"], b["de"], a["fr"]], root=tmp_path)
    assert [s.key for s in sets] == ["posts/valdoria", "posts/other"]
    assert all(len(s.versions) == 3 and s.naming == "suffix" for s in sets)


def test_group_files_skips_ignored_and_unnamed_files(tmp_path):
    paths = make_set(tmp_path / "drafts")
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    assert group_files([paths["de"], other], root=tmp_path, ignore=["drafts/*"]) == []
    assert is_ignored(tmp_path / "a" / "b.draft.md", ["*.draft.md"], tmp_path)
    assert not is_ignored(tmp_path / "a" / "b.md", ["*.draft.md", "drafts/*"], tmp_path)
    # ignoring one version drops it from its set
    sets = group_files([paths["de"]], root=tmp_path, ignore=["drafts/valdoria/fr.md"])
    assert sets[0].langs == ["de", "it"]


def test_a_deleted_file_still_touches_its_set(tmp_path):
    paths = make_set(tmp_path)
    paths["fr"].unlink()
    sets = group_files([paths["fr"]], root=tmp_path)
    assert sets[0].langs == ["de", "it"]


def test_two_files_of_one_language_in_a_set_is_an_error(tmp_path):
    paths = make_set(tmp_path)
    (paths["de"].parent / "de.txt").write_text("Hallo.", encoding="utf-8")
    with pytest.raises(UsageError, match=r"second de version"):
        group_files([paths["it"]], root=tmp_path)


def test_find_sets_walks_the_tree_and_skips_tool_folders(tmp_path):
    make_set(tmp_path / "a")
    make_set(tmp_path / "b", layout="suffix")
    make_set(tmp_path / ".venv" / "x")
    make_set(tmp_path / "node_modules" / "y")
    lone = tmp_path / "c" / "de.md"
    lone.parent.mkdir()
    lone.write_text("Allein.", encoding="utf-8")
    assert [s.key for s in find_sets(tmp_path)] == ["a/valdoria", "b/valdoria"]


# -- running the gate ---------------------------------------------------------

def test_consistent_set_passes_divergent_set_fails_with_located_finding(tmp_path):
    good = make_set(tmp_path / "ok")
    bad = make_set(tmp_path / "bad")
    add_claim(bad["de"])
    config = Config(root=tmp_path)
    results = run_hook([good["it"]], config)
    assert exit_status(results) == 0 and finding_lines(results) == []

    results = run_hook([bad["it"], good["fr"]], config)  # unchanged de sibling is loaded and checked
    assert exit_status(results) == 1
    lines = finding_lines(results)
    high = [LINE.match(x) for x in lines if " high " in x]
    assert len(high) == 1 and high[0]["kind"] == "addition"
    m = high[0]
    assert Path(m["path"]) == bad["de"]
    text_line = bad["de"].read_text(encoding="utf-8").splitlines()[int(m["line"]) - 1]
    assert text_line[int(m["col"]) - 1:].startswith(ADDED_DE[:30])  # line and column point at the claim


def test_fail_on_from_config_and_cli_and_skipped_single_versions(tmp_path, monkeypatch, capsys):
    paths = make_set(tmp_path)
    add_claim(paths["de"], SHORT_DE)  # a short addition: a medium finding
    lone = tmp_path / "solo" / "it.md"
    lone.parent.mkdir()
    lone.write_text("Un testo da solo.\n", encoding="utf-8")
    results = run_hook([paths["de"], lone], Config(root=tmp_path))
    assert [r.skipped is not None for r in results] == [False, True]
    assert exit_status(results) == 0  # default fail-on high: printed, not blocking
    assert any(" addition medium " in x for x in finding_lines(results))
    assert exit_status(run_hook([paths["de"]], Config(root=tmp_path, fail_on="medium"))) == 1

    monkeypatch.chdir(tmp_path)
    assert main(["hook", "valdoria/de.md"]) == 0
    assert main(["hook", "valdoria/de.md", "--fail-on", "medium"]) == 1
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "site"\n[tool.consistency]\nfail-on = "medium"\n',
                                             encoding="utf-8")
    assert main(["hook", "valdoria/de.md"]) == 1
    assert main(["hook", "valdoria/de.md", "--fail-on", "high"]) == 0  # the command line wins
    capsys.readouterr()


def test_hook_cli_prints_one_line_per_finding_and_exits_1(tmp_path, monkeypatch, capsys):
    bad = make_set(tmp_path)
    add_claim(bad["de"])
    monkeypatch.chdir(tmp_path)
    code = main(["hook", "valdoria/de.md"])
    out, err = capsys.readouterr()
    assert code == 1
    lines = out.splitlines()
    assert lines and all(LINE.match(x) for x in lines)
    assert any(x.startswith("valdoria/de.md:") and " addition high " in x for x in lines)
    assert "FAIL" in err and "1 blocking" in err
    assert main(["hook", "notes.txt"]) == 0  # no versions among the files: nothing to check
    assert "nothing to check" in capsys.readouterr().err


def test_hook_cli_ci_formats(tmp_path, monkeypatch, capsys):
    bad = make_set(tmp_path)
    add_claim(bad["de"])
    monkeypatch.chdir(tmp_path)

    assert main(["hook", "valdoria/it.md", "--format", "github"]) == 1
    gh = capsys.readouterr().out.splitlines()
    err = [x for x in gh if x.startswith("::error ")]
    assert len(err) == 1 and "file=valdoria/de.md,line=" in err[0] and "title=consistency addition (high)" in err[0]
    assert all(re.match(r"^::(error|warning|notice) file=[^:]+,line=\d+,col=\d+", x) for x in gh)

    assert main(["hook", "valdoria/it.md", "--format", "junit", "-o", "junit.xml"]) == 1
    capsys.readouterr()
    root = ET.parse(tmp_path / "junit.xml").getroot()
    suite = root.find("testsuite")
    assert suite.get("name") == "valdoria" and suite.get("tests") == "3" and suite.get("failures") == "1"
    failed = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    assert [c.get("file") for c in failed] == ["valdoria/de.md"]
    assert "addition high" in failed[0].find("failure").text

    assert main(["hook", "valdoria/it.md", "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "consistency-hook/1" and doc["exit_status"] == 1
    flags = doc["sets"][0]["report"]["flags"]
    assert any(f["kind"] == "addition" and f["version"] == "de" and f["location"]["line"] >= 1 for f in flags)


def test_hook_config_file_is_read_and_cli_overrides_it(tmp_path, monkeypatch, capsys):
    bad = make_set(tmp_path / "site")
    add_claim(bad["de"])
    (tmp_path / "site" / "consistency.toml").write_text('ignore = ["valdoria/de.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "site" / "valdoria")  # the configuration is found from a subfolder
    assert main(["hook", "it.md"]) == 0
    assert main(["hook", "it.md", "--config", str(tmp_path / "none.toml")]) == 2
    assert "none.toml" in capsys.readouterr().err
    (tmp_path / "site" / "consistency.toml").write_text('fail_on = "high"\nlanguage = ["de"]\n', encoding="utf-8")
    assert main(["hook", "it.md"]) == 2
    assert "unknown key 'language'" in capsys.readouterr().err


def test_a_bilingual_xliff_file_is_a_set_by_itself(tmp_path, monkeypatch, capsys):
    pytest.importorskip("lxml")
    from readers_builders import paragraphs_of, xliff12

    paths = make_set(tmp_path / "md")
    add_claim(paths["de"])
    it = paragraphs_of(paths["it"].read_text(encoding="utf-8"), "it")
    de = paragraphs_of(paths["de"].read_text(encoding="utf-8"), "de")
    assert len(it) == len(de)
    xlf = tmp_path / "l10n" / "valdoria.xlf"
    xlf.parent.mkdir()
    xlf.write_text(xliff12(it, de, "it", "de"), encoding="utf-8")
    sets = group_files([xlf], root=tmp_path)
    assert [(s.key, s.naming, s.checkable, s.inputs()) for s in sets] == [("l10n/valdoria", "file", True, [str(xlf)])]
    assert [s.key for s in find_sets(tmp_path / "l10n")] == ["valdoria"]
    monkeypatch.chdir(tmp_path)
    assert main(["hook", "l10n/valdoria.xlf"]) == 1
    line = next(x for x in capsys.readouterr().out.splitlines() if " addition high " in x)
    path, lineno, col = line.split(":")[:3]
    xml_line = xlf.read_text(encoding="utf-8").split("\n")[int(lineno) - 1]
    assert path == "l10n/valdoria.xlf" and xml_line[int(col) - 1:].startswith(ADDED_DE[:30])
