"""Both scripts read alike: the shipped character table is OpenCC's, and patterns match either script."""

from fengong.extract.script import both_scripts, compile_both, t2s_table, to_simplified

from make_t2s_table import opencc_pairs


def test_the_shipped_table_is_what_opencc_gives():
    assert t2s_table() == {ord(a): b for a, b in opencc_pairs()}


def test_simplifying_keeps_every_offset():
    text = "牽頭單位：市發展改革委（市信用辦）、省國土資源廳"
    simple = to_simplified(text)
    assert simple == "牵头单位：市发展改革委（市信用办）、省国土资源厅" and len(simple) == len(text)


def test_a_pattern_in_simplified_characters_matches_the_traditional_ones():
    assert compile_both(r"牵头单位").fullmatch("牽頭單位")
    assert compile_both(r"[发]展").fullmatch("發展")
    assert both_scripts(r"\d+号") .startswith(r"\d+")
