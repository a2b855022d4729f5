"""The genre's vocabulary, in one place: every word a reader of task-division notices looks for.

Each entry has an example from real notices. Readers (paragraphs, segment, tables, parties) ask this module and
never keep lists of their own; patterns are written in simplified characters and match traditional ones too
(compile_both). Names of bodies (市发改委, 国务院各部门) are not vocabulary: they are the body-name model in
`bodies.py`.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

import regex

from fengong.extract.model import Role
from fengong.extract.script import compile_both, to_simplified

# ---------------------------------------------------------------- labels: the word before a list of units or people
ROLE_LABELS: dict[str, Role] = {
    "牵头单位": Role.LEAD,  # （牵头单位：市发改委，配合单位：市财政局）
    "牵头责任单位": Role.LEAD,  # 牵头责任单位：市自然资源和规划局。 (Anhui template)
    "牵头部门": Role.LEAD,  # 牵头部门：区商务局
    "主办单位": Role.LEAD,  # 主办单位：市商务局 协办单位：市财政局
    "主责单位": Role.LEAD,  # 主责单位：市教育局
    "主责部门": Role.LEAD,  # 主责部门：市教育局；协同部门：市体育局
    "主要责任单位": Role.LEAD,  # 主要责任单位：市发改委；其他责任单位：市财政局
    "牵头责任部门": Role.LEAD,  # 牵头责任部门：区住建局
    "配合单位": Role.SUPPORT,  # 配合单位：市财政局、市统计局
    "协同责任单位": Role.SUPPORT,  # 协同责任单位：各县、市、区政府。 (Anhui template)
    "协同单位": Role.SUPPORT,  # 协同单位：市税务局
    "协办单位": Role.SUPPORT,  # 协办单位：市财政局 市统计局
    "配合部门": Role.SUPPORT,  # 配合部门：区财政局
    "参与单位": Role.SUPPORT,  # 参与单位：各街道
    "参与部门": Role.SUPPORT,  # 参与部门：市商务局
    "协作单位": Role.SUPPORT,  # 协作单位：市公安局
    "协助单位": Role.SUPPORT,  # 协助单位：市税务局
    "参加单位": Role.SUPPORT,  # 参加单位：各街道
    "配合责任单位": Role.SUPPORT,  # 配合责任单位：市统计局
    "其他责任单位": Role.RESPONSIBLE,  # 主要责任单位：…；其他责任单位：市财政局
    "协同部门": Role.SUPPORT,  # 协同部门：区财政局
    "责任单位": Role.RESPONSIBLE,  # [责任单位：老街办、区招商服务中心]
    "责任部门": Role.RESPONSIBLE,  # 责任部门：市场监管局
    "落实单位": Role.RESPONSIBLE,  # 落实单位：各镇（街道）
    "实施单位": Role.RESPONSIBLE,  # 实施单位：区住建局
    "责任主体": Role.RESPONSIBLE,  # 责任主体：各县（市、区）人民政府
    "实施主体": Role.RESPONSIBLE,  # 实施主体：市商务局、各县区政府
    "承办单位": Role.RESPONSIBLE,  # 承办单位：县政府办公室; 具体承办单位：市大数据局
    "承办部门": Role.RESPONSIBLE,  # 承办部门：区司法局
    "协办部门": Role.SUPPORT,  # 协办部门：市城管局
    "次要责任单位": Role.SUPPORT,  # 主要责任单位：市人社局；次要责任单位：市财政局 (次要 against 主要: the support)
}
# The role word alone, without a noun for what follows, is a label too; but these words also open sentences of a
# task (协同：推动区域协同发展), so one is a label only where a body's name follows it (parties.label_holds).
# 主办： and 协办： are not among them: a web page's footer says who runs the site (主办：某市人民政府办公室).
ROLE_WORDS: dict[str, Role] = {
    "牵头": Role.LEAD,  # （牵头：市发改委；配合：市财政局）
    "主责": Role.LEAD,  # （主责：市教育局；协同：市体育局）
    "配合": Role.SUPPORT,  # 配合：市司法局、各县区政府
    "协同": Role.SUPPORT,  # 协同：市体育局
    "协助": Role.SUPPORT,  # 协助：市税务局
    "参与": Role.SUPPORT,  # 参与：各乡镇
}
ROLE_LABELS |= ROLE_WORDS
# A department's own plan names its offices (处室, 科室) where a government's names its departments (单位):
# 牵头处室：规划处；配合处室：综合处、法规处; 责任科室：财务科、委办公室. Each 单位 label has both forms.
OFFICE_NOUNS = ("处室", "科室")
ROLE_LABELS |= {label[:-2] + noun: role for label, role in list(ROLE_LABELS.items()) if label.endswith("单位") for noun in OFFICE_NOUNS}
# A word that says the units after the label carry the task themselves, taken before any role label:
# 具体承办单位：市大数据局, 具体责任单位：县发改局.
LABEL_QUALIFIER = "具体"
# Who follows the task up for the government (督办单位：市政府督查室): no assignee of the task, so the bodies after
# such a label are read past, never units; a table column of them is not read either.
SUPERVISOR_LABELS = (
    "督办单位", "督办部门",  # 督办单位：市政府督查室
    "督查单位", "督查部门",  # 督查单位：县委县政府督查室
    "督导单位",  # 督导单位：市委督查室
    "督办",  # 督办：市政府督查室
    # Who guides the work from above, or receives the reports on it, is named beside the assignees, never one of them.
    "指导单位", "指导部门",  # 责任单位：市国资委；指导单位：省国资委
    "业务指导",  # （责任单位：市住建局；业务指导：省住建厅）
    "报送单位",  # 报送单位：各县（市、区）医保局 (who sends the figures, not who does the task)
)
# What a body does when it follows the task up rather than doing it (市政府督查室负责跟踪督办, 负责评估验收): like a
# 督办单位, no assignee of the task.
FOLLOW_UP = compile_both(r"(?:定期)?(?:跟踪|督办|督查|督促检查|督导|考核|评估|验收|问效)")
LEADER_LABELS = (  # people, never units: they go to the leaders column
    "牵头负责领导",  # 牵头负责领导：张三 (Anhui template)
    "牵头责任领导",  # 牵头责任领导：李四
    "牵头区领导", "牵头市领导", "牵头县领导",  # table columns of district, city and county plans
    "牵头领导",  # （牵头领导：成坤、柯相国、王俊）
    "责任领导",  # （责任领导：杜新国；牵头单位：区交通运输局；…）
    "分管领导", "联系领导", "包保领导",
    "责任人",  # a table column of names
)
DEADLINE_LABELS = ("完成时限", "完成时间", "时间节点", "时限要求", "时间要求", "完成期限")  # 完成时限：2023年6月底前
_LABELS = sorted([*ROLE_LABELS, *LEADER_LABELS, *DEADLINE_LABELS, *SUPERVISOR_LABELS], key=len, reverse=True)
_LABEL_ALT = f"(?:{LABEL_QUALIFIER})?(?:" + "|".join(_LABELS) + ")"
# A label needs its colon, or brackets of its own (【牵头单位】), to be a label and not a word of the text.
# 牵头单位（部门）： — a label may say in brackets what kind of unit follows.
_KIND = r"(?:[（(](?:单位|部门|处室|科室|领导)[）)])?"
LABEL = compile_both(rf"\s*(?:[【\[［]\s*({_LABEL_ALT}){_KIND}\s*[】\]］]\s*[:：]?|({_LABEL_ALT}){_KIND}\s*[:：])\s*")
LABEL_AT = compile_both(rf"(?:[【\[［]\s*(?:{_LABEL_ALT}){_KIND}\s*[】\]］]|(?:{_LABEL_ALT}){_KIND}\s*[:：])")
# An upper level's lead named in a local table's unit cell: 省牵头单位：省农业农村厅, 省牵头：省农业农村厅.
UPPER_LEVEL_LABEL = compile_both(r"(?:省|市|国家|中央)(?:级)?牵头(?:单位|部门)?\s*[:：]")
# Any label, upper-level ones included, for one scan of a unit text.
ANY_LABEL = regex.compile(UPPER_LEVEL_LABEL.pattern + "|" + LABEL_AT.pattern)
# A label the vocabulary lacks, opening a part of a unit text: 联络单位：, 对接部门：. It says nothing of a role, and the
# bodies after it are not those of the label before it. parties reads it only where the word is no body's name.
OTHER_LABEL = compile_both(r"\s*(\p{Han}{2,8})\s*[:：]")
# A conjunction opening an item of a list joins it to the items before (市财政局，以及各县（市、区）教育局): no part of the
# name, as no body's name opens with these. 和 is not among them: 和平区 opens with it.
LEADING_CONJUNCTION = compile_both(r"(?:以及|及|与|并)(?=\p{Han}{2})")
# A leader group row of a table: （一）王宏副市长牵头重点工作, 戴建平常务副市长牵头重点工作.
LEADER_GROUP = compile_both(r"^\p{Han}{2,4}(?:常务)?副?(?:市长|区长|县长|省长|主任|书记)(?:牵头|负责|分管)")


_SPACES = regex.compile(r"\s+")
_LEADER_WORD = regex.compile(r"领导|责任人")
_TIME_WORD = regex.compile(r"时限|时间|期限")
_SUPPORT_WORD = regex.compile(r"配合|协|参与")


class LabelKind(StrEnum):
    """What follows a label: units of a role, people, or a time frame."""

    ROLE = "role"
    LEADER = "leader"
    DEADLINE = "deadline"
    SUPERVISOR = "supervisor"  # 督办单位：…, read past
    UNKNOWN = "unknown"  # 联络单位：… (a label the vocabulary lacks): its role unknown, so its bodies are read past


def label_kind(label: str) -> tuple[LabelKind, Role | None]:
    """A label as written, in either script (牽頭單位, 具体承办单位) -> what follows it, and the role for a unit label."""
    name = to_simplified(_SPACES.sub("", label)).removeprefix(LABEL_QUALIFIER)
    if name in ROLE_LABELS:
        return LabelKind.ROLE, ROLE_LABELS[name]
    if name in LEADER_LABELS:
        return LabelKind.LEADER, None
    if name in SUPERVISOR_LABELS:
        return LabelKind.SUPERVISOR, None
    return LabelKind.DEADLINE, None


def role_label_lists(text: str) -> list[str] | None:
    """A text opening with a role label -> the list after each of its role labels (牵头：县发改局 配合：县财政局、县教育局 ->
    县发改局, 县财政局、县教育局); None for a text that opens with none (the whole of it is one list, or no list)."""
    found = [m for m in ANY_LABEL.finditer(text) if names_role(m.group(0))]
    if not found or text[:found[0].start()].strip():
        return None
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [text[m.end():end].strip().rstrip("；;，,、 ") for m, end in zip(found, ends, strict=True)]


def names_role(written: str) -> bool:
    """A label as found in a text (牵头：, 【配合单位】, 省牵头单位：) -> whether units of a role follow it."""
    if UPPER_LEVEL_LABEL.match(written):
        return True
    return label_kind(label_name(written) or "")[0] == LabelKind.ROLE


def label_name(written: str) -> str | None:
    """A label as found in a text (【牵頭單位】, 牵头 :, 具体承办单位（部门）：) -> the label word, simplified
    (牵头单位, 牵头, 承办单位), or None when the text opens with no label."""
    label = LABEL.match(written)
    if label is None:
        return None
    return to_simplified(_SPACES.sub("", label.group(1) or label.group(2))).removeprefix(LABEL_QUALIFIER)


# ---------------------------------------------------------------- table headers
class Column(StrEnum):
    """What a table column holds, read from its header."""

    SERIAL = "serial"  # 序号
    TITLE = "title"  # 重点工作, 工作内容, 目标任务, 重点人群
    TASK = "task"  # 具体任务, 主要任务, 工作措施
    DEADLINE = "deadline"  # 完成时限
    UNITS = "units"  # 牵头单位, 责任单位, … (the role comes from the header)
    LEADERS = "leaders"  # 牵头区领导, 责任人
    REMARK = "remark"  # 备注
    SUPERVISOR = "supervisor"  # 督办单位: who follows the task up, no assignee (not read)
    START = "start"  # 开始时间: when the task begins, beside its end (not read: the deadline is the end)


SERIAL_HEADER = "序号"
_TITLE_HEADERS = ("重点工作", "工作内容", "目标任务", "目标与任务", "重点工作任务", "工作任务", "重点任务", "任务名称", "项目", "目标",
                  "指标", "内容", "工作", "重点人群", "重点领域", "工作事项", "事项", "任务")
_TASK_HEADERS = ("具体任务", "具体任务分解", "主要任务", "工作措施", "具体措施", "主要措施", "工作目标", "目标要求", "具体内容")
# A time column split in two under a header over two rows (时间 over 开始 | 完成): each part names a column of its own.
TIME_PARTS = {
    "开始": "开始时间", "启动": "启动时间", "起始": "起始时间",  # when the task begins (not read)
    "完成": "完成时间", "结束": "结束时间", "截止": "截止时间",  # when it ends: the deadline
}
_START_WORD = regex.compile(r"^(?:开始|启动|起始)")  # 开始时间, 启动时间: a start, not a deadline
_HEADER_WORD = compile_both(
    r"^(?:序号|" + "|".join(sorted([*_TITLE_HEADERS, *_TASK_HEADERS, *_LABELS, *TIME_PARTS.values(), "备注"], key=len, reverse=True))
    + r")$"
)
# A column naming units: 牵头单位, 责任部门, 省牵头单位, 责任主体, 牵头处室 (a department's own plan), or a role word
# alone (牵头, 配合: a header row that leaves the noun to a spanning cell above it).
_UNIT_HEADER = compile_both(r"单位|部门|主体|处室|科室|^(?:" + "|".join(ROLE_WORDS) + ")$")


_HEADER_REMARK = regex.compile(r"\s+|[（(][^（）()]*[）)]$")  # 重点工作任务(杭州市2项配合工作): the header with a remark


def is_header_word(cell: str) -> bool:
    """Whether a table cell reads as a column header (序号, 重点工作, 主办单位, 牵头區領導, 重点工作任务(2项)…)."""
    return bool(_HEADER_WORD.match(_HEADER_REMARK.sub("", cell)))


@cache
def header_column(cell: str) -> Column | None:
    """A header cell, in either script -> the kind of column it heads (None for a word that heads no column)."""
    name = to_simplified(_HEADER_REMARK.sub("", cell))
    if name == SERIAL_HEADER:
        return Column.SERIAL
    if name in LEADER_LABELS or _LEADER_WORD.search(name):
        return Column.LEADERS
    if _START_WORD.match(name) and _TIME_WORD.search(name):
        return Column.START
    if name in DEADLINE_LABELS or _TIME_WORD.search(name):
        return Column.DEADLINE
    if name in SUPERVISOR_LABELS:
        return Column.SUPERVISOR
    if _UNIT_HEADER.search(name):
        return Column.UNITS
    if name == "备注":
        return Column.REMARK
    if name in _TASK_HEADERS:
        return Column.TASK
    if is_header_word(name):
        return Column.TITLE
    return None


@cache
def header_role(cell: str) -> Role:
    """A unit column's header (牵头单位, 协办单位, 责任部门, 省牵头单位) -> the role of the units below it."""
    name = to_simplified(_SPACES.sub("", cell))
    for label in sorted(ROLE_LABELS, key=len, reverse=True):
        if label in name:
            return ROLE_LABELS[label]
    if "牵头" in name or "主办" in name:
        return Role.LEAD
    if _SUPPORT_WORD.search(name):
        return Role.SUPPORT
    return Role.RESPONSIBLE


