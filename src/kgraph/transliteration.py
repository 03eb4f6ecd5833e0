"""Latin letters for Russian (and Kazakh) text: a simplified BGN/PCGN romanisation, capitals kept.

>>> transliterate("Касым-Жомарт Токаев")
'Kasym-Zhomart Tokaev'
"""

_TRANSLIT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "қ": "k",
    "ә": "a",
    "ө": "o",
    "ү": "u",
    "ұ": "u",
    "ң": "n",
    "і": "i",
}


def transliterate(text: str) -> str:
    """Latin letters for Russian text (a simplified BGN/PCGN romanisation), keeping the capitals."""
    out = []
    for char in text:
        low = char.lower()
        latin = _TRANSLIT.get(low)
        if latin is None:
            out.append(char)
        elif char != low:
            out.append(latin[:1].upper() + latin[1:])
        else:
            out.append(latin)
    return "".join(out)
