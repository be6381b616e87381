"""Text read from files is shown as text: Markdown and HTML in it are escaped, never rendered
(no `unsafe_allow_html` anywhere in the app)."""
from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """`text` escaped for any Streamlit element that renders Markdown (titles, captions, labels)."""
    return _MARKDOWN.sub(r"\\\1", "" if text is None else str(text))
