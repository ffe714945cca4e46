"""Readings kept in the user cache: a later process gets the same answers without the dictionary; a damaged store is rebuilt."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

# readings, an inflection and a lexeme of a few forms, then whether pymorphy3 was loaded to answer them
PROBE = """
import json, sys
from briefgen import lang
from briefgen.lang import grammar as g
words = ["делегаций", "подписали", "соглашение", "Ташкенте"]
out = {w: [[r.lemma, r.pos, r.case, sorted(r.marks), r.score, r.known] for r in lang.readings(w)] for w in words}
out["inflected"] = lang.readings("делегаций")[0].inflect(g.NOM, g.PLURAL)
out["lexeme"] = len(lang.readings("соглашение")[0].forms())
out["known"] = [lang.is_known("делегаций"), lang.is_known("бзщклм")]
print(json.dumps([out, "pymorphy3" in sys.modules]))
"""


def probe() -> tuple[dict, bool]:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    answers, loaded = json.loads(out.stdout)
    return answers, loaded


def stores(user_cache):
    return list(user_cache.glob("readings-*.sqlite"))


def test_a_second_process_answers_from_the_store_without_the_dictionary(user_cache):
    first, first_loaded = probe()
    second, second_loaded = probe()
    assert first_loaded and not second_loaded
    assert second == first
    assert first["inflected"] == "делегации" and first["known"] == [True, False]


def test_a_damaged_store_is_deleted_and_built_again(user_cache):
    expected, _ = probe()
    [store] = stores(user_cache)
    store.write_bytes(b"not a database at all" * 100)
    again, loaded = probe()
    assert again == expected and loaded  # the analyser answered: nothing was read from the damaged file
    [store] = stores(user_cache)
    with sqlite3.connect(store) as db:  # a sound store again, holding the forms
        assert db.execute("SELECT count(*) FROM forms WHERE form = 'делегаций'").fetchone() == (1,)


def test_no_store_when_the_cache_is_off(user_cache, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_NO_CACHE", "1")
    _, loaded = probe()
    assert loaded and not user_cache.exists()


def test_a_store_past_its_size_is_started_afresh(user_cache, monkeypatch):
    from briefgen.lang import stored_readings

    probe()
    [store] = stores(user_cache)
    monkeypatch.setattr(stored_readings, "MAX_BYTES", 0)
    kept = stored_readings.Store(store.stem)
    kept.put("новая", (True, ()))
    kept.save()
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT form FROM forms").fetchall() == [("новая",)]


def test_two_processes_adding_at_once_both_land(user_cache):
    code = "from briefgen import lang\nfor w in {words!r}: lang.readings(w)\n"
    batches = [["переговоры", "соглашение"], ["делегация", "министр"]]
    runs = [subprocess.Popen([sys.executable, "-c", code.format(words=words)]) for words in batches]
    assert [r.wait() for r in runs] == [0, 0]
    [store] = stores(user_cache)
    with sqlite3.connect(store) as db:
        kept = {row[0] for row in db.execute("SELECT form FROM forms")}
    assert {w for words in batches for w in words} <= kept


def test_forms_read_ahead_take_a_query_per_batch_and_answer_as_read_one_by_one(user_cache, monkeypatch):
    from briefgen.lang import stored_readings

    store_name = "readings-test"
    answers = {f"форма{i}": (True, ((f"лемма{i}", i),)) for i in range(23)}
    writer = stored_readings.Store(store_name)
    for key, answer in answers.items():
        writer.put(key, answer)
    writer.save()
    monkeypatch.setattr(stored_readings, "BATCH", 10)
    reader = stored_readings.Store(store_name)
    queries: list[str] = []
    reader._open().set_trace_callback(queries.append)
    reader.read_ahead({*answers, "никогда"})
    assert len(queries) == 3  # 24 keys, 10 to a query
    assert {key: reader.get(key) for key in answers} == answers
    assert reader.get("никогда") is None
    assert len(queries) == 4  # only the form the store does not have was asked again


def test_a_text_is_read_ahead_once_in_extraction(user_cache, seed_path):
    """The extraction of a text met before reads its forms' readings in a few queries, not one per form."""
    code = (
        "import sqlite3, sys\nfrom briefgen.extract import extract_brief\nfrom briefgen.source import read_source\n"
        "from briefgen.lang import stored_readings\nqueries = []\nopen_ = stored_readings.Store._connect\n"
        "def traced(path):\n    db = open_(path)\n    db.set_trace_callback(queries.append)\n    return db\n"
        "stored_readings.Store._connect = staticmethod(traced)\n"
        f"extract_brief(read_source({str(seed_path)!r}))\n"
        "print(sum(q.startswith('SELECT') for q in queries), 'pymorphy3' in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    assert out[1] == "False"  # every form came from the store
    assert int(out[0]) < 150  # 627 one by one; read ahead: 2 queries, plus the inflections and lexemes asked singly


def test_what_was_read_ahead_and_never_asked_for_is_dropped_at_the_next_read_ahead(user_cache):
    from briefgen.lang import stored_readings

    writer = stored_readings.Store("readings-test")
    for key in ("первый", "второй", "третий"):
        writer.put(key, (True, ()))
    writer.save()
    reader = stored_readings.Store("readings-test")
    reader.read_ahead({"первый", "второй"})
    reader.read_ahead({"третий"})
    assert set(reader.ahead) == {"третий"}
    assert reader.get("первый") == (True, ())  # still answered, by a query of its own
