"""Keep natasha's NER model (a slovnet tagger over navec embeddings) in a form that loads without unpacking.

natasha unpacks its model files on every start: it reads the quantised
vectors out of a tar, splits two gzip'd vocabularies into 250 000 strings each
and builds dicts of them, and precomputes tables that tagging never reads
(about 0.5 s). Here the arrays the tagger uses, bit for bit, are kept once per
user as uncompressed files that later starts memory-map, and the word
vocabulary as a hash table over one block of UTF-8 that is looked up word by
word, never built into a dict.

An entry is a directory of the user cache named by a hash of natasha's model
files (path, size, modification time) and of this format's version. It is
assembled in a temporary directory and renamed into place whole (two
processes starting at once each assemble one; the first rename wins); its
manifest, sealed with its SHA-256 and written last, holds each file's size and
CRC-32, checked on every load, so a partial or damaged entry is rebuilt, never
trusted.
"""
from __future__ import annotations

import contextlib
import importlib.util
import json
import mmap
import os
import shutil
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from . import cache

FORMAT = "ner-1"  # change when what is stored, or how, changes
BATCH_SIZE = 8  # sentences per slovnet batch, as natasha's tagger has it
_MANIFEST = "manifest"
_WORDS, _OFFSETS, _TABLE = "words.bin", "word-offsets.bin", "word-table.bin"
_INDEXES, _CODES = "navec-indexes.bin", "navec-codes.bin"


