"""The charts an AppTest run drew (`ui.plot` draws them with a component of its own), for tests."""
from __future__ import annotations

import json


def chart_elements(app) -> list:
    return [element for element in app.get("bidi_component") if element.proto.component_name == "lens_chart"]


def figures(app) -> list[dict]:
    """The figures in page order, as plotly's JSON."""
    return [json.loads(json.loads(element.proto.json)["figure"]) for element in chart_elements(app)]
