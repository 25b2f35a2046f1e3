"""Bad input: each case yields one Problem naming the file (and line); the batch goes on."""

import os

from rashomon.config import Settings
from rashomon.ingest.readers import read_inputs
from rashomon.model import Problem, RawDocument


def _read(paths, **kwargs):
    return list(read_inputs([str(p) for p in paths], settings=kwargs.pop("settings", Settings()), **kwargs))


def test_directory_is_read_recursively_in_order(tmp_path, fixture_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "two.txt").write_text("Second file with enough words in it to count.", encoding="utf-8")
    (tmp_path / "a" / "one.txt").write_text("First file with enough words in it to count.", encoding="utf-8")
    (tmp_path / "a" / "ignored.bin").write_bytes(b"\x00\x01")
    items = _read([tmp_path])
    assert [os.path.basename(i.origin) for i in items] == ["one.txt", "two.txt"]


def test_empty_binary_unsupported_missing(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "data.pdf").write_bytes(b"%PDF-1.4")
    items = _read([tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "data.pdf", tmp_path / "missing.txt"])
    assert [(type(i), i.code) for i in items] == [
        (Problem, "empty"),
        (Problem, "binary"),
        (Problem, "unsupported"),
        (Problem, "not-found"),
    ]
    assert all(str(tmp_path) in str(i) for i in items)


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 owners in Damascus said prices rose again this week.".encode("cp1252"))
    warning, document = _read([path])
    assert isinstance(warning, Problem) and warning.severity == "warning" and warning.code == "not-utf8"
    assert isinstance(document, RawDocument) and "Caf\u00e9" in document.body


def test_oversized_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 2_000)
    (problem,) = _read([path], settings=Settings(max_file_bytes=1_000))
    assert problem.code == "too-large" and "1,000-byte" in problem.reason


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")

    def refuse(*args, **kwargs):  # root reads any file, so the refusal is simulated
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("rashomon.ingest.readers.open", refuse, raising=False)
    (problem,) = _read([path])
    assert problem.code == "unreadable" and str(path) in str(problem)


def test_jsonl_bad_lines_are_reported_with_line_numbers(fixture_path):
    items = _read([fixture_path / "wire.jsonl"])
    problems = [i for i in items if isinstance(i, Problem)]
    documents = [i for i in items if isinstance(i, RawDocument)]
    assert [(p.code, p.line) for p in problems] == [("bad-json", 3), ("no-text", 4)]
    assert [d.source_id for d in documents] == ["w-1", "w-2", "w-4"]
    assert documents[0].outlet == "reuters" and documents[0].published == "2025-07-20"


def test_field_names_can_be_given(tmp_path):
    from rashomon.ingest.records import FieldMap

    path = tmp_path / "custom.jsonl"
    path.write_text(
        '{"story": "x", "copy": "Officials in Aleppo said the market reopened on Monday.", "paper": "Daily"}\n',
        encoding="utf-8",
    )
    (document,) = _read([path], fields=FieldMap(text="copy", outlet="paper"))
    assert document.body.startswith("Officials") and document.outlet == "Daily"


def test_stdin_is_sniffed(fixture_path):
    import io

    stream = io.BytesIO((fixture_path / "wire.jsonl").read_bytes())
    items = list(read_inputs(["-"], settings=Settings(), stdin=stream))
    assert sum(isinstance(i, RawDocument) for i in items) == 3
    assert all(i.origin == "<stdin>" for i in items)
