from rashomon.export.gdelt import GDELT_COLUMNS, gdelt_rows
from rashomon.model import Actor, Event, EventAnchor, TextSpan
from rashomon.store.events import StoredEvent


def test_one_row_of_61_columns_with_codes():
    event = Event(
        "v0123456789abcdef", "CONSULT", "visit", None, "043", 1, 2.8,
        Actor(0, 14, "Vladimir Putin", "e1", "Vladimir Putin", "RUS", "GOV"),
        Actor(20, 35, "Ahmed al-Sharaa", "e2", "Ahmed al-Sharaa", "SYR", None),
        False, "asserted", TextSpan(15, 21), "hosted", TextSpan(0, 60),
        place=EventAnchor(40, 47, "Kremlin", "e3"),
    )  # fmt: skip
    (row,) = gdelt_rows([StoredEvent(event, "a1", "TASS", "2025-10-21")], urls={"a1": "https://example.org/a"})
    assert len(row) == len(GDELT_COLUMNS) == 61
    values = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert values["SQLDATE"] == "20251021" and values["Actor1Code"] == "RUSGOV" and values["Actor2Code"] == "SYR"
    assert (values["EventCode"], values["EventRootCode"], values["QuadClass"]) == ("043", "04", "1")
    assert values["GoldsteinScale"] == "2.8" and values["ActionGeo_FullName"] == "Kremlin"
    assert values["SOURCEURL"] == "https://example.org/a" and values["IsRootEvent"] == "1"
