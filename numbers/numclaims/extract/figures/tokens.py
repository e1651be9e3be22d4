"""Tokens: numerals, words and marks, with their places in the text; the values of digit
numerals."""

from __future__ import annotations

import re
import unicodedata

_NUMERAL = r"""
(?:
    \d+(?:\.\d+){2,}                                      # dotted chain: 1.234.567, 192.168.1.2
  | \d{1,3}(?:\.\d{3})+,\d+(?!\d)                          # European: 1.111,11
  | \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d])            # Indian: 12,34,567.89
  | \d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])                  # 1,234,567.89
  | \d{1,3}(?:[\u0020\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?![\d])   # 1 234 567
  | (?<!\d,)\d{1,3},\d{1,2}(?![\d]|,\d)                   # decimal comma: 5,00  1,3
  | \d+(?:\.\d+)?
  | (?<![\w.])\.\d+                                       # .08
)
(?:[eE][+-]?\d+(?!\w))?                                   # 1e10, -12e-1
(?:\^[+-]?\d+|[x×]10\^[+-]?\d+)?                          # 1.1^23, 1.3x10^6
"""


_TOKEN_RE = re.compile(
    rf"(?P<num>{_NUMERAL})|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<punct>\S)", re.VERBOSE
)


_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009")


class _Tok:
    """One token: a numeral, a word or a punctuation mark, with its place in the text."""

    __slots__ = ("kind", "text", "low", "start", "end", "fused", "newline", "value", "model")

    def __init__(self, kind: str, text: str, start: int, end: int, fused: bool, newline: bool):
        self.kind = kind
        self.text = text
        self.low = text.lower() if "’" not in text else text.lower().replace("’", "'")
        self.start = start
        self.end = end
        self.fused = fused  # written straight after the previous token, no space
        self.newline = newline  # a line break separates it from the previous token
        self.model = False  # a model number after a count ("24 737 MAX jets"): not a quantity
        self.value: float | None = None
        if kind == "num":
            self.value = _numeral_value(text)
        elif len(text) == 1:  # "½" is a word character to the regex
            self.value = _vulgar_fraction(text)
            if self.value is not None:
                self.kind = "num"


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    prev_end = 0
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        fused = start == prev_end and prev_end > 0
        newline = not fused and text.find("\n", prev_end, start) >= 0
        split = _model_after_count(text, match) if match.lastgroup == "num" else None
        if split is not None:
            tokens.append(_Tok("num", text[start:split[0]], start, split[0], fused, newline))
            start, fused, newline = split[1], False, False
        tok = _Tok(match.lastgroup or "punct", text[start:end], start, end, fused, newline)
        if split is not None:
            tok.model = True
        tokens.append(tok)
        prev_end = end
    return tokens


_SPACED_GROUP_RE = re.compile(r"\d{1,3}(?:[\u0020\u00a0\u202f\u2009]\d{3})+")


_CAPITALISED_AFTER_RE = re.compile(r"[\u0020\u00a0]*[A-Z]")


def _model_after_count(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """Where to split "24 737" in "24 737 MAX jets": a count, then a model number.

    Digits grouped by spaces ("1 234 567") are one number only when no capitalised word follows:
    before one, the last group names a model ("24 737 MAX jets", "12 787 Dreamliners"). Returns the
    end of the count and the start of the model number.
    """
    if not _SPACED_GROUP_RE.fullmatch(match.group()):
        return None
    if not _CAPITALISED_AFTER_RE.match(text, match.end()):
        return None
    cut = max(match.group().rfind(sep) for sep in " \u00a0\u202f\u2009")
    return match.start() + cut, match.start() + cut + 1


def _vulgar_fraction(text: str) -> float | None:
    """The value of "½", "¾", "⅔"; None for any other mark."""
    if len(text) != 1 or unicodedata.category(text) != "No":
        return None
    value = unicodedata.numeric(text, None)
    return value if value is not None and 0 < value < 1 else None


# The largest magnitude read as a number. A googol is as large as any text states a quantity;
# past it the arithmetic of bounds and scales ("1e308 billion", a rounded range) would overflow
# to infinity, so "9" written 309 times or "1E309" is a string of digits, not a figure.
MAX_MAGNITUDE = 1e100


def _numeral_value(text: str) -> float | None:
    """The value of a digit numeral, or None for an identifier (192.168.1.2, 17.05.2018) or a
    number beyond :data:`MAX_MAGNITUDE`."""
    value = _stated_value(text)
    if value is None or not abs(value) <= MAX_MAGNITUDE:
        return None
    return value


def _stated_value(text: str) -> float | None:
    power = re.search(r"(?:\^|[x×]10\^)([+-]?\d+)$", text)
    if power:
        text = text[: power.start()]
    exponent = re.search(r"[eE][+-]?\d+$", text)
    mantissa = text[: exponent.start()] if exponent else text
    if mantissa.count(".") > 1:
        if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", mantissa):
            return None
        mantissa = mantissa.replace(".", "")
    elif "." in mantissa and "," in mantissa and mantissa.index(".") < mantissa.index(","):
        mantissa = mantissa.replace(".", "").replace(",", ".")  # European 1.111,11
    elif re.fullmatch(r"\d{1,3},\d{1,2}", mantissa):
        mantissa = mantissa.replace(",", ".")  # decimal comma
    value = float(mantissa.translate(_SEPARATORS) + (exponent.group() if exponent else ""))
    if power:
        exp = int(power.group(1))
        if abs(exp) > 300:
            return None
        try:
            value = value * 10.0**exp if "10^" in power.group() else value**exp
        except OverflowError:  # "99^300"
            return None
    return value
