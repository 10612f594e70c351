"""Shared fixtures: paths to the shared data, a private embedding cache, one seeds report per session, a candidates spy."""
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