# A lead label that leads only against other unit columns: 主要责任单位 | 其他责任单位 (lead, responsible); a table
# whose one unit column is 主要责任单位 names the units responsible for its rows, with no lead among them.
_CONTRASTED_LEADS = ("主要责任单位", "主要责任处室", "主要责任科室")


def column_role(cell: str, header: tuple[str, ...]) -> Role:
    """A unit column's header within its table's header -> the role of the units below it."""
    role = header_role(cell)
    others = [h for h in header if h != cell and header_column(h) == Column.UNITS]
    if role == Role.LEAD and not others and to_simplified(_SPACES.sub("", cell)) in _CONTRASTED_LEADS:
        return Role.RESPONSIBLE
    return role


def names_units(cell: str) -> bool:
    """Whether a header names units (单位, 部门), so its column is a unit column."""
    return bool(_UNIT_HEADER.search(cell))


# ---------------------------------------------------------------- table headers over two rows
# A header cell may span several columns, each named by the cell under it in the row below:
#     序号 | 重点任务 | 责任单位            | 完成时限
#          |          | 牵头单位 | 配合单位 |
# Unit columns sit under a unit header of no role of its own (责任单位 over 牵头单位 | 配合单位, 责任部门 over 主责 |
# 协同, 实施单位, 责任主体) or under a word for the division of work (责任分工 over 牵头单位 | 责任单位); a role's own
# header (牵头单位, 配合部门) spans no columns of other roles. A time header (时间, 完成时限) spans its start and end
# (时间 over 开始 | 完成, see TIME_PARTS).
UNIT_SPANS = ("责任分工", "职责分工", "任务分工", "分工", "责任分解")  # 责任分工 over 牵头单位 | 责任单位
_SPAN_HOLDS = {Column.UNITS: (Column.UNITS, Column.LEADERS), Column.DEADLINE: (Column.DEADLINE, Column.START)}


