"""The dossier as one self-contained HTML page, from the Jinja2 templates in ``templates/``.

``dossier.html`` is the page and ``dossier.css`` its style: an editor restyles the page there without
touching Python. Autoescaping is on, so a quote holding ``<script>`` is shown as text.
"""

from __future__ import annotations

import functools
from html import escape
from typing import Any

import jinja2
from markupsafe import Markup

from ..dossier import Dossier, Gap
from . import charts, common


def _escaped(value: Any) -> Any:
    """Every ``{{ value }}`` escaped as the standard library's ``html.escape`` does (``&quot;``,
    ``&#x27;``), so pages stay byte for byte what quotetrack wrote before its templates; None is
    shown as nothing. Markup (a macro's output) passes unchanged; anything else is escaped here, and
    autoescaping would escape it anyway. Control characters are written out as ``\\xNN``: a page
    saved and read with `cat` must not act on the terminal."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    return Markup(escape(common.visible(str(value)), quote=True))


def environment() -> jinja2.Environment:
    """The Jinja2 environment for quotetrack's pages: its templates, autoescaping, and the shared
    wording (counts, dates, evidence) as globals. A web server can render the same templates with it."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("quotetrack.render", "templates"),
        autoescape=True,
        finalize=_escaped,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    # The helpers the templates call, each under its own name.
    env.globals.update({helper.__name__: helper for helper in (
        common.conflict_heading, common.counted, common.dates, common.evidence_line, common.evidence_spans,
        common.figures_told, common.gap_text, common.quote_marks, common.segments, common.speaker_details,
        common.speaker_names, common.web_link,
    )})
    env.globals["figure_chart"] = charts.figure_chart
    env.tests["gap"] = lambda item: isinstance(item, Gap)
    return env


# Built once per process: the environment caches the compiled templates.
_shared = functools.cache(environment)


def render(dossier: Dossier, env: jinja2.Environment | None = None) -> str:
    """The whole page for a dossier: who spoke, the timeline, recurring claims, figures and disputes
    side by side with their evidence highlighted."""
    template = (env or _shared()).get_template("dossier.html")
    figure_tables = [(event, rows) for event, rows in dossier.figures if rows]
    return template.render(dossier=dossier, figure_tables=figure_tables)
