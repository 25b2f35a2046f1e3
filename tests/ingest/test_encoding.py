from rashomon.ingest.encoding import decode_bytes, looks_binary, repair_lost_characters


def test_utf8_passes_through():
    decoded = decode_bytes("Ahmed al-Sharaa’s visit".encode())
    assert decoded.text == "Ahmed al-Sharaa’s visit" and decoded.fallback_lines == 0


def test_mixed_lines_fall_back_to_cp1252_per_line():
    data = "caf\u00e9 in utf-8\n".encode() + "na\u00efve \u2013 cp1252\n".encode("cp1252")
    decoded = decode_bytes(data)
    assert decoded.text == "caf\u00e9 in utf-8\nna\u00efve \u2013 cp1252\n"
    assert decoded.fallback_lines == 1


def test_bytes_no_codec_decodes_are_kept_as_markers_and_repaired():
    decoded = decode_bytes(b"Syria\x95_s talks \x95_ monitor \x95\x81Time is short\n")
    assert decoded.lost_bytes == 1
    assert repair_lost_characters(decoded.text) == "Syria\u2019s talks \u2013 monitor \u201cTime is short\n"


def test_binary_detection():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert not looks_binary("plain text, ünïcode".encode())
