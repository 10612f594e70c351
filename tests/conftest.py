"""Shared fixtures: paths to the shared data, a private embedding cache, one seeds report per session, a candidates spy,
a check of one development set."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CONSISTENCY_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
SEED_LANGS = ["it", "de", "pt", "fr", "pl"]


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's cache."""
    os.environ["CONSISTENCY_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = [SEEDS / f"{lang}.txt" for lang in SEED_LANGS]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        pytest.fail(f"the founding example is missing: {missing[0]} (../shared must sit beside the checkout)")
    return paths


@pytest.fixture(scope="session")
def seeds_report(seed_paths: list[Path]):
    """The default check of the five seed files, run once per test session."""
    import consistency

    return consistency.check([str(p) for p in seed_paths])


@pytest.fixture(scope="session")
def check_dev_set():
    """``check_dev_set(name, detectors=None)``: the check of ``eval/sets/<name>``'s five versions (every detector
    when ``detectors`` is None)."""
    import consistency

    def check(name: str, detectors: list[str] | None = None):
        folder = ROOT / "eval" / "sets" / name
        return consistency.check([str(folder / f"{lang}.txt") for lang in SEED_LANGS], detectors=detectors)

    return check


@pytest.fixture()
def candidates(monkeypatch):
    """Every candidate the detectors raise in the test's checks, before calibration drops any."""
    from consistency.flags import calibration

    seen = []
    real = calibration.finalize

    def spy(ctx, findings):
        seen.extend(f.candidate for f in findings)
        return real(ctx, findings)

    monkeypatch.setattr(calibration, "finalize", spy)
    return seen
