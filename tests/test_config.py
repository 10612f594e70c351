"""Project configuration: where it is found, what it may say, how the command line overrides it."""
from __future__ import annotations

from pathlib import Path

import pytest

import consistency
from consistency.config import Config, find_config, load_config, merge
from consistency.errors import ConfigError
from gate_helpers import make_set

FULL = """
languages = ["it", "de", "FR"]
model = "e5-small"
fail-on = "medium"
naming = "suffix"
ignore = ["drafts/*", "*.tmp.md"]
baseline = "ci/accepted.json"

[thresholds]
link = 0.5
faithful = 0.7
absent = 0.3
"""


def test_consistency_toml_every_key(tmp_path):
    (tmp_path / "consistency.toml").write_text(FULL, encoding="utf-8")
    c = load_config(start=tmp_path)
    assert c.path == tmp_path / "consistency.toml" and c.root == tmp_path
    assert c.languages == ("it", "de", "fr")
    assert (c.model, c.fail_on, c.naming) == ("e5-small", "medium", "suffix")
    assert c.ignore == ("drafts/*", "*.tmp.md")
    assert c.baseline_path == tmp_path / "ci" / "accepted.json"
    assert dict(c.thresholds) == {"link": 0.5, "faithful": 0.7, "absent": 0.3}


def test_pyproject_table_found_from_a_subfolder_and_snake_case_keys(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "site"\n\n[tool.consistency]\nfail_on = "low"\n'
                                             '[tool.consistency.thresholds]\nlink = 0.4\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "pyproject.toml"
    c = load_config(start=sub)
    assert c.fail_on == "low" and c.thresholds == {"link": 0.4} and c.root == tmp_path


def test_consistency_toml_wins_and_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\nfail-on = "low"\n', encoding="utf-8")
    (tmp_path / "consistency.toml").write_text('fail-on = "medium"\n', encoding="utf-8")
    assert load_config(start=tmp_path).fail_on == "medium"
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")  # no [tool.consistency]
    assert find_config(inner) == tmp_path / "consistency.toml"


def test_no_configuration_gives_the_defaults(tmp_path):
    c = load_config(start=tmp_path)
    assert c == Config(root=tmp_path)
    assert (c.model, c.fail_on, c.naming, c.languages, c.ignore) == ("auto", "high", "auto", None, ())


@pytest.mark.parametrize("text, words", [
    ('fail-on = "high"\nlanguage = ["de"]\n', ["unknown key 'language'", "languages"]),
    ('[thresholds]\nmatch = 0.3\n', ["unknown threshold 'match'", "link, faithful, absent"]),
    ('[thresholds]\nlink = "high"\n', ["threshold `link` must be a number"]),
    ('fail-on = "severe"\n', ["`fail-on` must be one of low, medium, high"]),
    ('naming = "flat"\n', ["`naming` must be one of auto, folder, suffix"]),
    ('languages = "de, it"\nignore = 3\n', ["`ignore` must be a list of strings"]),
    ('fail-on = "high"\nfail_on = "low"\n', ["are the same key"]),
    ('model = \n', ["is not valid TOML"]),
])
def test_invalid_settings_are_errors_naming_file_and_key(tmp_path, text, words):
    (tmp_path / "consistency.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(start=tmp_path)
    msg = str(exc.value)
    assert "consistency.toml" in msg
    for w in words:
        assert w in msg


def test_pyproject_unknown_key_names_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\nfailon = "high"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.consistency\]: unknown key 'failon'"):
        load_config(start=tmp_path)


def test_merge_command_line_over_file():
    base = Config(root=Path("."), model="e5-small", fail_on="medium", thresholds={"link": 0.5}, ignore=("a/*",))
    m = merge(base, model=None, fail_on="high", thresholds={"faithful": 0.8}, ignore=["b/*"], languages=["DE"])
    assert (m.model, m.fail_on) == ("e5-small", "high")  # None keeps the file's value
    assert m.thresholds == {"link": 0.5, "faithful": 0.8}
    assert m.ignore == ("a/*", "b/*") and m.languages == ("de",)
    with pytest.raises(ConfigError, match="unknown threshold 'bogus'"):
        merge(base, thresholds={"bogus": 1.0})
    with pytest.raises(ConfigError, match="fail-on"):
        merge(base, fail_on="never")


def _largest_group(report_or_dict) -> int:
    groups = report_or_dict["alignment"] if isinstance(report_or_dict, dict) else report_or_dict.to_dict()["alignment"]
    return max(len(g["members"]) for g in groups)


def test_thresholds_reach_the_pipeline(tmp_path):
    """A link threshold no counterpart can reach leaves every sentence unaligned: the override is really used."""
    paths = [str(p) for p in make_set(tmp_path).values()]
    normal = consistency.check(paths)
    strict = consistency.check(paths, thresholds={"link": 5.0})
    assert normal.summary.verdict == "pass" and _largest_group(normal) == 3
    assert strict.signature.thresholds["link"] == 5.0
    assert strict.signature.thresholds["faithful"] == normal.signature.thresholds["faithful"]
    assert _largest_group(strict) == 1
    with pytest.raises(ConfigError, match="unknown threshold"):
        consistency.check(paths, thresholds={"match": 0.3})


def test_check_command_reads_the_configuration(tmp_path, monkeypatch, capsys):
    import json

    from consistency.cli import main

    make_set(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "consistency.toml").write_text("[thresholds]\nlink = 5.0\n", encoding="utf-8")
    files = ["valdoria/it.md", "valdoria/de.md", "valdoria/fr.md"]
    assert main(["check", *files, "--format", "json", "-o", "strict.json"]) in (0, 1)
    strict = json.loads((tmp_path / "strict.json").read_text(encoding="utf-8"))
    assert strict["signature"]["thresholds"]["link"] == 5.0 and _largest_group(strict) == 1
    assert main(["check", *files, "--threshold", "link=0.45", "--format", "json", "-o", "cli.json"]) == 0
    cli = json.loads((tmp_path / "cli.json").read_text(encoding="utf-8"))
    assert cli["signature"]["thresholds"]["link"] == 0.45 and _largest_group(cli) == 3  # the command line wins
    (tmp_path / "consistency.toml").write_text("mdoel = 'auto'\n", encoding="utf-8")
    assert main(["check", *files]) == 2
    assert "unknown key 'mdoel'" in capsys.readouterr().err
