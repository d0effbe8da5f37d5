"""Bytes to text: UTF-8 first, detection second, and a clear error instead of garbage.

Scraped corpora mix encodings. The order of decisions, each cheap and predictable:

1. Over ``max_bytes``: refused before anything else.
2. A byte-order mark decides: UTF-8, UTF-16 or UTF-32 (the BOM is dropped). Bytes that do not
   decode under the encoding their BOM announces are an error.
3. UTF-16 without a BOM is recognised by its NUL bytes all falling on one side of each pair.
4. Otherwise NUL bytes, or the signature of a known binary format (gzip, PDF, PNG, ...), mean
   binary data: refused.
5. Valid UTF-8 is taken as is.
6. Mostly valid UTF-8 with a few invalid bytes is corrupted UTF-8, not another encoding:
   refused, because guessing a legacy encoding would turn every correct character into mojibake.
7. A ``<meta charset>`` declared in the first 4 KiB (web pages) is used when the bytes decode
   under it (Latin-1 and ASCII labels mean Windows-1252, as in browsers).
8. Western text (ASCII with isolated accented letters and typographic punctuation) that
   decodes as Windows-1252 is taken as Windows-1252, the WHATWG default for Latin-1 too;
   statistical detectors guess wrong (cp775, cp1250) on such short, mostly-ASCII samples.
9. Anything else is decoded by charset-normalizer's guess, and the guess is reported; no
   guess, or a guess that yields control characters, is refused.

``Decoded.detected`` is True whenever the encoding was not UTF-8 (steps 3, 7 to 9, and a
UTF-16/32 BOM), so callers can report it.
"""

from __future__ import annotations

import codecs
import encodings
import re
from dataclasses import dataclass


class InputError(ValueError):
    """An input that cannot be processed; ``str()`` is one line naming the source and reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    detected: bool  # True when the text was not UTF-8 (BOM-marked UTF-16/32, or a guess)


# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"%PDF-1.", "a PDF document"),
    (b"%PDF-2.", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (DOC/XLS)"),
    (b"\x7fELF", "an ELF executable"),
    *((b"BZh" + bytes([level]) + b"1AY&SY", "bzip2-compressed data") for level in b"123456789"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
)

_SAMPLE = 8192
# Bytes Windows-1252 leaves undefined.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
# Four or more non-ASCII bytes in a row: a word of Cyrillic, Greek, CJK..., not Western text.
_HIGH_RUN = re.compile(rb"[\x80-\xff]{4,}")
# Two or three non-ASCII bytes with no ASCII letter on either side: in Western text accented
# letters sit inside words, alone ("à") or beside punctuation; short words of them are another
# script. Punctuation and symbols (quotes, dashes, €, no-break space...) do not count.
_LONE_HIGH_RUN = re.compile(rb"(?<![A-Za-z])[\x80-\xff]{2,3}(?![A-Za-z])")
_CP1252_NON_LETTERS = bytes(
    b for b in range(0x80, 0x100) if not bytes([b]).decode("cp1252", "replace").isalpha()
)
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes surrogateescape could not decode


def decode(data: bytes, source: str, *, max_bytes: int | None = None) -> Decoded:
    """Decode one input's bytes, or raise :class:`InputError` saying why not.

    >>> decode("café".encode("utf-8"), "a.txt")
    Decoded(text='café', encoding='utf-8', detected=False)
    >>> decode("café".encode("cp1252"), "b.txt")
    Decoded(text='café', encoding='cp1252', detected=True)
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(
            source, f"input is {len(data):,} bytes, over the limit of {max_bytes:,} (--max-bytes)"
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom) :], encoding, source)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            if not _looks_binary(text):
                return Decoded(text, utf16, True)
    if b"\x00" in data[:_SAMPLE] or b"\x00" in data[-_SAMPLE:]:
        raise InputError(source, "binary data (NUL bytes), not text")
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(source, f"binary data ({what}), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as exc:
        first_error = exc
    invalid, valid_multibyte = _utf8_census(data)
    if valid_multibyte >= invalid:
        # Valid UTF-8 sequences outnumber the invalid bytes: corrupted UTF-8. Guessing a legacy
        # encoding here would turn every correct character into mojibake.
        raise InputError(
            source,
            f"invalid UTF-8: {invalid:,} invalid byte(s), the first 0x{data[first_error.start]:02x} "
            f"at offset {first_error.start}",
        )
    declared = _declared_charset(data)
    if declared is not None:
        try:
            return Decoded(data.decode(declared), declared, True)
        except (UnicodeDecodeError, LookupError):
            # The declaration is wrong, or names a codec that is not a text encoding ("uu",
            # "base64"): fall back to the evidence of the bytes.
            pass
    if _looks_western(data):
        return Decoded(data.decode("cp1252"), "cp1252", True)
    from charset_normalizer import from_bytes  # lazy: only needed for non-UTF-8 input

    # UTF-16/32 were handled above (BOM or NUL pattern); without NULs they are never right.
    best = from_bytes(
        data, cp_exclusion=["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]
    ).best()
    if best is None or best.encoding is None:
        raise InputError(
            source,
            f"not valid UTF-8 (byte 0x{data[first_error.start]:02x} at offset "
            f"{first_error.start}) and no other encoding explains it",
        )
    text = str(best)
    if _looks_binary(text):
        raise InputError(source, f"binary data, not text (best guess {best.encoding} yields control characters)")
    return Decoded(text, best.encoding, True)


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
# WHATWG: these labels mean windows-1252 in web pages.
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii",
                        "iso_8859-1", "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252"}


def _declared_charset(data: bytes) -> str | None:
    """The Python codec for a ``<meta charset>`` declared in the first 4 KiB, if Python knows it.

    A UTF-8 declaration is ignored here: the bytes were already found not to be UTF-8.
    """
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        name = encodings.normalize_encoding(codecs.lookup(label).name)  # as charset-normalizer names
    except LookupError:
        return None
    return None if name.startswith(("utf_8", "utf_16", "utf_32")) else name


def _decode_with_bom(body: bytes, encoding: str, source: str) -> Decoded:
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"invalid {encoding.upper()} after its byte-order mark: {exc.reason} at "
            f"offset {exc.start + _bom_length(encoding)}"
        ) from None
    if _looks_binary(text):
        raise InputError(source, f"binary data, not text (starts with a {encoding.upper()} byte-order mark)")
    return Decoded(text, encoding, encoding != "utf-8")


def _bom_length(encoding: str) -> int:
    return next(len(bom) for bom, name in _BOMS if name == encoding)


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit on one side of the byte pairs (Latin text in UTF-16)."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(data) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd > pairs * 0.3 and even <= odd * 0.05:
        return "utf-16-le"
    if even > pairs * 0.3 and odd <= even * 0.05:
        return "utf-16-be"
    return None


def _utf8_census(data: bytes) -> tuple[int, int]:
    """(invalid bytes, valid multi-byte characters) when ``data`` is read as UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(text) - len(_ESCAPED.sub("", text))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return invalid, non_ascii - invalid


def _looks_western(data: bytes) -> bool:
    """Accented letters within ASCII words, valid in Windows-1252: Western European text."""
    if _CP1252_UNDEFINED.search(data) or _HIGH_RUN.search(data):
        return False
    for run in _LONE_HIGH_RUN.findall(data):
        if run.translate(None, _CP1252_NON_LETTERS):
            return False  # a short word of letters outside ASCII: Cyrillic, Greek, ...
    return not _looks_binary(data.decode("cp1252"))


def _looks_binary(text: str) -> bool:
    """Too many control characters for text in any encoding."""
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / len(sample) > 0.05
