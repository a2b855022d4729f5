"""Column headers in Chinese (`--headers zh`), for CSV and XLSX alike: one mapping, column name -> header.

A key is a column name, or `table.column` where one name means different things in two tables (units.lead counts
mentions, tasks.lead lists units). Parquet files and DuckDB tables keep the English names, which are the API.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

HEADER_STYLES = ("en", "zh")

ZH: Mapping[str, str] = {
    "notice_id": "通知编号",
    "clause_id": "条目编号",
    "role": "角色",
    "position": "排序",
    "unit": "单位",
    "unit_raw": "原文单位名称",
    "generic": "泛指单位",
    "etc_follows": "其后有“等”",
    "convention": "约定",
    "page": "页码",
    "line": "行号",
    "attachment": "附件",
    "section": "部分",
    "item": "条目序号",
    "row": "表格序号",
    "title": "标题",
    "section_title": "所属部分标题",
    "text": "任务内容",
    "party_text": "分工原文",
    "leaders": "责任领导",
    "deadline": "完成时限",
    "deadline_date": "截止日期",
    "full_name": "全称",
    "known": "已登记",
    "spellings": "原文写法",
    "lead": "牵头单位",
    "support": "配合单位",
    "responsible": "责任单位",
    "units.lead": "牵头次数",
    "units.support": "配合次数",
    "units.responsible": "责任次数",
    "total": "合计",
    "code": "问题类型",
    "message": "说明",
    "jurisdiction": "所属地区",
    "level": "层级",
    "severity": "严重程度",
    "doc_number": "文号",
    "issuer": "发文机关",
    "date": "成文日期",
    "sha256": "SHA-256",
    "path": "文件路径",
}


def header(table: str, column: str, style: str = "en") -> str:
    """A table's column -> its header in the style asked for (en: the column name itself; zh: the Chinese header)."""
    if style == "en":
        return column
    return ZH.get(f"{table}.{column}", ZH.get(column, column))


def headers(table: str, columns: Sequence[str], style: str = "en") -> list[str]:
    """A table's columns -> their headers in the style asked for, in the same order."""
    return [header(table, c, style) for c in columns]