def _bare(cell: str) -> str:
    """A header cell -> its words, simplified, without spaces and a closing remark."""
    return to_simplified(_HEADER_REMARK.sub("", cell))


def spanning_kind(cell: str) -> Column | None:
    """A cell of a header's upper row -> the kind of columns it may span: UNITS (责任单位, 责任部门, 责任分工), DEADLINE
    (时间, 完成时限), or None for a cell that heads one column (序号, 重点任务, and 牵头单位, whose role is its own)."""
    name = _bare(cell)
    if name in UNIT_SPANS:
        return Column.UNITS
    column = header_column(name)
    if column == Column.UNITS and header_role(name) == Role.RESPONSIBLE:
        return Column.UNITS
    return Column.DEADLINE if column == Column.DEADLINE else None


def header_part(spanning: str, cell: str) -> str | None:
    """A header cell spanning columns and a cell of the row below it -> the name of the column that cell heads, or None
    when the spanning cell holds no such column: 责任单位 / 牵头 -> 牵头; 时间 / 完成 -> 完成时间; 序号 / 牵头 -> None."""
    kind = spanning_kind(spanning)
    name = TIME_PARTS.get(_bare(cell), cell)
    if kind is None or not is_header_word(name):
        return None
    return name if header_column(name) in _SPAN_HOLDS[kind] else None


