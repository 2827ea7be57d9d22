"""render.html: the dossier page comes from the Jinja2 template files, with autoescaping on."""

from datetime import date
from pathlib import Path

import jinja2
import pytest

import quotetrack.render
from quotetrack.dossier import Dossier, timeline
from quotetrack.evidence import OppositeWords
from quotetrack.models import Conflict, Review, Source, Speaker, Statement
from quotetrack.render import html

TEMPLATES = Path(quotetrack.render.__file__).parent / "templates"


def dossier_of(*statements, disputes=()):
    speakers = [(s.speaker, 1) for s in statements]
    return Dossier(filters={"tag": "town"}, statements=list(statements), speakers=speakers,
                   timeline=timeline(statements, disputes), disputes=list(disputes), clusters=None,
                   generated_at="2020-03-10T09:00:00+00:00")


def stated(text, statement_id, name="Ann Smith", **fields):
    return Statement(text=text, speaker=Speaker(name=name, id=statement_id), id=statement_id,
                     source=Source(outlet="AP"), event_date=date(2020, 3, 1), **fields)


def test_a_statement_holding_a_script_is_escaped_through_the_template():
    hostile = stated('<script>alert("x")</script> & it\'s <b>left</b>', 1, name="<img src=x onerror=alert(1)>")
    page = html.render(dossier_of(hostile))
    assert "<script" not in page.lower() and "<img" not in page and "<b>" not in page
    # The standard library's escaping, as before the templates: &quot; and &#x27;.
    assert "“&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; it&#x27;s &lt;b&gt;left&lt;/b&gt;”" in page
    assert '<span class="speaker">&lt;img src=x onerror=alert(1)&gt;</span>' in page


def test_evidence_is_marked_and_escaped_inside_and_outside_the_marks():
    a = stated("<a> & <b>", 1)
    b = stated("abc", 2, name="Bo Lin")
    conflict = Conflict(a=a, b=b, type="polarity", score=0.8, id=7,
                        evidence=OppositeWords(("&", "abc"), ((4, 5), (2, 9))),
                        review=Review(note="</section><script>x</script>"))
    page = html.render(dossier_of(a, b, disputes=[conflict]))
    assert "“&lt;a&gt; <mark>&amp;</mark> &lt;b&gt;”" in page
    assert "“abc”" in page  # a span past the end is ignored
    assert "&lt;/section&gt;&lt;script&gt;x&lt;/script&gt;" in page
    assert '<section class="dispute open" id="conflict-7"><h3>Conflict 7 · polarity · open · score 0.80</h3>' in page


def test_only_web_addresses_become_links():
    safe = stated("Fine.", 1, name="A")
    safe.source = Source(outlet="AP", url="https://example.org/a?x=1&y=2")
    script = stated("Not a link.", 2, name="B")
    script.source = Source(outlet="Evil", url="javascript:alert(1)")
    page = html.render(dossier_of(safe, script))
    assert '<a href="https://example.org/a?x=1&amp;y=2">AP</a>' in page
    assert "javascript:" not in page and "· Evil" in page


def test_the_page_is_the_template_file(tmp_path):
    # The templates are files an editor can restyle, shipped as package data.
    assert (TEMPLATES / "dossier.html").is_file() and (TEMPLATES / "dossier.css").is_file()
    env = html.environment()
    assert env.autoescape is True
    assert env.get_template("dossier.html").filename == str(TEMPLATES / "dossier.html")
    # A restyled copy of the templates is what render() uses when given its environment.
    for name in ("dossier.html", "dossier.css", "charts.html"):
        (tmp_path / name).write_text((TEMPLATES / name).read_text())
    (tmp_path / "dossier.css").write_text("body { color: rebeccapurple; }\n")
    env.loader = jinja2.FileSystemLoader(tmp_path)
    page = html.render(dossier_of(stated("Hello.", 1)), env=env)
    assert "<style>\nbody { color: rebeccapurple; }\n</style>" in page
    assert "“Hello.”" in page


def test_the_css_is_the_stylesheet_file():
    page = html.render(dossier_of(stated("Hello.", 1)))
    assert f"<style>\n{(TEMPLATES / 'dossier.css').read_text()}</style>" in page


def test_a_mistyped_name_in_a_template_fails_loudly(tmp_path):
    (tmp_path / "dossier.html").write_text("{{ dossier.titel }}")
    env = html.environment()
    env.loader = jinja2.FileSystemLoader(tmp_path)
    with pytest.raises(jinja2.UndefinedError):
        html.render(dossier_of(stated("Hello.", 1)), env=env)


def test_only_verbatim_statements_are_shown_inside_quotation_marks():
    said = stated("We will rebuild the bridge.", 1)
    paraphrase = stated("the bridge would be rebuilt by spring", 2, name="Bo Lin", kind="reported")
    report = stated("There was no immediate claim of responsibility.", 3, name="AP", kind="report")
    conflict = Conflict(a=said, b=paraphrase, type="polarity", score=0.8, id=4)
    page = html.render(dossier_of(said, paraphrase, report, disputes=[conflict]))
    assert "“We will rebuild the bridge.”" in page
    assert "the bridge would be rebuilt by spring" in page
    assert "“the bridge would be rebuilt by spring" not in page
    assert "“There was no immediate claim" not in page
