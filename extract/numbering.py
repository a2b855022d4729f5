"""GB/T 9704 numbering: which marker opens a line, at which level, and its number as an integer."""

from __future__ import annotations

from dataclasses import dataclass

import regex

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN = "[一二三四五六七八九十百零〇两]+"
_NUM = "[0-9０-９]{1,3}"

_DIGITS = regex.compile(r"[0-9０-９]+")
_CN_NUMBER = regex.compile(_CN)
# Levels: -3 第一章, -2 第一节, -1 第一条, 1 一、, 2 （一）, 3 1、 / 1. / 1．, 4 （1）, 5 ①; attachments (附件N) stand apart.
# Plans written as articles (实施办法, 责任分工方案) number their clauses 第一条, 第二条…, running on across their chapters
# (第一章 总则) and a chapter's sections (第一节 建设领域); items inside an article are numbered （一）, 1. below it.
CHAPTER_LEVEL, PART_LEVEL, ARTICLE_LEVEL = -3, -2, -1
ATTACHMENT = regex.compile(rf"^附\s*件\s*({_NUM}|{_CN})\s*[:：]?\s*(.*)$")
# 第二条规定的…, 第五条、第六条所列…, 第二十条第一款, 第二章中的…: an article or chapter cited in a sentence (a wrapped
# line may start with one) is followed by words of the citation, never by the text of the article itself.
_CITED = r"(?![规之的中所款项、，,和及与至到或第])"
_LEVELS = (
    (CHAPTER_LEVEL, regex.compile(rf"^第\s*({_CN}|{_NUM})\s*章{_CITED}\s*")),
    (PART_LEVEL, regex.compile(rf"^第\s*({_CN}|{_NUM})\s*[节節]{_CITED}\s*")),
    (ARTICLE_LEVEL, regex.compile(rf"^第\s*({_CN}|{_NUM})\s*[条條]{_CITED}\s*")),
    (1, regex.compile(rf"^({_CN})\s*[、，,．.]\s*")),
    (2, regex.compile(rf"^[（(]\s*({_CN})\s*[）)]\s*[、，,．.]?\s*")),
    (3, regex.compile(rf"^({_NUM})\s*(?:[、，,．﹒]|\.(?![0-9０-９]))\s*")),
    (4, regex.compile(rf"^[（(]\s*({_NUM})\s*[）)]\s*[、，,．.]?\s*")),
    (5, regex.compile(rf"^([{_CIRCLED}])\s*[、，,．.]?\s*")),
)


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker at the start of a line."""

    level: int
    number: int
    printed: str  # the marker as written, e.g. 三、 or （2）
    rest: str  # the text after the marker


def to_int(numeral: str) -> int:
    """A printed number (1, １２, 三, 十二, 二十三, ⑤) -> its integer value.

    Raises:
        ValueError: `numeral` is not a number this genre prints.
    """
    numeral = numeral.strip()
    if numeral and numeral in _CIRCLED:
        return _CIRCLED.index(numeral) + 1
    if _DIGITS.fullmatch(numeral):
        return int(numeral.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if not _CN_NUMBER.fullmatch(numeral):
        raise ValueError(f"not a printed number: {numeral!r}")
    total, current = 0, 0
    for ch in numeral:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_DIGITS[ch]
    return total + current


def line_to_marker(text: str) -> Marker | None:
    """Text of a (cleaned) line -> the numbering marker it opens with, if any."""
    for level, pattern in _LEVELS:
        m = pattern.match(text)
        if m:
            return Marker(level, to_int(m.group(1)), text[: m.end()].strip(), text[m.end():])
    return None


def line_to_attachment(text: str) -> tuple[int, str] | None:
    """Text of a line -> (attachment number, title text after it) when the line heads an attachment."""
    m = ATTACHMENT.match(text)
    if not m:
        return None
    return to_int(m.group(1)), m.group(2).strip()