def is_span_word(cell: str) -> bool:
    """Whether a cell is a word that only a header over two rows holds: a cell spanning columns of other names
    (责任分工, 时间) or a part under one (开始, 完成)."""
    name = _bare(cell)
    return name in UNIT_SPANS or name in TIME_PARTS or (_TIME_WORD.fullmatch(name) is not None)


# ---------------------------------------------------------------- prose role cues around a list of bodies
# The verbs closing a prose assignment; X is a list of bodies.
# 市发改委负责统筹协调 / 负责指导: what the body is responsible for doing, still a responsible unit.
# 市应急局负责组织实施 / 由区财政局组织落实: organising the work is the body's own, still a responsible unit.
# 各有关部门要按职责分工抓好落实: asked to carry it out, each for its own part: responsible.
# 负责同志 / 负责人 are people (市政府主要负责同志, 市应急局负责人), not the verb 负责; 负责人才引进 is the verb.
_NOT_PEOPLE = r"(?!同志|人(?![才口民居力工]))"
_MODAL = r"(?:要|应当|应|须|需|必须)"  # 市发改委要牵头抓总; 各有关部门要按职责分工抓好落实
_DUTY = r"(?:按照职责分工|按职责分工|按照职责|按职责|按职能|分别|共同|各自|具体)"  # 市发改委、市财政局按照职责分工负责
_CARRY_OUT = r"(?:抓好|抓紧|切实|认真|狠抓)落实"  # 县发改局、县工信局要按职责抓好落实
# An adverb between the bodies and the role verb 牵头 / 负责 / 配合 / 参与 / 协助 keeps the verb's role.
_ADVERB = ("(?:"
           "积极"  # 市财政局积极配合; 各有关部门要积极参与
           "|主动"  # 市商务局主动牵头
           "|密切|紧密"  # 各有关部门要密切配合; 市税务局紧密配合
           "|切实"  # 市发改委要切实负责统筹调度
           "|认真"  # 县农业农村局认真负责落实
           "|全力"  # 市教育局全力配合
           "|协同"  # 市公安局协同配合
           ")")
