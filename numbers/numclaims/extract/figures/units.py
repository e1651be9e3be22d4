"""Units and currencies: which unit a word or symbol after a number names, and which currency
stands before it."""

from __future__ import annotations

from .grammar import _Context, _title_line
from .language import _contiguous, _Lexicon, _Unit
from .record import _Cand


def _currency_before(ctx: _Context, k: int, floor: int) -> tuple[_Unit, int] | None:
    toks = ctx.toks
    for length in (3, 2, 1):
        start = k - length
        if start < floor or not _contiguous(toks, start, k + 1):
            continue
        if any(not toks[m].fused for m in range(start + 1, k)):
            continue
        if toks[k].start - toks[k - 1].end > 1:
            continue
        key = ctx.text[toks[start].start:toks[k - 1].end]
        unit = ctx.lex.prefix_currencies.get(key)
        if unit is not None and not (start > 0 and toks[start].fused and
                                     toks[start - 1].kind == "word"):
            return unit, start
    return None


def _unit_at(ctx: _Context, j: int, ceiling: int, cand: _Cand) -> tuple[_Unit, int] | None:
    toks, lex = ctx.toks, ctx.lex
    for length in range(min(lex.max_unit_tokens, ceiling - j), 0, -1):
        end = j + length
        if not _contiguous(toks, j, end) or any(
                toks[m].start - toks[m - 1].end > 1 for m in range(j + 1, end)):
            continue
        if end < len(toks) and toks[end].fused and toks[end].kind in ("word", "num"):
            continue  # the unit must end where the word ends
        key = " ".join(ctx.text[toks[j].start:toks[end - 1].end].split())
        if length == 1 and len(key) == 1 and key.isalpha() and not toks[j].fused and \
                key not in lex.spaced_letters:
            continue
        if length == 1 and _capitalised_word(ctx, j) and key in lex.symbol_units and \
                lex.symbol_units.get(key.lower()) != lex.symbol_units[key]:
            continue  # "Gunman Kills Four At Texas Mall": a headline word, not ampere-turns;
            # "Cuts Of 2.2 Million Bpd" is a headline's "bpd"
        if length == 1 and toks[j].fused and key in lex.fused_symbols:
            return lex.fused_symbols[key], end  # "a 6.5in display"
        unit = _resolve_unit(lex, key, cand.scale > 1)
        if unit is not None:
            return _sense(ctx, j, key, unit), end
    return None


#: How many tokens either side of a unit symbol are read for the words that tell its sense.
_SENSE_WINDOW = 12


def _sense(ctx: _Context, j: int, key: str, unit: _Unit) -> _Unit:
    """The unit a symbol of two means here (units.toml [senses]): "45nm off the coast" is
    nautical miles, "3nm chips" nanometres."""
    sense = ctx.lex.senses.get(key)
    if sense is None:
        return unit
    other, near = sense
    toks = ctx.toks
    # outward from the symbol, each way to the end of its sentence or of the window
    for steps in (range(j, min(len(toks), j + _SENSE_WINDOW)),
                  range(j - 1, max(0, j - _SENSE_WINDOW) - 1, -1)):
        for k in steps:
            if toks[k].low in near:
                return other
            if toks[k].text in (".", "!", "?"):
                break
    return unit


def _capitalised_word(ctx: _Context, j: int) -> bool:
    """A word written apart from the number, capitalised like the others in a headline."""
    tok = ctx.toks[j]
    return not tok.fused and tok.kind == "word" and len(tok.text) > 1 and tok.text[0].isupper() \
        and tok.text[1:].islower() and _title_line(ctx, j)


def _resolve_unit(lex: _Lexicon, key: str, scaled: bool) -> _Unit | None:
    candidates = lex.symbol_units.get(key) or lex.word_units.get(key.lower())
    if not candidates:
        return lex.scaled_words.get(key.lower()) if scaled else None
    preferred = (scaled and lex.preferred_with_scale.get(key.lower())) or lex.preferred.get(
        key) or lex.preferred.get(key.lower())
    unit = next((u for u in candidates if u.name == preferred), candidates[0])
    return None if unit.name == "count" else unit
