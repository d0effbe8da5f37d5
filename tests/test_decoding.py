"""Bytes to text: every encoding class we meet in scraped corpora, and clear refusals."""

from __future__ import annotations

import codecs
import gzip
import os
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.decoding import Decoded, InputError, decode

WESTERN = "The minister’s “café” visit – naïve, señor? Über 5 € at the Fête.\n"
GERMAN = "Über den Fluß gingen die Bürger; à la française, señor año.\n"
RUSSIAN = "Москва - столица России. Сегодня хорошая погода, и все рады.\n"
JAPANESE = "日本語のテキストです。東京は日本の首都です。今日は良い天気ですね。\n"
CHINESE = "中文文本，北京是中国的首都。今天天气很好，我们去公园散步。\n"
GREEK = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη.\n"


def test_utf8_is_taken_as_is() -> None:
    assert decode(WESTERN.encode("utf-8"), "a.txt") == Decoded(WESTERN, "utf-8", False)


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + b"Hello", "a.txt") == Decoded("Hello", "utf-8", False)


def test_empty_input_is_empty_text() -> None:
    assert decode(b"", "a.txt") == Decoded("", "utf-8", False)


@pytest.mark.parametrize("text", [WESTERN, GERMAN, "café", "“hi”", "naïve résumé\r\n" * 3])
@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_western_single_byte_text_decodes_as_cp1252(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot encode {text!r}")
    decoded = decode(data, "w.txt")
    assert decoded == Decoded(text, "cp1252", True)


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (RUSSIAN * 3, "koi8-r", {"koi8_r"}),
        (RUSSIAN * 3, "cp1251", {"cp1251", "windows_1251"}),
        (JAPANESE * 3, "shift_jis", {"shift_jis", "cp932"}),
        (CHINESE * 3, "gb18030", {"gb18030", "gb2312", "gbk"}),
        (GREEK * 3, "iso8859_7", {"iso8859_7", "cp1253", "windows_1253"}),
    ],
)
def test_other_legacy_encodings_are_detected_and_reported(
    text: str, encoding: str, expected: set[str]
) -> None:
    decoded = decode(text.encode(encoding), "x.txt")
    assert decoded.detected
    assert decoded.text == text
    assert decoded.encoding in expected


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
@pytest.mark.parametrize("text", [WESTERN, RUSSIAN, "Short\n"])
def test_utf16_and_utf32_with_bom_decode(codec: str, text: str) -> None:
    bom = {
        "utf-16": b"", "utf-32": b"",
        "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[codec]
    decoded = decode(bom + text.encode(codec), "u.txt")
    assert decoded.text == text
    assert decoded.detected
    assert decoded.encoding.startswith(codec[:6])


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_bomless_utf16_of_latin_text_decodes(codec: str, name: str) -> None:
    text = "Plain English article text\nwith two lines.\n"
    assert decode(text.encode(codec), "u.txt") == Decoded(text, name, True)


def test_truncated_utf16_after_bom_is_an_error_not_garbage() -> None:
    data = codecs.BOM_UTF16_LE + "Hello".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(InputError, match=r"u\.txt: invalid UTF-16-LE after its byte-order mark"):
        decode(data, "u.txt")


def test_corrupted_utf8_is_an_error_naming_the_first_bad_byte() -> None:
    data = "Café naïve ".encode() * 5 + b"\xff" + "résumé".encode()
    with pytest.raises(InputError) as info:
        decode(data, "bad.txt")
    offset = data.index(b"\xff")
    assert str(info.value) == (
        f"bad.txt: invalid UTF-8: 1 invalid byte(s), the first 0xff at offset {offset}"
    )


def test_truncated_utf8_sequence_at_end_is_an_error() -> None:
    data = "Crème brûlée".encode() + "é".encode()[:1]
    with pytest.raises(InputError, match="invalid UTF-8"):
        decode(data, "t.txt")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "NUL bytes"),
        (gzip.compress(b"hello world " * 100), "NUL bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\xff\xd8\xff\xe0JFIF", "a JPEG image"),
        (b"PK\x03\x04\x14\x06", "a ZIP archive"),
        (b"text with a NUL\x00 in it", "NUL bytes"),
    ],
)
def test_binary_input_is_refused_with_the_reason(data: bytes, what: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "bin.dat")
    assert str(info.value).startswith("bin.dat: binary data (")
    assert what in str(info.value)


def test_high_bytes_without_nul_that_no_encoding_explains_are_refused() -> None:
    data = bytes(i % 255 + 1 for i in range(3000))
    with pytest.raises(InputError, match=r"^b\.bin: (not valid UTF-8|binary data)"):
        decode(data, "b.bin")


def test_random_bytes_never_decode_to_silent_garbage() -> None:
    rng = random.Random(7)
    refused = 0
    for _ in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 600)))
        try:
            decoded = decode(data, "r.bin")
        except InputError as exc:
            assert str(exc).startswith("r.bin: ")
            refused += 1
            continue
        # Whatever was accepted holds no C0 control characters beyond a trace.
        controls = sum(ch < " " and ch not in "\t\n\r\f" for ch in decoded.text[:4096])
        assert controls <= 0.05 * max(1, len(decoded.text[:4096]))
    assert refused >= 150  # uniformly random bytes are nearly always binary