RESPONSIBLE_VERB = (rf"{_MODAL}?{_DUTY}?(?:{_CARRY_OUT}|{_ADVERB}?负责|落实|承担|组织实施|组织落实|实施|推进)"
                    r"(?:组织实施|组织落实|落实|实施|推进|统筹协调|统筹|协调|指导|督促|督导)?")
# 省发展改革委牵头负责; 市发改委负责牵头; 市发改委要牵头抓总
PROSE_LEAD = compile_both(rf"^(.+?)(?:{_MODAL}?{_ADVERB}?(?:负责)?牵头(?:负责|落实|实施|推进|抓总)?|为牵头(?:单位|部门)|为主责(?:单位|部门))$")
# 教育部、财政部负责; 统计局、人力社保局负责落实; 市发改委为责任单位
PROSE_RESPONSIBLE = compile_both(rf"^(.+?)(?:{RESPONSIBLE_VERB}|为责任(?:单位|部门))$")
# X配合Y…: Y leads, X supports. Written out to the verb after Y (省人事厅配合省委有关部门落实), and as a sentence goes on
# after that verb (市财政局配合市商务局做好资金保障: SUBJECT_SUPPORT_LEAD, read up to 做好).
_SUPPORT_LEAD = rf"^(.+?){_MODAL}?{_ADVERB}?(?:配合|协助)(.+?)(?:落实|实施|推进|开展|负责|做好)"
PROSE_SUPPORT_LEAD = compile_both(_SUPPORT_LEAD + "$")
SUBJECT_SUPPORT_LEAD = compile_both(_SUPPORT_LEAD)
# The verb after the bodies Y of 会同Y. A verb that also opens a body's name ending is no verb there: 会同市委组织部研究 is
# 市委组织部 (not 市委, then 组织), 会同市委政策研究室制定 is 市委政策研究室.
_WITH_VERB = (rf"(?:{RESPONSIBLE_VERB}|研究(?!室|院|所|中心)|制定|提出|组织(?!部)|牵头|承担|督促|开展|做好|编制|完善|建立|出台)")
# 发展改革委会同财政部负责; 市商务局会同市财政局制定支持政策; 市发改委要会同市财政局研究提出意见
PROSE_WITH = compile_both(rf"^(?:由)?(.+?){_MODAL}?会同(.+?){_WITH_VERB}")
# 会同Y after a part of the same sentence that named its subject: 区教育局牵头，会同区卫健局制定方案 (Y supports). In a
# unit text the part is cut after Y (区教育局牵头，会同区卫健局), so Y ends at the verb or at the end.
WITH_CONTINUED = compile_both(rf"^会同(.+?)(?={_WITH_VERB}|$)")
# 市审计局配合; 市发改委为牵头单位，市财政局为配合单位
PROSE_SUPPORT = compile_both(rf"^(.+?)(?:{_MODAL}?{_ADVERB}?(?:协助|配合|参与|协同|协办)(?:落实|实施|推进)?|为(?:配合|协办|协同|参与)(?:单位|部门))$")
# 由X会同Y… in a sentence of the clause text, with any verb phrase after it (研究提出落实意见, 组织实施).
BY_PHRASE = compile_both(r"由(\p{Han}[^，。；由]{1,60}?)(?:会同([^，。；]{2,200}?))?(?:等(?:有关|相关)?(?:部门|单位))?(?:共同)?"
                         rf"(?:负责{_NOT_PEOPLE}|落实|研究(?!室|院|所|中心)|制定|提出|组织实施|组织落实|组织(?!部)|牵头|承担|实施|推进|督促|开展)")  # 负责同志/负责人: people
