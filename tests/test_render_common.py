"""render.common: the wording the terminal, HTML and Markdown share."""

from datetime import date

from quotetrack.dossier import Gap
from quotetrack.evidence import (
    AlteredQuote,
    Count,
    Counts,
    Days,
    DenialCue,
    Misattribution,
    OppositeWords,
    SelfContradiction,
)
from quotetrack.models import Conflict, Source, Speaker, Statement
from quotetrack.render import common, terminal


def count(text, span):
    return Count(text, None, None, None, None, None, span)


def test_counted_and_gaps():
    assert common.counted(1, "statement") == "1 statement"
    assert common.counted(0, "dispute") == "0 disputes"
    assert common.gap_text(Gap(date(2020, 1, 1), date(2020, 1, 3))) == "… 1 day with nothing on record …"
    assert common.gap_text(Gap(date(2020, 1, 1), date(2020, 1, 9))) == "… 7 days with nothing on record …"


def test_segments_cut_at_the_spans_and_skip_bad_ones():
    assert common.segments("<a> & <b>", [(4, 5)]) == [("<a> ", False), ("&", True), (" <b>", False)]
    assert common.segments("abc", [(2, 9)]) == [("abc", False)]
    assert common.segments("abcdef", [(0, 3), (2, 4)]) == [("", False), ("abc", True), ("def", False)]


def test_dates_prefer_said_over_published():
    statement = Statement("x", Speaker("A"), source=Source(published=date(2020, 1, 3)), event_date=date(2020, 1, 1))
    assert common.dates(statement) == ["event 2020-01-01", "published 2020-01-03"]
    statement.said_on = date(2020, 1, 2)
    assert common.dates(statement) == ["event 2020-01-01", "said 2020-01-02"]


def test_evidence_spans_read_every_kind_of_evidence():
    assert common.evidence_spans(DenialCue("no", (0, 2), "b")) == ([], [(0, 2)])
    assert common.evidence_spans(OppositeWords(("up", "down"), ((1, 2), (3, 4)))) == ([(1, 2)], [(3, 4)])
    assert common.evidence_spans(Counts(count("5", (4, 5)), count("8", (6, 7)), "dead")) == ([(4, 5)], [(6, 7)])
    inner = DenialCue("no", (0, 2), "a")
    assert common.evidence_spans(SelfContradiction("polarity", inner)) == ([(0, 2)], [])
    assert common.evidence_spans(Days("2020-01-01", "2020-01-02")) == ([], [])


def test_the_evidence_line_is_the_terminal_summary_as_plain_text():
    a, b = Statement("no strikes \x1b[31m", Speaker("A")), Statement("strikes", Speaker("B"))
    cases = [
        DenialCue("no", (0, 2), "a"),
        OppositeWords(("rose", "fell"), ((0, 4), (0, 4)), Days("2020-01-01", "2020-01-02")),
        Counts(count("five", (0, 4)), count("eight", (0, 5)), "dead", Days("2020-01-01", "2020-01-02")),
        AlteredQuote((("=", "the"), ("-", "old"), ("+", "new\x1b"), ("=", "bridge")), 0.8),
        Misattribution("Ann", "Bo", 0.9),
    ]
    lines = []
    for evidence in cases:
        conflict = Conflict(a, b, "polarity", 0.5, evidence=evidence)
        lines.append(common.evidence_line(conflict))
        assert lines[-1] == terminal.evidence_summary(evidence).plain
    assert lines == [
        "denial cue “no” in A",
        "opposite words: “rose” vs “fell”; dates 2020-01-01 vs 2020-01-02",
        "counts of dead: five vs eight",
        "recorded → other: the [-old-] {+new\\x1b+} bridge",
        "the same words from Ann and Bo",
    ]
