from rashomon.export.gdelt import GDELT_COLUMNS, gdelt_rows
from rashomon.model import Actor, Event, EventAnchor, Place, TextSpan
from rashomon.store.events import StoredEvent


def test_one_row_of_61_columns_with_codes():
    event = Event(
        "v0123456789abcdef", "CONSULT", "visit", None, "043", 1, 2.8,
        Actor(0, 14, "Vladimir Putin", "e1", "Vladimir Putin", "RUS", "GOV"),
        Actor(20, 35, "Ahmed al-Sharaa", "e2", "Ahmed al-Sharaa", "SYR", None),
        False, "asserted", TextSpan(15, 21), "hosted", TextSpan(0, 60),
        place=EventAnchor(40, 47, "Kremlin", "e3"),
        location=Place("rashomon:kremlin", None, "the Kremlin", "landmark", "RUS", None, 55.752, 37.618),
        location_source="sentence",
    )  # fmt: skip
    (row,) = gdelt_rows([StoredEvent(event, "a1", "TASS", "2025-10-21")], urls={"a1": "https://example.org/a"})
    assert len(row) == len(GDELT_COLUMNS) == 61
    values = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert values["SQLDATE"] == "20251021" and values["Actor1Code"] == "RUSGOV" and values["Actor2Code"] == "SYR"
    assert (values["EventCode"], values["EventRootCode"], values["QuadClass"]) == ("043", "04", "1")
    assert values["GoldsteinScale"] == "2.8" and values["ActionGeo_FullName"] == "the Kremlin, Russia"
    assert (values["ActionGeo_Type"], values["ActionGeo_CountryCode"]) == ("4", "RS")  # FIPS, not ISO
    assert (values["ActionGeo_Lat"], values["ActionGeo_Long"]) == ("55.7520", "37.6180")
    assert values["SOURCEURL"] == "https://example.org/a" and values["IsRootEvent"] == "1"


def test_country_location_uses_fips_code_as_feature_id():
    syria = Place("geonames:163843", 163843, "Syria", "country", "SYR", None, 35.0, 38.0)
    event = Event(
        "v0000000000000001", "ASSAULT", None, None, "190", 4, -10.0, None, None, False, "asserted",
        TextSpan(0, 5), "strikes", TextSpan(0, 30), location=syria, location_source="article",
    )  # fmt: skip
    (row,) = gdelt_rows([StoredEvent(event, "a1", None, None)], urls={})
    values = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert (values["ActionGeo_Type"], values["ActionGeo_FeatureID"], values["ActionGeo_FullName"]) == (
        "1",
        "SY",
        "Syria",
    )
