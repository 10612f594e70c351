"""A real pre-commit run: a site repository that uses this repository's hook (.pre-commit-hooks.yaml).

pre-commit clones this repository at HEAD and pip-installs it into an environment of
its own under a private PRE_COMMIT_HOME (once per test session: about a minute, from
the package index or pip's cache). Then: a consistent commit passes, a divergent one
is rejected with the finding printed, waived ones (inline marker, baseline) pass, and
the installed environment has no torch.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gate_helpers import SECOND_PARAGRAPH_DE, add_claim, insert_before, make_set

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of this repository")
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("the pre-commit package is not installed (pip install -e '.[test]')")
    home = tmp_path_factory.mktemp("pre-commit-home")
    repo = tmp_path_factory.mktemp("site")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home),
           "CONSISTENCY_CACHE_DIR": str(tmp_path_factory.mktemp("hook-cache")),
           "GIT_AUTHOR_NAME": "site editor", "GIT_AUTHOR_EMAIL": "editor@site.invalid",
           "GIT_COMMITTER_NAME": "site editor", "GIT_COMMITTER_EMAIL": "editor@site.invalid"}
    for key in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "VIRTUAL_ENV"):
        env.pop(key, None)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert _run(["git", "init", "-q", "-b", "main"], repo, env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {rev}\n  hooks:\n  - id: consistency\n", encoding="utf-8")
    proc = _run([str(pre_commit), "install"], repo, env)
    assert proc.returncode == 0, proc.stderr
    return {"repo": repo, "env": env, "home": home, "pre_commit": pre_commit}


def _commit(site: dict, message: str, timeout: float = 120) -> subprocess.CompletedProcess:
    repo, env = site["repo"], site["env"]
    assert _run(["git", "add", "-A"], repo, env).returncode == 0
    return _run(["git", "commit", "-q", "-m", message], repo, env, timeout=timeout)


def test_pre_commit_gate_rejects_divergent_commits_and_lets_waived_ones_through(site):
    repo = site["repo"]
    paths = make_set(repo / "articles")

    # 1. a consistent article set passes (the first run installs the hook's environment)
    first = _commit(site, "add the story in three languages", timeout=900)
    assert first.returncode == 0, first.stdout + first.stderr

    # 2. a divergent version is rejected with the finding printed
    add_claim(paths["de"])
    rejected = _commit(site, "German version adds a claim")
    out = rejected.stdout + rejected.stderr
    assert rejected.returncode != 0, out
    assert "articles/valdoria/de.md:" in out and "addition high" in out and "Kritiker im Stadtrat" in out
    assert "Failed" in out

    # 3. the same change, waived by an inline marker with its reason, passes
    insert_before(paths["de"], SECOND_PARAGRAPH_DE,
                  '<!-- consistency: ignore[addition] reason="council debate, relevant to German readers" -->')
    waived = _commit(site, "German version adds a claim, intended")
    assert waived.returncode == 0, waived.stdout + waived.stderr

    # 4. a divergence accepted in the baseline passes; only a change of only the French file triggers the hook,
    #    which still checks the whole set
    add_claim(paths["fr"], "Les commerçants du centre-ville ont salué cette décision avec enthousiasme.",
              "pour tous les habitants.")
    assert _commit(site, "French version adds a claim").returncode != 0
    cli = Path(sys.executable).with_name("consistency")
    accepted = _run([str(cli), "baseline", "articles/valdoria/fr.md", "--reason", "desk accepted"], repo, site["env"])
    assert accepted.returncode == 0, accepted.stderr
    assert (repo / ".consistency-baseline.json").is_file()
    baselined = _commit(site, "French claim accepted in the baseline")
    assert baselined.returncode == 0, baselined.stdout + baselined.stderr

    # the environment pre-commit built is light: the core package, no torch, no sentence-transformers
    pythons = list(site["home"].glob("repo*/py_env-*/bin/python"))
    assert len(pythons) == 1  # one environment, reused by every commit
    probe = ("import importlib.util as u, consistency; "
             "print(u.find_spec('torch') is None, u.find_spec('sentence_transformers') is None)")
    light = _run([str(pythons[0]), "-c", probe], repo, site["env"])
    assert light.stdout.split() == ["True", "True"], light.stdout + light.stderr
