"""Word-alignment coverage (consistency/flags/wordalign.py) and divergence_score's use of it."""
from __future__ import annotations

import numpy as np
import pytest

from consistency.flags import wordalign
from consistency.flags.wordalign import alignment_features


def _unit(rows):
    m = np.array(rows, dtype=float)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_alignment_features_of_a_full_match_and_an_extra_run():
    eye = np.eye(6)
    same = alignment_features(_unit(eye[:4]), _unit(eye[:4]))
    assert same == pytest.approx({"w_cover": 1.0, "w_gap": 1.0, "w_unaligned": 0.0})
    # B has the same four words plus a run of two with no counterpart
    extra = alignment_features(_unit(eye[:4]), _unit(eye[:6]))
    assert extra["w_gap"] < 0.5 < same["w_gap"]
    assert extra["w_unaligned"] == pytest.approx(2 / 6)
    assert extra["w_cover"] == pytest.approx(4 / 6)


def test_alignment_features_of_an_empty_side():
    f = alignment_features(np.zeros((0, 3)), _unit(np.eye(3)))
    assert f == {"w_cover": 0.0, "w_gap": 0.0, "w_unaligned": 1.0}


def test_divergence_scores_fall_back_to_the_pair_head_without_the_word_model(monkeypatch):
    from consistency.flags.divergence import divergence_scores

    monkeypatch.setattr(wordalign, "available", lambda: False)
    a = ("Il museo riapre sabato dopo tre anni di lavori di restauro.", "it")
    f = ("Das Museum öffnet am Samstag nach drei Jahren Restaurierung wieder.", "de")
    d = ("Das Museum bleibt wegen eines Wasserschadens bis auf Weiteres geschlossen.", "de")
    same, other = divergence_scores([(*a, *f), (*a, *d)])
    assert same < 0.5 < other


@pytest.mark.slow
@pytest.mark.skipif(not wordalign.available(), reason="needs the generated e5-small-st folder (make models)")
def test_word_vectors_leave_an_added_phrase_uncovered():
    en = "The southern transept has Gothic columns."
    fr = "Le transept sud présente des colonnes gothiques."
    fr_more = "Le transept sud, reconstruit après l'incendie de 1755 par un architecte italien, présente des colonnes gothiques."
    A, B, C = wordalign.word_vectors([en, fr, fr_more])
    assert A.shape[0] == 6 and B.shape[0] == 7  # punctuation is not a word
    faithful, added = alignment_features(A, B), alignment_features(A, C)
    assert added["w_gap"] < faithful["w_gap"]
    assert added["w_unaligned"] > faithful["w_unaligned"]