def model_files() -> tuple[Path, Path]:
    """natasha's NER model and the embedding it reads (natasha 1.6's layout), found without importing natasha."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("natasha is not installed")
    data = Path(spec.origin).parent / "data"
    return data / "model" / "slovnet_ner_news_v1.tar", data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar"


@dataclass(frozen=True)
class Parts:
    """Everything the tagger is assembled from, however it was read."""

    model: dict[str, Any]  # slovnet's model description, weights named by array id
    arrays: dict[int, Any]  # array id → numpy array
    navec_id: str
    indexes: Any  # navec: the quantisation index of every word vector
    codes: Any  # navec: the centroids
    words: Any  # the word vocabulary: something with encode(word), unk_id and pad_id
    shapes: list[str]
    tags: list[str]


def ner_tagger() -> Any:
    """slovnet's NER tagger with natasha's news model: from the user cache, else unpacked and then cached."""
    where = cache.cache_dir()
    entry = where / entry_name() if where else None
    if entry is not None and entry.is_dir():
        try:
            return assemble(read_entry(entry))
        except (OSError, ValueError, KeyError, TypeError):  # a damaged entry: rebuilt below, never trusted
            _discard(entry)
    parts = unpack(*model_files())
    if entry is not None:
        store(parts, entry)
    return assemble(parts)


def entry_name() -> str:
    """The cache entry of the model files as they are now."""
    return f"ner-{cache.key(FORMAT, *cache.identity(*model_files()))}"


def assemble(parts: Parts) -> Any:
    """The tagger, put together as slovnet's `NER.load` and natasha's `NewsNERTagger` do."""
    from slovnet.api import NER
    from slovnet.exec.encoders import TagEncoder
    from slovnet.exec.infer import NERInfer, TagDecoder
    from slovnet.exec.model import NER as NERModel
    from slovnet.vocab import Vocab

    model = NERModel.from_json(parts.model).inject_arrays(parts.arrays)
    navec = SimpleNamespace(meta=SimpleNamespace(id=parts.navec_id), pq=SimpleNamespace(indexes=parts.indexes, codes=parts.codes))
    model = model.inject_navec(navec)
    encoder = TagEncoder(parts.words, Vocab(parts.shapes), BATCH_SIZE)
    return NER(NERInfer(model, encoder, TagDecoder(Vocab(parts.tags))), BATCH_SIZE)


def unpack(ner_tar: Path, navec_tar: Path) -> Parts:
    """The parts as natasha reads them from its tars (slow: see the module's docstring)."""
    from navec import Navec
    from slovnet.const import SHAPE, TAG, WORD
    from slovnet.exec.model import NER as NERModel
    from slovnet.exec.pack import MODEL, Pack, bytes_json

    navec = Navec.load(str(navec_tar))
    with Pack(str(ner_tar)) as pack:
        pack.load_meta().check_protocol()
        model = bytes_json(pack.read(MODEL))
        arrays = dict(pack.load_arrays(NERModel.from_json(model).weights))
        words, shapes, tags = (pack.load_vocab(name) for name in (WORD, SHAPE, TAG))
    return Parts(model, arrays, navec.meta.id, navec.pq.indexes, navec.pq.codes, words, shapes.items, tags.items)


class WordIds:
    """slovnet's word vocabulary (word → id) as an open-addressing hash table over the words' UTF-8, read in place.

    `table` maps CRC-32 slots to ids (-1: empty), `offsets[i]:offsets[i + 1]`
    is word i in `blob`. Ids are the ones slovnet's dict gives (a repeated word: its last id).
    """

    def __init__(self, blob: Any, offsets: Any, table: Any, unk_id: int | None, pad_id: int | None) -> None:
        self.blob, self.offsets, self.table = blob, memoryview(offsets), memoryview(table)
        self.mask = len(self.table) - 1
        self.unk_id, self.pad_id = unk_id, pad_id

    @classmethod
    def build(cls, item_ids: dict[str, int], count: int, unk_id: int | None, pad_id: int | None) -> WordIds:
        """The table of a vocabulary of `count` words, from slovnet's dict."""
        import numpy as np

        words = [b""] * count
        for word, i in item_ids.items():
            words[i] = word.encode("utf-8")
        size = 1 << (2 * len(item_ids)).bit_length()  # at most half full
        table = [-1] * size
        for i in item_ids.values():
            slot = zlib.crc32(words[i]) & (size - 1)
            while table[slot] >= 0:
                slot = (slot + 1) & (size - 1)
            table[slot] = i
        offsets = np.cumsum([0, *map(len, words)], dtype=np.int64)
        return cls(b"".join(words), offsets, np.array(table, dtype=np.int32), unk_id, pad_id)

    def encode(self, word: str) -> int | None:
        """The word's id, or the unknown word's."""
        key = word.encode("utf-8", "surrogatepass")
        slot = zlib.crc32(key) & self.mask
        while (i := self.table[slot]) >= 0:
            if self.blob[self.offsets[i] : self.offsets[i + 1]] == key:
                return i
            slot = (slot + 1) & self.mask
        return self.unk_id


def store(parts: Parts, entry: Path) -> None:
    """Write the parts as a cache entry: assembled aside, renamed into place whole; failures leave no entry."""
    import numpy as np

    words = parts.words if isinstance(parts.words, WordIds) else WordIds.build(
        parts.words.item_ids, len(parts.words.items), parts.words.unk_id, parts.words.pad_id
    )
    arrays = {f"array-{i}.bin": a for i, a in parts.arrays.items()}
    arrays |= {_INDEXES: parts.indexes, _CODES: parts.codes, _OFFSETS: np.asarray(words.offsets), _TABLE: np.asarray(words.table)}
    staging = None
    try:
        staging = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".tmp-ner-"))
        files = {name: _write(staging / name, np.ascontiguousarray(a).tobytes()) for name, a in arrays.items()}
        files[_WORDS] = _write(staging / _WORDS, bytes(words.blob))
        manifest = {
            "format": FORMAT,
            "files": files,
            "shapes_of": {name: [list(a.shape), a.dtype.str] for name, a in arrays.items()},
            "arrays": sorted(parts.arrays),
            "model": parts.model,
            "navec_id": parts.navec_id,
            "unk_id": words.unk_id,
            "pad_id": words.pad_id,
            "shapes": parts.shapes,
            "tags": parts.tags,
        }
        _write(staging / _MANIFEST, cache.seal(json.dumps(manifest, ensure_ascii=False).encode("utf-8")))
        os.rename(staging, entry)  # fails when another process put its entry there first: theirs is as good
    except OSError:
        pass
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def read_entry(entry: Path) -> Parts:
    """The parts from a cache entry, every file checked against the manifest (ValueError when one does not match)."""
    import numpy as np

    manifest = cache.unseal((entry / _MANIFEST).read_bytes())
    if manifest is None:
        raise ValueError(f"{entry}: the manifest does not match its hash")
    m = json.loads(manifest)
    if m["format"] != FORMAT:
        raise ValueError(f"{entry}: format {m['format']!r}")
    maps = {name: _mapped(entry / name, size, crc) for name, (size, crc) in m["files"].items()}

    def array(name: str) -> Any:
        shape, dtype = m["shapes_of"][name]
        return np.frombuffer(maps[name], dtype=dtype).reshape(shape)

    words = WordIds(maps[_WORDS], array(_OFFSETS), array(_TABLE), m["unk_id"], m["pad_id"])
    arrays = {i: array(f"array-{i}.bin") for i in m["arrays"]}
    return Parts(m["model"], arrays, m["navec_id"], array(_INDEXES), array(_CODES), words, m["shapes"], m["tags"])


def _write(path: Path, data: bytes) -> list[int]:
    """Write a file; its [size, CRC-32] for the manifest."""
    path.write_bytes(data)
    return [len(data), zlib.crc32(data)]


def _mapped(path: Path, size: int, crc: int) -> mmap.mmap:
    """The file memory-mapped, read-only, after checking its size and CRC-32 (ValueError when either differs)."""
    with path.open("rb") as f:
        if os.fstat(f.fileno()).st_size != size or size == 0:
            raise ValueError(f"{path}: expected {size} bytes")
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    if zlib.crc32(data) != crc:
        data.close()
        raise ValueError(f"{path}: damaged (CRC-32 differs)")
    return data


def _discard(entry: Path) -> None:
    """Move a damaged entry out of the way (renamed first, so no process sees it half deleted), then delete it."""
    try:
        doomed = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".tmp-stale-"))
    except OSError:
        return  # the directory cannot be written
    with contextlib.suppress(OSError):  # another process moved it already
        os.rename(entry, doomed / entry.name)
    shutil.rmtree(doomed, ignore_errors=True)
