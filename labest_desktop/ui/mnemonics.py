"""Keyboard mnemonics (the underlined ``&`` letter) for menus built from data: the
columns of the list, the stages a card can move to. Fixed menus carry theirs in
their translated texts; these get the first free letter, never one already taken in
the same menu."""

from __future__ import annotations

from collections.abc import Iterable


def mnemonic_of(text: str) -> str | None:
    """The letter after a single ``&`` (lower case), or ``None``."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] == "&":
            index += 2
            continue
        return text[index + 1].lower()


def with_mnemonics(texts: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Plain ``texts`` (data, not yet marked) each with a distinct mnemonic, none of
    the letters in ``taken`` (those of the menu's other actions): the first letter of
    a word if free, else any free letter; a text whose letters are all taken stays
    without one. A literal ``&`` is escaped."""
    used = {letter.lower() for letter in taken if letter}
    texts = list(texts)
    result = [text.replace("&", "&&") for text in texts]
    # The texts with the fewest distinct letters choose first, so "Start" still finds
    # one beside "Stage", "Status" and "Title".
    order = sorted(range(len(texts)), key=lambda n: len({c.lower() for c in texts[n] if c.isalnum()}))
    for n in order:
        text = texts[n]
        starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())]
        others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
        for i in starts + others:
            if text[i].lower() not in used:
                used.add(text[i].lower())
                result[n] = text[:i].replace("&", "&&") + "&" + text[i:].replace("&", "&&")
                break
    return result
