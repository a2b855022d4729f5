#!/usr/bin/env python3
"""Write notice.html: notice.txt (one paragraph per line, the table tab-separated) as a web page would carry it.

Run from this folder with any Python 3: python3 make_html.py
"""

import html
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    lines = (HERE / "notice.txt").read_text(encoding="utf-8").split("\n")
    out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>关于印发市级部门落实市政府政务诚信建设等系列文件任务分工的通知</title>',
           '<style>td{border:1px solid #999}</style></head><body>', '<div class="article">']
    in_table = False
    for line in lines:
        if not line.strip():
            continue
        if "\t" in line:
            if not in_table:
                out.append("<table>")
                in_table = True
            cells = line.split("\t")
            tag = "th" if cells[0] == "序号" else "td"
            out.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in cells) + "</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        out.append(f"<p>{html.escape(line)}</p>")
    if in_table:
        out.append("</table>")
    out.append("</div></body></html>")
    (HERE / "notice.html").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
