"""render.markdown: the dossier as Markdown, every piece of stored text literal."""

from datetime import date

from quotetrack.dossier import Dossier, timeline
from quotetrack.evidence import DenialCue
from quotetrack.models import Conflict, Speaker, Statement
from quotetrack.render import markdown


def test_md_makes_markup_literal_and_folds_whitespace():
    assert markdown.md("*a* [b](c) <i>x</i> | #1\n\tend") == r"\*a\* \[b\](c) &lt;i&gt;x&lt;/i&gt; \| \#1 end"
    assert markdown.md(None) == ""


def test_dossier_markdown_bolds_the_evidence_and_keeps_text_literal():
    a = Statement("There were *no* strikes.", Speaker("Ann", title="Colonel"), id=1, event_date=date(2020, 1, 1))
    b = Statement("Strikes <b>hit</b>.", Speaker("Bo"), id=2, event_date=date(2020, 1, 5))
    conflict = Conflict(a, b, "polarity", 0.75, id=3, evidence=DenialCue("no", (11, 15), "a"))
    page = markdown.render(Dossier(filters={"tag": None}, statements=[a, b], speakers=[(a.speaker, 1), (b.speaker, 1)],
                                   timeline=timeline([a, b], [conflict]), disputes=[conflict]))
    assert page.startswith("# Dossier: the whole record\n")
    assert "- *… 3 days with nothing on record …*" in page
    assert "### Conflict 3 · polarity · open · score 0.75" in page
    assert "| “There were **\\*no\\*** strikes.” | “Strikes &lt;b&gt;hit&lt;/b&gt;.” |" in page
    assert "**Evidence:** denial cue “no” in A" in page
    assert "- **2020-01-01** (event) Ann (Colonel): “There were \\*no\\* strikes.” <small>#1 · quote</small>" in page


def test_reported_speech_is_not_put_inside_quotation_marks():
    a = Statement("Talks failed.", Speaker("Ann"), id=1, event_date=date(2020, 1, 1))
    b = Statement("talks had made progress", Speaker("Bo"), kind="reported", id=2, event_date=date(2020, 1, 1))
    conflict = Conflict(a, b, "polarity", 0.7, id=3)
    page = markdown.render(Dossier(filters={"tag": None}, statements=[a, b], speakers=[(a.speaker, 1), (b.speaker, 1)],
                                   timeline=timeline([a, b], [conflict]), disputes=[conflict]))
    assert "| “Talks failed.” | talks had made progress |" in page
    assert "Bo: talks had made progress <small>#2 · reported</small>" in page
