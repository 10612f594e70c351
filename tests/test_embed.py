"""The embed stage: model choice by language, cache behaviour, and the sentence-transformers path."""
from __future__ import annotations

import numpy as np
import pytest

import consistency
from consistency.embed import EmbeddingCache, embed, get_spec, load_embedder, resolve
from consistency.errors import LanguageError, ModelError

SENTS = ["Il consiglio ha approvato il bilancio.", "Der Rat hat den Haushalt genehmigt.", "Rada zatwierdziła budżet."]


@pytest.mark.parametrize("langs,expected", [
    (["it", "de", "pl"], "use-m"),          # all in USE's 16 languages
    (["it", "de", "fi"], "e5-small"),       # Finnish is not: auto falls back to e5
    (["pt-br", "zh-tw"], "use-m"),          # regional tags resolve to their base or listed tag
    (["cs", "sk"], "e5-small"),
])
def test_auto_picks_the_first_model_covering_all(langs, expected):
    assert resolve("auto", [(f"{x}.txt", x) for x in langs]).id == expected


@pytest.mark.parametrize("model,lang", [("use-m", "fi"), ("use-m", "cs"), ("auto", "xx"), ("e5-small", "haw")])
def test_uncovered_language_is_an_error_naming_the_file(model, lang):
    with pytest.raises(LanguageError, match=f"{lang}.txt: language '{lang}'"):
        resolve(model, [("it.txt", "it"), (f"{lang}.txt", lang)])


def test_vectors_are_normalised_and_translations_are_close():
    emb = load_embedder(get_spec("use-m"))
    v = embed(SENTS + ["Il gatto dorme sul divano."], emb)
    assert v.shape == (4, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 3] and sims[0, 2] > sims[0, 3]


def test_cache_serves_repeats_without_loading_the_model(tmp_path):
    spec = get_spec("use-m")
    cache = EmbeddingCache(tmp_path)
    first = embed(SENTS, load_embedder(spec), cache)
    assert cache.misses == 3 and cache.hits == 0

    class Exploding:
        def __init__(self) -> None:
            self.spec, self.dim = spec, 512

        def encode(self, texts):
            raise AssertionError(f"model used for {texts}")

    again = embed(SENTS, Exploding(), cache)
    assert np.array_equal(first, again) and cache.hits == 3


def test_cache_is_keyed_by_model(tmp_path):
    cache = EmbeddingCache(tmp_path)
    embed(SENTS[:1], load_embedder(get_spec("use-m")), cache)
    assert cache.get_many("e5-small", SENTS[:1]) == {}


def test_unusable_cache_folder_degrades_to_no_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = EmbeddingCache(blocker / "sub")
    out = embed(SENTS[:1], load_embedder(get_spec("use-m")), cache)
    assert out.shape == (1, 512)


def test_missing_st_model_is_a_model_error(tmp_path):
    emb = load_embedder(get_spec(f"st:{tmp_path / 'nothing-here'}"))
    with pytest.raises(ModelError, match="cannot load"):
        emb.encode(["x"])


@pytest.mark.slow
@pytest.mark.parametrize("model", ["e5-small-st", "st:models/e5-small-st"])
def test_sentence_transformers_path_checks_the_seeds(model, seed_paths, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    report = consistency.check([str(p) for p in seed_paths], model=model)
    assert report.model_name == model and report.model_dim == 384
    assert any(f.version == "pl" and f.kind == "addition" for f in report.flags)
    drift = {frozenset((p.a, p.b)): p.drift for p in report.pairs}
    assert drift[frozenset(("it", "fr"))] < drift[frozenset(("it", "pl"))]
