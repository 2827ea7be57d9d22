"""evidence: typed conflict evidence and its JSON shape, written and read in one place."""

import json

import pytest

from quotetrack.evidence import (
    NO_EVIDENCE,
    AlteredQuote,
    Count,
    Counts,
    Days,
    DenialCue,
    Misattribution,
    OppositeWords,
    OtherEvidence,
    SelfContradiction,
    Similarity,
    counted_thing,
    from_json,
    to_json,
)

NINE = Count("nine", 9.0, 9.0, 9.0, None, "killed", (0, 4))
THIRTY_ONE = Count("31", 31.0, 31.0, 31.0, None, "killed", (7, 9))


@pytest.mark.parametrize(
    ("evidence", "shape"),
    [
        (DenialCue("not", (11, 14), "b"), '{"cue": "not", "cue_span": [11, 14], "side": "b"}'),
        (DenialCue("no", (0, 2), "a", Days("2018-07-08", "2018-06-30")),
         '{"cue": "no", "cue_span": [0, 2], "side": "a", "a_date": "2018-07-08", "b_date": "2018-06-30"}'),
        (OppositeWords(("rose", "fell"), ((4, 8), (4, 8))),
         '{"opposites": ["rose", "fell"], "spans": [[4, 8], [4, 8]]}'),
        (Counts(NINE, THIRTY_ONE, "killed"),
         '{"a_number": {"text": "nine", "value": 9.0, "low": 9.0, "high": 9.0, "thing": null, "role": "killed", '
         '"span": [0, 4]}, "b_number": {"text": "31", "value": 31.0, "low": 31.0, "high": 31.0, "thing": null, '
         '"role": "killed", "span": [7, 9]}, "thing": "killed"}'),
        (Counts(Count("seven", 7.0, 7.0, 7.0, None, "killed", (0, 5), "confirmed"), THIRTY_ONE, "killed"),
         '{"a_number": {"text": "seven", "value": 7.0, "low": 7.0, "high": 7.0, "thing": null, "role": "killed", '
         '"span": [0, 5], "kind": "confirmed"}, "b_number": {"text": "31", "value": 31.0, "low": 31.0, '
         '"high": 31.0, "thing": null, "role": "killed", "span": [7, 9]}, "thing": "killed"}'),
        (Days("2023-03-14", "2023-03-16"), '{"a_date": "2023-03-14", "b_date": "2023-03-16"}'),
        (AlteredQuote((("=", "peace"), ("-", "talks"), ("+", "war")), 0.667),
         '{"diff": [["=", "peace"], ["-", "talks"], ["+", "war"]], "similarity": 0.667}'),
        (AlteredQuote((("-", "never"),), 0.9, changes_meaning=True),
         '{"diff": [["-", "never"]], "similarity": 0.9, "changes_meaning": true}'),
        (Misattribution("Anna Lindgren", None, 0.95),
         '{"a_speaker": "Anna Lindgren", "b_speaker": null, "similarity": 0.95}'),
        (SelfContradiction("polarity", DenialCue("not", (3, 6), "b", Days("2020-01-01", "2020-02-01")), "a"),
         '{"kind": "polarity", "cue": "not", "cue_span": [3, 6], "side": "b", "a_date": "2020-01-01", '
         '"b_date": "2020-02-01", "earlier": "a"}'),
        (Similarity(0.412), '{"similarity": 0.412}'),
        (Similarity(1.0, verbatim=True), '{"similarity": 1.0, "verbatim": true}'),
    ],
)
def test_every_kind_is_written_in_the_stored_shape_and_read_back(evidence, shape):
    assert json.dumps(to_json(evidence)) == shape
    assert from_json(json.loads(shape)) == evidence


@pytest.mark.parametrize(
    "shape",
    [
        {},
        {"cue": "no"},  # an older or hand-edited shape: no span, no side
        {"cue": "no", "cue_span": [0, 2], "side": "a", "note": "added by hand"},
        {"side": "a", "cue": "no", "cue_span": [0, 2]},  # known keys in another order
        {"kind": "date", "a_date": "2020-01-01", "b_date": "2020-01-02"},
    ],
)
def test_a_shape_it_cannot_read_exactly_is_kept_as_it_was(shape):
    evidence = from_json(shape)
    assert isinstance(evidence, OtherEvidence)
    assert json.dumps(to_json(evidence)) == json.dumps(shape)


def test_the_counted_thing_is_found_inside_a_self_contradiction():
    assert counted_thing(Counts(NINE, THIRTY_ONE, "killed")) == "killed"
    assert counted_thing(SelfContradiction("number", Counts(NINE, THIRTY_ONE, "killed"))) == "killed"
    assert counted_thing(DenialCue("no", (0, 2), "a")) is None
    assert counted_thing(NO_EVIDENCE) is None

