"""The NER model's cache entry: used by the next process, the same tagging as natasha's files, never trusted damaged."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from briefgen import cache, model_cache
from briefgen.model_cache import WordIds

TEXT = (
    "Президент Казахстана Касым-Жомарт Токаев провёл переговоры с премьер-министром Индии в Нью-Дели.\n"
    "Министерство иностранных дел Узбекистана сообщило о визите делегации «Газпрома» в Ташкент."
)


def spans(tagger, text: str = TEXT) -> list[tuple[int, int, str]]:
    return [(s.start, s.stop, s.type) for s in tagger(text).spans]


@pytest.fixture(scope="module")
def unpacked():
    """The model as natasha's files give it (no cache)."""
    return model_cache.unpack(*model_cache.model_files())


@pytest.fixture(scope="module")
def good_entry(tmp_path_factory, unpacked):
    """A cache entry written once for this module; tests damage copies of it."""
    entry = tmp_path_factory.mktemp("models") / "ner-test"
    model_cache.store(unpacked, entry)
    return entry


@pytest.fixture
def entry(good_entry, tmp_path):
    copy = tmp_path / good_entry.name
    shutil.copytree(good_entry, copy)
    return copy


def test_the_cached_model_tags_as_natashas_files_do(unpacked, good_entry):
    from_files = spans(model_cache.assemble(unpacked))
    assert {t for _, _, t in from_files} == {"PER", "LOC", "ORG"}
    assert spans(model_cache.assemble(model_cache.read_entry(good_entry))) == from_files


def test_the_cached_arrays_are_bit_for_bit_natashas(unpacked, good_entry):
    cached = model_cache.read_entry(good_entry)
    assert cached.arrays.keys() == unpacked.arrays.keys()
    for i, array in unpacked.arrays.items():
        assert cached.arrays[i].dtype == array.dtype and cached.arrays[i].tobytes() == array.tobytes()
    assert cached.indexes.tobytes() == unpacked.indexes.tobytes() and cached.codes.tobytes() == unpacked.codes.tobytes()
    assert (cached.model, cached.navec_id, cached.shapes, cached.tags) == (
        unpacked.model, unpacked.navec_id, unpacked.shapes, unpacked.tags)


def test_the_cached_vocabulary_gives_every_word_its_id(unpacked, good_entry):
    words = model_cache.read_entry(good_entry).words
    vocab = unpacked.words
    assert all(words.encode(w) == i for w, i in vocab.item_ids.items())
    assert (words.unk_id, words.pad_id) == (vocab.unk_id, vocab.pad_id)


@pytest.mark.parametrize(
    ["word", "expected"],
    [
        ("мир", 3),  # a repeated word: its last id, as slovnet's dict has it
        ("дом", 4),
        ("", 5),
        ("мира", 1),  # not in the vocabulary: the unknown word's id
        ("\udc80", 1),  # a lone surrogate: never in a vocabulary read from UTF-8
    ],
)
def test_word_ids_look_up_as_a_dict_would(word, expected):
    items = ["<pad>", "<unk>", "мир", "мир", "дом", ""]
    ids = {w: i for i, w in enumerate(items)}
    assert WordIds.build(ids, len(items), unk_id=1, pad_id=0).encode(word) == expected


def test_a_second_process_uses_the_cache(tmp_path):
    """The first process writes the entry; the second tags from it with natasha's loader taken away."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("BRIEFGEN_NO_CACHE", None)
    tag = f"from briefgen import nlp\nprint(json.dumps(list(nlp.entities({TEXT!r}))))"

    def run(code: str) -> list:
        out = subprocess.run([sys.executable, "-c", f"import json\n{code}"], env=env, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    first = run(tag)
    assert len(list(tmp_path.glob("briefgen/ner-*/manifest"))) == 1
    second = run(f"from briefgen import model_cache\nmodel_cache.unpack = None\n{tag}")
    assert second == first and {t for _, _, t in first} == {"PER", "LOC", "ORG"}


def _cut(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ["name", "damage"],
    [
        ("navec-indexes.bin", _cut),  # partly written
        ("navec-indexes.bin", _flip),
        ("word-table.bin", _flip),
        ("words.bin", _flip),
        ("array-1.bin", os.remove),
        ("manifest", _flip),
        ("manifest", os.remove),  # the manifest is written last: an entry without one is partial
    ],
)
def test_a_damaged_entry_is_detected(entry, name, damage):
    damage(entry / name)
    with pytest.raises((ValueError, OSError)):
        model_cache.read_entry(entry)


def test_a_damaged_entry_is_rebuilt_not_trusted(good_entry, tmp_path, monkeypatch, unpacked):
    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path)
    entry = tmp_path / model_cache.entry_name()
    shutil.copytree(good_entry, entry)
    _flip(entry / "navec-indexes.bin")
    unpacks = []
    monkeypatch.setattr(model_cache, "unpack", lambda *files: unpacks.append(files) or unpacked)
    tagger = model_cache.ner_tagger()
    assert len(unpacks) == 1
    assert spans(tagger) == spans(model_cache.assemble(unpacked))
    model_cache.read_entry(entry)  # whole again
    assert [p.name for p in tmp_path.iterdir()] == [entry.name]  # nothing left aside


def test_two_processes_storing_at_once_leave_one_entry(unpacked, tmp_path):
    entry = tmp_path / "ner-test"
    model_cache.store(unpacked, entry)
    model_cache.store(unpacked, entry)  # the second finds the first's in place and drops its own
    assert [p.name for p in tmp_path.iterdir()] == ["ner-test"]
    model_cache.read_entry(entry)