# A part of a sentence that opens with bodies and the verb giving them the task, the task's own words after it:
# 市发展改革委负责全市信用体系建设的统筹协调; 市商务局牵头制定实施细则; 市财政局、市税务局配合做好资金保障;
# 镇政府承担辖区内农房安全排查; 县发改局、县工信局要按职责抓好落实，确保…. Read up to the verb only (市商务局牵头), so
# the unit text reads as the cues above. Never a verb of people or of a modifier: 负责同志 / 负责人 are leaders,
# 市财政局负责的专项资金 and 市发改委牵头、各部门参与的联席会议 describe a thing, 政府负责、社会协同 is a slogan.
_NOT_AFTER_CUE = rf"{_NOT_PEOPLE}(?![的、]|任(?!务))"  # 负责任的态度 is no task; 负责任务分解 is one
SUBJECT_CUE = compile_both(
    rf"^(.+?){_MODAL}?(?:{_DUTY}?(?:{_ADVERB}?(?:(?:负责)?牵头(?!单位|部门|领导|[和及与])|负责|配合|协助)|承担|{_CARRY_OUT})|{_DUTY}落实){_NOT_AFTER_CUE}"
)
# After the verb, a thing the bodies do and what is then said of that thing: the bodies and their verb modify a noun,
# they are not the sentence's subject (市发改委负责制定的规划要严格执行; 市发改委牵头建立的联席会议每季度召开一次).
RELATIVE_CLAUSE = compile_both(r"的\p{Han}{1,12}?(?:要(?!求|点|素|件|害)|应当|必须|须|将|已经|不得|每年|每季度|每月|定期)")
# Prose before the assignee that names bodies which are no assignees, read past and never as units:
# a context clause naming who leads the whole effort (在市委、市政府统一领导下，市应急局负责组织实施; 在县委县政府领导下，
# 由县发改局牵头; 在省发展改革委指导下), and a condition naming who approves first (报市政府批准后由市财政局组织实施;
# 经区政府同意后，由区住建局牵头实施; 经市政府常务会议研究同意后). Each matches at the start of a part of a sentence.
_GUIDANCE = r"(?:统一|坚强|正确|具体|统筹)?(?:领导|部署|指导|指挥|统筹|组织|支持|协调|督导)"
CONTEXT = compile_both(rf"在[^，,。；;]{{1,40}}?(?:的)?{_GUIDANCE}(?:(?:和|与|、){_GUIDANCE})?下")
CONDITION = compile_both(r"(?:报请|报经|提请|报|经(?!济|费|营|验|常|信|开|贸))[^，,。；;]{1,40}?"
                         r"(?:批准|同意|审定|审议|审批|审核|研究|核准|批复)+(?:通过)?(?:后|以后|之后)?")
# Enumeration words opening a part of a sentence, read past like a context clause (never units): 一是市发改委负责统筹
# 协调；二是市财政局负责资金保障; 其一，…; 第二，…; 首先，…; 同时，市商务局牵头…. Ordinals other than 一是… need their
# comma or the end of the part: 第一书记 and 最后一公里 are words of the text.
ENUMERATION = compile_both(
    r"(?:[一二三四五六七八九十]{1,3}是"  # 一是, 二是, 十一是
    r"|(?:其[一二三四五六七八九十]{1,3}|第[一二三四五六七八九十]{1,3}|首先|其次|再次|最后|同时|此外|另外)(?=[，,、：:]|$))[，,、：:]?"
)
# A 由… phrase right after a verb of setting up describes the thing set up, it assigns nobody:
# 建立由市发改委牵头、各部门参与的联席会议制度.
SET_UP_VERB = compile_both(r"(?:建立|成立|组建|构建|健全|完善|形成|实行|设立|组成|推行|设置)(?:了|起)?(?:一个|一支|一套)?$")
# A list of units ends with its verb when written as prose: 省发展改革委、省统计局按职责分工负责.
TRAILING_VERB = compile_both(r"(?:按职责分工|按照职责分工|按职责|分别|共同|各自)?(?:负责|牵头|配合)(?:落实|实施|推进)?$")
# A prose cue somewhere in a bracket: the cheap test reflow uses before a bracket is parsed.
ROLE_CUE = compile_both(r"牵头|负责|配合|会同|落实|参与|协助|协办|协同|承担|实施")
# A role marked inside a list: 责任单位：市发展改革委（牵头）、市财政局; 市教育局（主责）; 市财政局（配合）.
ROLE_MARKS: dict[str, Role] = {"牵头": Role.LEAD, "主责": Role.LEAD, "牵头单位": Role.LEAD, "配合": Role.SUPPORT, "协办": Role.SUPPORT,
                               "配合单位": Role.SUPPORT}
ROLE_MARK = compile_both(r"[（(](" + "|".join(sorted(ROLE_MARKS, key=len, reverse=True)) + r")[）)]$")
# Remarks in a unit bracket, never units: 具体分工见附表, 下同, 不再做分工, 排名不分先后.
REMARK = compile_both(r"见|按照|根据|具体|下同|不再|涉及|均|附表|要求|分工|确保|做好|其中|以下|先后|排名|排序")
# A trailing 等 / 等部门 / 等有关部门 / 等市部门 says the list is open-ended; it is no unit of its own.
ETC = compile_both(r"等(?:[市区县省]级?)?(?:各)?(?:有关|相关)?(?:部门|单位|机构)?(?:和单位)?$")
ETC_INSIDE = compile_both(r"等(?:[市区县省]级?)?(?:各)?(?:有关|相关)?(?:部门|单位|机构)?(?=和|及|与|、|，|$)")
# A role word with 各 / 有关 names the units of a role, never a body of its own: 各牵头单位负责统筹协调.
ROLE_REFERENCE = compile_both(r"^(?:各|有关|相关|其他|其余)+(?:牵头|配合|责任|协办|主办|协同|参与|主责)(?:责任)?(?:单位|部门|处室|科室)$")
# Units named elsewhere, referred to: 上述单位, 以上部门, 前述单位, 上述各单位. No body of its own.
NAMED_ELSEWHERE = compile_both(r"^(?:上述|以上|前述|上列|前列)(?:各|所列|所有)?(?:的)?(?:有关|相关)?(?:牵头|配合|责任)?(?:单位|部门)$")
# A person named by a title in a unit list (市发改委，张三副市长; 分管副区长): a leader, never a unit.
PERSON_TITLE = compile_both(r"(?:[省市区县州镇乡局厅部处科院所]|秘书|主|组)长$|主任$|书记$|主席$|同志$|巡视员$|调研员$")
CONJUNCTION = compile_both(r"及|和|与|以及")  # 市级各有关部门及各县市区政府: two units

