"""Bytes to text: UTF-8 first, detection second, and a clear error instead of garbage.

Scraped corpora mix encodings. Valid UTF-8 (with or without a BOM) is taken as is; anything
else is decoded by charset-normalizer's guess, and the guess is reported. Binary data (NUL
bytes, or no encoding that explains the bytes) is refused for that document only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A well-formed multi-byte UTF-8 sequence (2, 3 or 4 bytes).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


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
    detected: bool  # True when the encoding was guessed rather than valid UTF-8


def decode(data: bytes, source: str, *, max_bytes: int | None = None) -> Decoded:
    """Decode one input's bytes, or raise :class:`InputError` saying why not."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(
            source, f"input is {len(data):,} bytes, over the limit of {max_bytes:,} (--max-bytes)"
        )
    if b"\x00" in data[:8192] or b"\x00" in data[-8192:]:
        raise InputError(source, "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
        return Decoded(text, "utf-8", False)
    except UnicodeDecodeError as exc:
        first_error = exc
    if _UTF8_MULTIBYTE.search(data):
        # Valid UTF-8 sequences beside invalid bytes: corrupted UTF-8, not another encoding.
        # Guessing a legacy encoding here would turn every correct character into mojibake.
        raise InputError(
            source,
            f"invalid UTF-8: byte 0x{data[first_error.start]:02x} at offset {first_error.start}",
        )
    from charset_normalizer import from_bytes  # lazy: only needed for non-UTF-8 input

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            source,
            f"not valid UTF-8 (byte 0x{data[first_error.start]:02x} at offset "
            f"{first_error.start}) and no other encoding explains it",
        )
    if _looks_binary(str(best)):
        raise InputError(source, "binary data, not text")
    return Decoded(str(best), best.encoding, True)


def _looks_binary(text: str) -> bool:
    """Too many control characters for text in any encoding."""
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / len(sample) > 0.05
