import xml.etree.ElementTree as ET

import pytest

from web.charts import confusion_heatmap, facility_discrimination_scatter, mastery_lines, score_histogram

SVG = "{http://www.w3.org/2000/svg}"
EVIL = '<script>alert("x")</script> & co'

CHARTS = {
    "histogram": lambda name: score_histogram([1, 2, 2, 7, 10], 10, bins=5, title=name),
    "scatter": lambda name: facility_discrimination_scatter([(name, 0.7, -7.1), ("Q2", 0.5, 40.0), ("Q3", None, None)]),
    "heatmap": lambda name: confusion_heatmap([[3, 1], [0, 2]], [name, "Editorial framing"]),
    "mastery": lambda name: mastery_lines(["week of 2024-03-04", "week of 2024-03-11"], {name: [4 / 9, 8 / 9]}),
}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises ParseError if the markup is not well-formed


def texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("chart", CHARTS)
def test_every_chart_is_well_formed_and_labelled(chart):
    root = parse(CHARTS[chart]("Sourced argument"))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


@pytest.mark.parametrize("chart", CHARTS)
def test_a_script_label_is_escaped_text_not_markup(chart):
    svg = CHARTS[chart](EVIL)
    assert "<script" not in svg
    root = parse(svg)
    assert root.find(f".//{SVG}script") is None
    shown = texts(root) + [root.find(f"{SVG}title").text, root.find(f"{SVG}desc").text]
    assert any(EVIL in (t or "") for t in shown)


def test_histogram_counts_scores_into_equal_ranges():
    root = parse(score_histogram([1, 2, 2, 7, 10], 10, bins=5))
    # ranges 0-2, 2-4, 4-6, 6-8, 8-10 (a full mark goes into the last range)
    assert root.find(f"{SVG}desc").text == "5 attempts. 0–2: 1; 2–4: 2; 4–6: 0; 6–8: 1; 8–10: 1."
    assert [h for h in (r.get("height") for r in root.iter(f"{SVG}rect"))].count("0.0") == 1


def test_heatmap_prints_every_count_and_states_the_confusions():
    root = parse(confusion_heatmap([[3, 1], [0, 2]], ["Sourced argument", "Editorial framing"]))
    assert [t for t in texts(root) if t.isdigit()] == ["3", "1", "0", "2"]
    assert "Sourced argument read as Editorial framing: 1" in root.find(f"{SVG}desc").text
    fills = {r.get("fill") for r in root.iter(f"{SVG}rect")}
    assert len(fills) == 4  # 0, 1, 2 and 3 get different shades


def test_scatter_marks_negative_discrimination_in_words_and_lists_missing_values():
    root = parse(facility_discrimination_scatter([("Q1", 0.7, -7.1), ("Q2", 0.5, 40.0), ("Q3", None, None)]))
    assert "Q1 (negative)" in texts(root) and "Q2" in texts(root)
    assert root.find(f"{SVG}desc").text.endswith("Not enough data for: Q3.")


def test_mastery_lines_skip_untested_periods_and_name_each_line():
    root = parse(mastery_lines(["w1", "w2", "w3"], {"Editorial framing": [0.5, None, 1.0], "Boilerplate": [None, 1.0, None]}))
    (line,) = root.iter(f"{SVG}polyline")  # Boilerplate has a single point: no line, only a marker
    assert len(line.get("points").split()) == 2
    assert {"Editorial framing", "Boilerplate"} <= set(texts(root))
    assert "w2 not tested" in root.find(f"{SVG}desc").text