# ---------------------------------------------------------------- conventions stated once for the whole notice
# The first place of a list: 第一位, 第1位, 首位, 第一个, 第一家, 最前面.
_FIRST_PLACE = r"(?:第\s*[一1]\s*(?:位|个|家|名)?|首位|首个|首家|最前面?|前面)"
_LEAD_WORD = r"(?:牵头|主办|主责)"
# 列第一位的(责任)单位为牵头单位, 排在第一位的为牵头部门, 排名第一位的为牵头单位, 排序第一的单位为牵头单位, 位列第一的为牵头单位,
# 列首位的单位为牵头单位, 排在第1位的为牵头单位, 排在最前面的单位为牵头单位; 第一个单位为牵头单位, 第一家为牵头单位, 首位单位为牵头单位;
# the other way round, 牵头单位排在第一位. The role must follow at once: 排在第一位的不一定为牵头单位 states none.
FIRST_LISTED = compile_both(
    rf"(?:列|排|放|写|标|位列|名列|排名|排序|排列)(?:在|于|为)?{_FIRST_PLACE}的?(?:责任)?(?:单位|部门)?(?:为|是){_LEAD_WORD}"
    rf"|(?:第\s*[一1]\s*(?:位|个|家|名)?|首(?:位|个|家))(?:责任)?(?:单位|部门)?(?:为|是){_LEAD_WORD}"
    rf"|{_LEAD_WORD}(?:单位|部门)(?:均|一律)?(?:列|排|放|写)(?:在|于)?{_FIRST_PLACE}"
)
# What the statement makes of the units after the first, in the same sentence: …，其他为配合单位 / 其余单位为协办单位 /
# 其他单位按职责分工配合 (support); …，其他为责任单位 (responsible, as without it).
FIRST_LISTED_OTHERS = compile_both(
    r"(?:其他|其它|其余|其后|余下|后列)(?:的)?(?:责任)?(?:单位|部门)?(?:均|都)?(?:为|是|作为)?(?:按职责分工|按职责)?"
    r"(配合|协办|协同|协助|参与|责任)(?:单位|部门)?"
)
OTHERS_ROLES = {"配合": Role.SUPPORT, "协办": Role.SUPPORT, "协同": Role.SUPPORT, "协助": Role.SUPPORT, "参与": Role.SUPPORT,
                "责任": Role.RESPONSIBLE}
# A statement for lists of several units only, before it in its sentence: 多个单位的，第一家为牵头单位; 涉及多个部门的，…;
# 有两个及以上责任单位的，…. A unit named alone then stays responsible.
FIRST_LISTED_SEVERAL = compile_both(r"(?:多个|多家|两个|两家|二个|2个)(?:及|或)?(?:以上)?(?:责任)?(?:单位|部门)")

# A rule that adds units to every later clause. The tasks it covers: 以下各项任务, 以下政策措施, 各项任务, 所有任务,
# 本方案所列任务.
_ALL_TASKS = (r"(?:(?:以下|下列|后续|本方案|本表|表中|清单中)(?:所列)?(?:的)?(?:各项|所有|全部)?|各项|所有|全部)(?:重点)?"
              r"(?:工作任务|任务|工作|政策措施|措施|事项|政策)?")
# What it says of them: they are not written out again (不再单独列出, 不再逐一列出, 不一一列出, 不另标注).
_UNLISTED = r"不(?:再|另)?(?:单独|逐一|一一|逐项|另行|重复)?(?:列出|列明|标注|注明|列举)"
_STANDING_VERBS = r"(?:负责|落实|承担|组织实施|实施|推进|配合|参与|协助|协同)"
_RULE_UNITS = r"\p{Han}[^。；;，,：:]{0,80}?"
# 以下政策措施均需各县区人民政府、园区管委会落实，不再单独列出; 各项任务均涉及各区政府，不再逐一列出;
# 以下任务均由各县（市、区）人民政府负责落实，不再一一列出 (the units after 均, its verb giving their role: 配合 -> support);
# 以下各项工作各区人民政府均为责任单位; 各县（市、区）政府为以下所有任务的责任单位 (the units and the label of their role).
STANDING_RULE = compile_both(
    rf"{_ALL_TASKS}[^。；;，,]{{0,20}}?(?:均|都|皆)(?!为|是|作为)(?:需要|需|须|要|应|由|涉及)?(?:由)?(?P<units>{_RULE_UNITS})"
    rf"(?:(?P<verb>{_STANDING_VERBS})+[，,]?|[，,])[^。；;]{{0,12}}?{_UNLISTED}"
    rf"|{_ALL_TASKS}(?:中|的)?[，,]?(?P<units>{_RULE_UNITS})(?:均|都)(?:为|是|作为)(?P<label>{_LABEL_ALT})"
    rf"|(?<![^。；;，,：:（(\s])(?P<units>{_RULE_UNITS})(?:均|都)?(?:为|是|作为){_ALL_TASKS}的(?P<label>{_LABEL_ALT})"
)
_SUPPORT_VERB = compile_both(r"配合|参与|协助|协同")