def test_size_limit_is_checked_before_decoding() -> None:
    with pytest.raises(InputError, match=r"^big\.txt: input is 1,001 bytes, over the limit of 1,000"):
        decode(b"a" * 1001, "big.txt", max_bytes=1000)
    assert decode(b"a" * 1000, "big.txt", max_bytes=1000).text == "a" * 1000


def test_large_cp1252_input_decodes_quickly_enough() -> None:
    data = ("x" * 1000 + "é\n").encode("cp1252") * 5000  # 5 MB
    assert decode(data, "big.txt").encoding == "cp1252"


def test_os_urandom_inputs_are_refused_or_decoded() -> None:
    for _ in range(20):
        data = os.urandom(4096)
        try:
            decode(data, "u.bin")
        except InputError as exc:
            assert exc.source == "u.bin" and exc.reason


@pytest.mark.parametrize(
    ("text", "label", "codec", "expected"),
    [
        (JAPANESE, "Shift_JIS", "shift_jis", "shift_jis"),
        (RUSSIAN, "windows-1251", "cp1251", "cp1251"),
        (GREEK, "ISO-8859-7", "iso8859_7", "iso8859_7"),
        (WESTERN, "iso-8859-1", "cp1252", "cp1252"),  # browsers read Latin-1 as Windows-1252
    ],
)
def test_declared_meta_charset_of_a_page_is_used(text: str, label: str, codec: str, expected: str) -> None:
    page = f'<html><head><meta charset="{label}"><title>t</title></head><body><p>{text}</p></body></html>'
    decoded = decode(page.encode(codec), "p.html")
    assert decoded == Decoded(page, expected, True)


def test_http_equiv_charset_and_a_wrong_declaration() -> None:
    page = ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">' + RUSSIAN * 2)
    assert decode(page.encode("koi8-r"), "p.html").encoding == "koi8_r"
    lying = '<meta charset="ascii">' + WESTERN  # says ASCII, is Windows-1252: still right
    assert decode(lying.encode("cp1252"), "p.html") == Decoded(lying, "cp1252", True)
    wrong = '<meta charset="shift_jis">' + "Caf\u00e9 \u00e0 la cr\u00e8me br\u00fbl\u00e9e"
    assert decode(wrong.encode("cp1252"), "p.html").text == wrong  # undecodable label ignored
    not_text = '<meta charset="uu">' + WESTERN  # a codec Python knows, but not a text encoding
    assert decode(not_text.encode("cp1252"), "p.html") == Decoded(not_text, "cp1252", True)


def test_bzip2_and_text_that_merely_starts_like_it() -> None:
    import bz2

    data = bz2.compress(b"hello " * 100)
    with pytest.raises(InputError, match=r"binary data \((bzip2-compressed data|NUL bytes)\)"):
        decode(data, "x.bz2")
    with pytest.raises(InputError, match=r"binary data \(bzip2-compressed data\)"):
        decode(data.replace(b"\x00", b"\x01"), "x.bz2")  # no NUL: the signature decides
    assert decode(b"BZh is not a header", "t.txt").text == "BZh is not a header"
    assert decode(b"%PDF- format notes", "t.txt").text == "%PDF- format notes"


utf8_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=300
).filter(lambda t: not t.startswith("\ufeff"))


@settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "300")), deadline=None)
@given(utf8_text)
def test_any_utf8_text_decodes_to_itself(text: str) -> None:
    assert decode(text.encode("utf-8"), "u.txt") == Decoded(text, "utf-8", False)


@settings(max_examples=200, deadline=None)
@given(utf8_text, st.sampled_from(["utf-16", "utf-32"]))
def test_any_text_with_a_utf16_or_utf32_bom_decodes_to_itself(text: str, codec: str) -> None:
    try:
        decoded = decode(text.encode(codec), "u.txt")
    except InputError as exc:  # only text that is mostly control characters may be refused
        assert "binary data" in exc.reason
        assert sum(ch < " " and ch not in "\t\n\r\f" for ch in text[:4096]) > 0.05 * len(text[:4096])
        return
    assert decoded.text == text


western_word = st.builds(
    lambda head, accent, tail: head + accent + tail,
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=6),
    st.sampled_from(["", "", "é", "è", "ü", "ö", "ß", "ñ", "ç", "à", "ø", "å", "’", "”", "€", "–"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=6),
)
western_text = st.lists(western_word, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "300")), deadline=None)
@given(western_text)
def test_western_text_in_cp1252_decodes_to_itself(text: str) -> None:
    data = text.encode("cp1252")
    decoded = decode(data, "w.txt")
    assert decoded.text == text
    assert decoded.detected == (data != text.encode("utf-8"))


@settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "300")), deadline=None)
@given(st.binary(max_size=500))
def test_any_bytes_decode_or_are_refused_with_a_reason(data: bytes) -> None:
    try:
        decoded = decode(data, "b.bin")
    except InputError as exc:
        assert exc.source == "b.bin" and exc.reason
        return
    assert isinstance(decoded.text, str)
    assert not any("\ud800" <= ch <= "\udfff" for ch in decoded.text)