def standing_role(rule: regex.Match) -> Role:
    """A standing rule found by STANDING_RULE -> the role of its units: its label's (均为配合单位), its verb's (均需X配合 ->
    support), else responsible (均需X落实)."""
    if rule.group("label"):
        return ROLE_LABELS.get(to_simplified(rule.group("label")), Role.RESPONSIBLE)
    if rule.group("verb") and _SUPPORT_VERB.fullmatch(rule.group("verb")):
        return Role.SUPPORT
    return Role.RESPONSIBLE


# After a unit or closing a list, the same holds below: 各县（市、区）人民政府（下同）; 责任单位：各区政府，下同;
# 责任单位：各区政府，以下不再单独列出.
SAME_BELOW = compile_both(rf"[（(]?\s*(?:以下同|下同|(?:以下|下列|后续)[^。；;，,]{{0,8}}?{_UNLISTED})\s*[）)]?")
# The title of a plan's closing section, which asks for good work and assigns none: 三、工作要求, 四、强化保障措施.
CLOSING_SECTION = compile_both(
    r"(?:加强|强化|健全|完善|切实|做好)?(?:工作|组织|政策|实施)?"
    r"(?:要求|有关要求|保障|保障措施|保障机制|组织保障|组织实施|组织领导)(?:和|与|及)?(?:督查考核|督促检查)?$"
)
# A notice naming short forms itself: 国家发展和改革委员会（以下简称国家发展改革委）.
ALIAS = compile_both(r"([\p{Han}（）()]{2,40}?)[（(]以下(?:简称|称)[“\"「]?([\p{Han}]{2,20}?)[”\"」]?[）)]")

# ---------------------------------------------------------------- time frames
# A bracket part that is only a time frame (年内持续推进, 2023年12月底前, 长期坚持) assigns nobody.
DEADLINE = compile_both(
    r"^(?:\d{4}\s*年?\s*\d{0,2}\s*月?(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前)?(?:完成|启动|建成)?|"
    r"(?:\d{4}年)?(?:年内|年底前|年底|上半年|下半年|全年)(?:完成|持续推进)?|年内持续推进|持续推进|长期坚持|长期推进|长期|"
    r"常态化推进|每年|每季度|每月|逐年推进|持续实施|\d{4}\s*[-—－至到]\s*\d{4}\s*年)$"
)
IN_TEXT_DEADLINE = compile_both(
    r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末)?(?:前|以前)|\d{4}年(?:底|年底)前|年内持续推进|长期坚持"
)
ISO_DATE = regex.compile(r"(\d{4})\s*年?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")
YEAR_MONTH_RUN = regex.compile(r"(\d{4})(\d{1,2})月")  # 202312月底前: a web page lost 年
YEAR_END = regex.compile(r"(\d{4})\s*年\s*(?:底|年底)")

# ---------------------------------------------------------------- the document around the tasks
# Page furniture a PDF leaves in its text: "— 3 —", "- 3 -", "第3页", "第 3 页 共 10 页", "3/10".
PAGE_NUMBER = regex.compile(r"^(?:[—–\-－~～]+\s*\d{1,4}\s*[—–\-－~～]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")
# Closing furniture of a 公文 (GB/T 9704 版记): 抄送：…, 主送：…, "XX办公室 2019年4月16日印发", (此件公开发布).
END_MATTER = regex.compile(r"^(?:(?:抄\s*送|主\s*送)\s*[:：]|\S.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$|[（(]此件公开发布[）)]$)")
DATE = regex.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")  # a signature date: 2023年3月28日
# A note under a table or a list (注：排在第一位的为牵头单位。; 说明：…; 注1：…): text of its own, never a cell of the last row.
NOTE = compile_both(r"^(?:注|说明)\s*\d*\s*[:：]")
EXCERPT_MARK = regex.compile(r"^\[(?:…|\.\.\.|……)\]$")  # [… ] where a copy breaks off
# Some mirrors of gov.cn pages print pinyin after characters: 發(fā)展. Noise, not text.
PINYIN = regex.compile(r"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
TITLE_WORDS = regex.compile(r"通知|方案|意见|清单|分工|要点|安排|办法|措施|细则|分解")  # 关于印发…方案的通知
BARE_ATTACHMENT = regex.compile(r"附\s*件")  # 附件 alone on its line: attachment 1
# A preamble line before an attachment's first number: 为…, …如下：
PREAMBLE_START = ("为",)
