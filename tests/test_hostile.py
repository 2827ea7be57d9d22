"""Nothing let in: hostile and malformed input across every command.

Every command is found by walking the CLI, and each of its arguments and options is fed text,
dates, numbers or files chosen to break it: random Unicode, control characters, invalid UTF-8, NUL
bytes, binary and empty files, JSONL with wrong types, ragged CSV, impossible dates, SQL fragments,
FTS operators, rich markup and terminal escapes. Each run must end in success, or in one
`Error: …` line on stderr and a non-zero exit; never a traceback. Text that is stored must read
back exactly as given.

bench/reliability.py imports this module and runs the same cases at full size (10,000 inputs).
Example counts here are modest so the default test run stays quick; QUOTETRACK_HOSTILE_EXAMPLES
raises them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotetrack.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "quotetrack" / "samples"
EXAMPLES = int(os.environ.get("QUOTETRACK_HOSTILE_EXAMPLES", "10"))
ROUND_TRIP = settings(
    max_examples=2 * EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("QUOTETRACK_HOSTILE_RANDOM") is None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
HOSTILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("QUOTETRACK_HOSTILE_RANDOM") is None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# --- what hostile input looks like ---

FRAGMENTS = [
    # SQL
    "'; DROP TABLE statements; --", "\" OR 1=1 --", "Robert'); DELETE FROM speakers;--", "%", "_",
    "' UNION SELECT sql FROM sqlite_master --", "?", ":id", "@x", "$1",
    # FTS5 query syntax
    "AND", "OR", "NOT", "NEAR(a b, 2)", "NEAR(", "*", "^", "\"", "(", ")", "{text}:", "speaker:x",
    "norm:a", "-x", "+", "a:b:c",
    # rich markup and terminal escapes
    "[bold]", "[/]", "[/bold]", "[red on white]", "[link=file:///etc/passwd]x[/link]", "[", "]", "\\[",
    ":smile:", "\x1b[31m", "\x1b[0m", "\x1b]0;pwned\x07", "\x1b[2J", "\x1bc", "\x9b31m", "\x07", "\x08",
    "\r", "\n", "\t", "\x0b", "\x0c", "\x7f",
    # Unicode troublemakers
    "\u202e", "\u200b", "\ufeff", "\u2028", "\u2029", "\x85", "\u0301", "ﬁ", "ß", "İ", "𝔘𝔫𝔦",
    "👩‍👩‍👧", "\U0010ffff", "\ufffd", "١٢", "²", "①", "Ⅻ",
    # format strings, shells, markup of other kinds
    "%s", "%(x)s", "{0}", "{}", "$(id)", "`id`", "<script>alert(1)</script>", "&amp;", "\\", "\\u0000",
    # numbers and dates
    "0", "-1", "9" * 25, "1e309", "NaN", "2018-02-30", "0000-00-00",
    # quoting an article might contain
    "“", "”", "‘", "’", "«", "»", "\"We did not,\" he said.",
]


def hostile_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text a user could type or paste, including what a terminal hands over for bad bytes."""
    # Python hands undecodable argv bytes over as lone surrogates U+DC80..U+DCFF.
    surrogate = st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF, categories=["Cs"])
    return st.one_of(
        st.text(max_size=max_size),
        st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"]), max_size=12),
        st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=6).map("".join),
        st.tuples(st.text(max_size=6), surrogate, st.text(max_size=6)).map("".join),
        st.sampled_from(FRAGMENTS),
    )


def hostile_date() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from([
            "2018-02-30", "2018-13-01", "2019-02-29", "0000-00-00", "9999-12-31", "10000-01-01",
            "2018-7-8", "8 July 2018", "July 8, 2018", "32 July 2018", "29 Feb 2020", "yesterday",
            "2018", "July 2018", "08/07/2018", "2018-07-08T25:00", "٢٠١٨-٠٧-٠٨", "-2018-01-01",
            "1e309", "Jul 8 18", "8 Julyy 2018", " ", "",
        ]),
        st.dates().map(str),
        st.dates().map(lambda d: d.strftime("%d %B %Y")),
        hostile_text(20),
    )


def hostile_number() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(-3, 30).map(str),
        st.integers(-(2**80), 2**80).map(str),
        st.sampled_from(["0", "-1", "1e3", "0x10", " 1", "١٢", "²", "", "NaN", "inf", str(2**63), str(2**63 - 1)]),
        hostile_text(10),
    )


RECORD_FIELDS = ["text", "speaker", "title", "affiliation", "speaker_kind", "kind", "outlet", "url",
                 "source_title", "published", "said_on", "event_date", "place", "tags", "context",
                 "relayed_to", "new_speaker", "created_at", "source", "id"]

json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), hostile_text(20)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """JSON Lines: mostly plausible records with wrong types, missing fields and broken lines."""
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        record: dict[str, Any] = {}
        if draw(st.booleans()):
            record["text"] = draw(st.one_of(hostile_text(), json_value))
        if draw(st.booleans()):
            record["speaker"] = draw(st.one_of(hostile_text(20), json_value, st.just("Ann Smith")))
        for key in draw(st.lists(st.sampled_from(RECORD_FIELDS), max_size=4)):
            record[key] = draw(st.one_of(hostile_text(20), hostile_date(), json_value))
        line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        shape = draw(st.sampled_from(["whole", "whole", "whole", "cut", "array", "scalar", "blank"]))
        if shape == "cut":
            line = line[: draw(st.integers(0, max(0, len(line) - 1)))]
        elif shape == "array":
            line = json.dumps([record])
        elif shape == "scalar":
            line = draw(st.sampled_from(["null", "1", "\"text\"", "true", "[]", "{}"]))
        elif shape == "blank":
            line = draw(st.sampled_from(["", "   ", "\t"]))
        lines.append(line)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028"]))
    return newline.join(lines).encode("utf-8", "surrogatepass")


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """CSV with a header of known and unknown columns and rows of the wrong length."""
    header = draw(st.lists(st.one_of(st.sampled_from(RECORD_FIELDS), hostile_text(8)), max_size=6))
    if draw(st.booleans()):
        header = ["text", "speaker", *header]
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 4))):
        width = len(header) + draw(st.sampled_from([0, 0, 0, -1, 1, 3]))
        writer.writerow(draw(st.lists(st.one_of(hostile_text(20), hostile_date()),
                                      min_size=max(0, width), max_size=max(0, width))))
    text = buffer.getvalue()
    if draw(st.integers(0, 5)) == 0:
        text += draw(st.sampled_from(['"unterminated,quote\n', 'a,"b"c,d\n', '\x00\n', ',,,,\n']))
    return text.encode("utf-8", "surrogatepass")


@st.composite
def article_bytes(draw: st.DrawFn) -> bytes:
    """Article-like text: sentences with quotes and attributions, mixed with hostile text."""
    names = st.sampled_from(["Colonel Ann Smith", "the ministry", "Mayor Bob Jones", "a spokesman", "He", ""])
    verbs = st.sampled_from(["said", "told", "denied", "claimed", "according to", "wrote", ""])
    sentence = st.one_of(
        st.tuples(hostile_text(30), verbs, names).map(lambda t: f"“{t[0]},” {t[1]} {t[2]}."),
        st.tuples(names, verbs, hostile_text(30)).map(lambda t: f"{t[0]} {t[1]} that {t[2]}."),
        st.tuples(verbs, names, hostile_text(30)).map(lambda t: f"{t[0].capitalize()} {t[1]}, \"{t[2]}\""),
        hostile_text(60),
        st.sampled_from(["<html><title>x</title><p>", "</p>", "<script>var a='\"';</script>", "# Heading",
                         "\n\n", "On 8 July 2018, ", "Wednesday", "&quot;", "<!--", "<![CDATA["]),
    )
    return "".join(draw(st.lists(sentence, max_size=8))).encode("utf-8", "surrogatepass")


@st.composite
def hostile_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name suffix and content: text of several kinds, then perhaps damaged."""
    suffix = draw(st.sampled_from([".jsonl", ".csv", ".json", ".txt", ".md", ".html", "", ".JSONL", ".ndjson"]))
    content = draw(st.one_of(
        jsonl_bytes(), csv_bytes(), article_bytes(), st.binary(max_size=200),
        st.sampled_from([b"", b"\n", b"\xef\xbb\xbf", b"[" * 100_000, b"{" * 50_000,
                         b"\x89PNG\r\n\x1a\n\x00\x00", b"SQLite format 3\x00" + bytes(100),
                         "text,speaker\n“a”,b\n".encode("utf-16")]),
    ))
    damage = draw(st.sampled_from(["none", "none", "none", "ff", "nul", "bom", "utf16", "latin1"]))
    if damage == "ff":
        cut = draw(st.integers(0, len(content)))
        content = content[:cut] + b"\xff\xfe" + content[cut:]
    elif damage == "nul":
        content += b"\x00"
    elif damage == "bom":
        content = b"\xef\xbb\xbf" + content
    elif damage == "utf16":
        content = content.decode("utf-8", "replace").encode("utf-16")
    elif damage == "latin1":
        content = content.decode("utf-8", "replace").encode("latin-1", "replace") + b"caf\xe9"
    return suffix, content


# --- the commands, found by walking the CLI ---


@dataclass
class Param:
    name: str
    opts: list[str]
    kind: str  # "flag", "file", "number", "date", "text", "db"
    argument: bool
    multiple: bool
    required: bool


@dataclass
class Command:
    path: list[str]
    params: list[Param]

    @property
    def name(self) -> str:
        return " ".join(self.path)


DATE_NAMES = {"said_on", "event_date", "published", "since", "until", "date", "on", "before", "after"}
FILE_NAMES = {"file", "files", "path", "article", "articles", "input", "inputs"}
OUTPUT_NAMES = {"output", "out", "to", "dest", "destination"}


def _kind(param: Any) -> str:
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    inner = getattr(annotation, "__args__", (annotation,))[0] if annotation is not None else None
    if getattr(param, "is_flag", False) or inner is bool:
        return "flag"
    if param.name == "db":
        return "db"
    if param.name in OUTPUT_NAMES:
        return "output"
    if param.name in FILE_NAMES or (param.metavar or "").upper().startswith("FILE") or (
        inner is Path and getattr(param, "param_type_name", "") == "argument"
    ):
        return "file"
    if inner in (int, float):
        return "number"
    if param.name in DATE_NAMES:
        return "date"
    if inner is Path:
        return "output"
    return "text"


def commands() -> list[Command]:
    """Every command the CLI has now, so that new commands are covered as they land."""
    found: list[Command] = []

    def walk(group: Any, path: list[str]) -> None:
        for name, command in sorted(group.commands.items()):
            if hasattr(command, "commands"):
                params = [p for p in command.params if p.name not in ("help",)]
                if params:
                    found.append(Command([*path, name], _params(params)))
                walk(command, [*path, name])
            else:
                found.append(Command([*path, name], _params(command.params)))

    walk(typer.main.get_command(app), [])
    return found


def _params(params: list[Any]) -> list[Param]:
    return [
        Param(p.name, list(p.opts), _kind(p), getattr(p, "param_type_name", "") == "argument",
              bool(p.multiple) or p.nargs == -1, bool(p.required))
        for p in params if p.name != "help"
    ]


# --- one hostile invocation ---


@dataclass
class Case:
    argv: list[str]
    files: dict[str, bytes] = field(default_factory=dict)  # written into the work folder first
    stdin: bytes = b""


@st.composite
def value_for(draw: st.DrawFn, param: Param, files: dict[str, bytes]) -> str:
    if param.kind == "number":
        return draw(hostile_number())
    if param.kind == "date":
        return draw(hostile_date())
    if param.kind == "output":
        return draw(st.sampled_from(["out.txt", "out.json", "out.csv", "nowhere/out.txt", ".", "-"]))
    if param.kind == "file":
        choice = draw(st.sampled_from(["made", "made", "made", "made", "missing", "folder", "text"]))
        if choice == "made":
            suffix, content = draw(hostile_file())
            name = f"in{len(files)}{suffix}"
            files[name] = content
            return name
        if choice == "missing":
            return "no-such-file.jsonl"
        if choice == "folder":
            return "."
        return draw(hostile_text(12))
    return draw(hostile_text())


@st.composite
def case_for(draw: st.DrawFn, command: Command) -> Case:
    files: dict[str, bytes] = {}
    argv = list(command.path)
    arguments: list[str] = []
    for param in command.params:
        if param.kind == "db":
            continue  # the runner names the database; hostile --db paths have their own test
        if param.kind == "flag":
            if draw(st.booleans()):
                argv.append(param.opts[0])
            continue
        if not param.required and not draw(st.booleans()):
            continue
        count = draw(st.integers(1, 3)) if param.multiple else 1
        values = [draw(value_for(param, files)) for _ in range(count)]
        if param.argument:
            arguments.extend(values)
        else:
            for value in values:
                argv.extend([param.opts[0], value])
    # "--" keeps a hostile argument that starts with "-" from being read as an option.
    if arguments:
        argv.extend(["--", *arguments])
    # exec() passes arguments as C strings: a NUL byte can never reach argv from a shell or a
    # script, so it is tested in files and stdin only.
    argv = [a.replace("\x00", "") for a in argv]
    stdin = draw(st.one_of(st.just(b""), hostile_file().map(lambda f: f[1])))
    return Case(argv, files, stdin)


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    problem: str | None  # None when the run ended as it should


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


_runner = CliRunner()


def invoke(argv: list[str], db: Path | None, stdin: bytes = b"") -> Any:
    args = list(argv)
    if db is not None:
        # --db goes before "--" so it is read as an option, not as an argument.
        split = args.index("--") if "--" in args else len(args)
        args = [*args[:split], "--db", str(db), *args[split:]]
    return _runner.invoke(app, args, input=stdin, catch_exceptions=True)


def _short(argv: list[str]) -> list[str]:
    return [a if len(a) <= 80 else a[:60] + f"…({len(a)} chars)" for a in argv]


# Commands whose stdout is data in a file format (written byte-exact, like --json).
DATA_OUTPUT = {"export"}
# Commands whose exit status 1 is a verdict, not an error ("check": a quote needs attention).
VERDICT_EXIT = {"check"}


def judge(result: Any, argv: list[str]) -> str | None:
    """Why this run did not end as it should: a traceback, an unclear error, or escapes shown raw.

    Notes on stderr before the error are allowed ("Rescanned: …"); the run must end in exactly one
    `Error:` line, the last one.
    """
    argv = _short(argv)
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])
        return f"traceback from {argv!r}:\n{trace}"
    if "Traceback (most recent call last)" in result.output:
        return f"traceback printed by {argv!r}:\n{result.output[-2000:]}"
    if not {"--json", "--nl", "--csv"} & set(argv) and argv[0] not in DATA_OUTPUT:
        shown = result.stdout + result.stderr
        raw = [c for c in shown if c == "\x1b" or "\x80" <= c <= "\x9f"]
        if raw:
            return f"{argv!r} printed raw control characters {raw[:3]!r}"
    if result.exit_code == 0:
        return None
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error: ")]
    if result.exit_code == 2:
        # A usage error: click prints the usage line and a hint around its one error line.
        return None if len(errors) == 1 else f"usage error without one Error line: {argv!r}: {result.stderr[:500]!r}"
    if result.exit_code == 1 and argv[0] in VERDICT_EXIT and not errors:
        return None
    if len(errors) != 1 or lines[-1] != errors[0]:
        return f"exit {result.exit_code} without one Error line: {argv!r}: stderr={result.stderr[:500]!r}"
    return None


def run_case(case: Case, folder: Path, db: Path) -> Outcome:
    for name, content in case.files.items():
        (folder / name).write_bytes(content)
    with inside(folder):
        result = invoke(case.argv, db, case.stdin)
    for name in case.files:
        (folder / name).unlink(missing_ok=True)
    return Outcome(result.exit_code, result.stdout, result.stderr, judge(result, case.argv))


def seeded_database(path: Path) -> Path:
    result = invoke(["import", str(SAMPLES / "makhmour-statements.jsonl")], path)
    assert result.exit_code == 0, result.output
    return path


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


COMMANDS = commands()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_database(tmp_path_factory.mktemp("template") / "seeded.db")


@pytest.fixture
def workspace(tmp_path: Path, template: Path) -> tuple[Path, Path]:
    db = tmp_path / "record.db"
    shutil.copy(template, db)
    folder = tmp_path / "work"
    folder.mkdir()
    return folder, db


def test_every_command_is_covered():
    names = {c.name for c in COMMANDS}
    assert {"add", "import", "list", "show", "edit", "delete", "speakers alias", "speakers merge"} <= names
    assert all(p.kind != "text" for c in COMMANDS for p in c.params if p.name == "db")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_hostile_input_never_ends_in_a_traceback(command: Command, workspace: tuple[Path, Path]):
    folder, db = workspace

    @HOSTILE
    @given(case=case_for(command))
    def check(case: Case) -> None:
        outcome = run_case(case, folder, db)
        assert outcome.problem is None, outcome.problem

    check()
    assert integrity(db) == "ok"


# Inputs that once ended in a traceback or in more than one line, kept as fixed cases.
FOUND = [
    ["add", "--speaker", "\udcff", "--", "undecodable speaker"],
    ["add", "--speaker", "Ann", "--place", "caf\udce9", "--", "undecodable place"],
    ["search", "--", "\udcff"],
    ["show", "--", str(2**64)],
    ["edit", "--place", "x", "--", str(2**70)],
    ["add", "--speaker", "²", "--", "superscript digit"],
    ["list", "--speaker", "①"],
    ["import", "--", "a\nb.jsonl"],
]


@pytest.mark.parametrize("argv", FOUND, ids=range(len(FOUND)))
def test_inputs_that_once_broke_a_command(argv, workspace):
    folder, db = workspace
    assert run_case(Case(argv), folder, db).problem is None


@pytest.mark.parametrize("content", [b'{"text": "a\\ud800b", "speaker": "Ann"}', b"[" * 100_000],
                         ids=["surrogate-escape", "deep-nesting"])
def test_json_that_once_broke_import(tmp_path, content):
    path = tmp_path / "in.jsonl"
    path.write_bytes(content)
    result = invoke(["import", str(path)], tmp_path / "r.db")
    assert result.exit_code == 1
    _clean(result, ["import"])


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_jsonl_text_may_hold_unicode_line_separators(tmp_path, separator):
    """JSON allows U+2028 and friends unescaped inside strings; only a line feed ends a JSON line."""
    text = f"one{separator}two"
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": text, "speaker": "Ann"}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = invoke(["import", str(path), "--json"], tmp_path / "r.db")
    assert json.loads(result.stdout)["added"] == 1, result.output
    assert _json(invoke(["list", "--json"], tmp_path / "r.db"))[0]["text"] == text


# --- stored text reads back exactly ---

storable = st.text(min_size=1, max_size=80).filter(lambda t: t.strip() and "\x00" not in t)
optional_text = st.one_of(st.none(), st.text(max_size=40).filter(lambda t: "\x00" not in t))
# Only web addresses are kept (any other --url is refused): any path, query and fragment after one.
web_url = st.one_of(st.none(), st.builds(
    lambda scheme, rest: f"{scheme}://news.example/{rest}", st.sampled_from(["http", "https", "HTTPS"]),
    st.text(st.characters(exclude_categories=["Z", "C"]), max_size=30)))


def _json(result: Any) -> Any:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@ROUND_TRIP
# A speaker written in decimal digits is read as a speaker id, so names here have a non-digit.
@given(text=storable, speaker=storable.filter(lambda s: not s.strip().isdecimal()),
        place=optional_text, context=optional_text,
       relayed_to=optional_text, outlet=optional_text, url=web_url,
       tags=st.lists(st.text(min_size=1, max_size=12).filter(lambda t: "\x00" not in t), max_size=3))
def test_add_stores_every_field_exactly(tmp_path_factory, text, speaker, place, context, relayed_to,
                                        outlet, url, tags):
    db = tmp_path_factory.mktemp("add") / "r.db"
    argv = ["add", "--new-speaker", "--json", "--speaker", speaker]
    for option, value in (("--place", place), ("--context", context), ("--relayed-to", relayed_to),
                          ("--outlet", outlet), ("--url", url)):
        if value is not None:
            argv += [option, value]
    for tag in tags:
        argv += ["--tag", tag]
    added = _json(invoke([*argv, "--", text], db))
    shown = _json(invoke(["show", str(added["id"]), "--json"], db))
    for statement in (added, shown):
        assert statement["text"] == text
        assert statement["speaker"]["name"] == speaker.strip()
        assert (statement["place"], statement["context"], statement["relayed_to"]) == (place, context, relayed_to)
        assert statement["tags"] == list(dict.fromkeys(tags))
        if outlet or url:
            assert (statement["source"]["outlet"], statement["source"]["url"]) == (outlet or None, url or None)


@ROUND_TRIP
@given(texts=st.lists(storable, min_size=1, max_size=6, unique=True), ascii_only=st.booleans(),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_import_jsonl_stores_text_exactly(tmp_path_factory, texts, ascii_only, newline):
    folder = tmp_path_factory.mktemp("jsonl")
    path = folder / "in.jsonl"
    records = [{"text": t, "speaker": "Ann Smith", "place": t[::-1], "tags": [t[:5]]} for t in texts]
    path.write_bytes(newline.join(json.dumps(r, ensure_ascii=ascii_only) for r in records).encode("utf-8"))
    assert _json(invoke(["import", str(path), "--json"], folder / "r.db"))["added"] == len(texts)
    listed = _json(invoke(["list", "--json"], folder / "r.db"))
    assert sorted((s["text"], s["place"], s["tags"][0]) for s in listed) == sorted(
        (t, t[::-1], t[:5]) for t in texts)


@ROUND_TRIP
@given(texts=st.lists(storable.filter(lambda t: t.strip(" ")), min_size=1, max_size=6, unique=True))
def test_import_csv_stores_text_exactly(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("csv")
    path = folder / "in.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["text", "speaker", "context"])
    for text in texts:
        writer.writerow([text, "Ann Smith", text + "!"])
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    assert _json(invoke(["import", str(path), "--json"], folder / "r.db"))["added"] == len(texts)
    listed = _json(invoke(["list", "--json"], folder / "r.db"))
    assert sorted((s["text"], s["context"]) for s in listed) == sorted((t, t + "!") for t in texts)


@ROUND_TRIP
@given(before=storable, after=storable, alias=storable)
def test_edit_and_alias_store_text_exactly(tmp_path_factory, before, after, alias):
    db = tmp_path_factory.mktemp("edit") / "r.db"
    added = _json(invoke(["add", "--speaker", "Ann Smith", "--json", "--", before], db))
    edited = _json(invoke(["edit", str(added["id"]), "--text", after, "--place", after, "--json"], db))
    assert (edited["text"], edited["place"]) == (after, after)
    assert _json(invoke(["show", str(added["id"]), "--json"], db))["text"] == after
    aliased = invoke(["speakers", "alias", "Ann Smith", alias, "--json"], db)
    if aliased.exit_code == 0:
        assert alias.strip() in json.loads(aliased.stdout)["aliases"]
    else:
        assert judge(aliased, ["speakers", "alias"]) is None


MARKUP = st.sampled_from(["bold", "red", "link=https://x.test", "/", "i", "blink", "reverse"])


@ROUND_TRIP
@given(tag=MARKUP, word=st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=10),
       escape=st.sampled_from(["\x1b[31m", "\x1b]0;title\x07", "\x9b2J", "\x1b[2K"]))
def test_markup_and_escapes_are_shown_literally(tmp_path_factory, tag, word, escape):
    db = tmp_path_factory.mktemp("markup") / "r.db"
    text = f"[{tag}]{word}[/{tag}] {escape}{word}"
    added = _json(invoke(["add", "--speaker", f"[{tag}]Eve", "--json", "--", text], db))
    for argv in (["show", str(added["id"])], ["list"], ["speakers"]):
        result = invoke(argv, db)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
        assert f"[{tag}]" in result.stdout
    assert f"[{tag}]{word}[/{tag}]" in invoke(["show", str(added["id"])], db).stdout


# --- large, empty and binary files, hostile database paths ---

TEN_MB = 10 * 1024 * 1024


def _clean(result: Any, argv: list[str]) -> None:
    assert judge(result, argv) is None, judge(result, argv)


def test_ten_megabyte_single_line_jsonl_is_stored_whole(tmp_path):
    text = ("x" * 1023 + " ") * (TEN_MB // 1024)
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": text, "speaker": "Ann Smith"}))
    result = invoke(["import", str(path), "--json"], tmp_path / "r.db")
    _clean(result, ["import"])
    assert result.exit_code == 0
    with sqlite3.connect(tmp_path / "r.db") as conn:
        assert conn.execute("SELECT text FROM statements").fetchone()[0] == text


def test_ten_megabyte_single_line_without_structure(tmp_path):
    for name, content in (("line.csv", b"text," + b"y" * TEN_MB), ("line.jsonl", b"{" + b"\"a" * (TEN_MB // 2)),
                          ("line.txt", b"z" * TEN_MB)):
        path = tmp_path / name
        path.write_bytes(content)
        argv = ["import", str(path)]
        _clean(invoke(argv, tmp_path / "r.db"), argv)
    assert integrity(tmp_path / "r.db") == "ok"


def test_ten_megabyte_argument_text(tmp_path):
    text = "w" * TEN_MB
    result = invoke(["add", "--speaker", "Ann Smith", "--json", "--", text], tmp_path / "r.db")
    _clean(result, ["add"])
    if result.exit_code == 0:
        assert json.loads(result.stdout)["text"] == text


@pytest.mark.parametrize("content", [b"", b"\n\n\n", b"\xef\xbb\xbf", b"\x00" * 64, bytes(range(256)),
                                     b"\x89PNG\r\n\x1a\n" + bytes(64), b"PK\x03\x04" + bytes(30)],
                         ids=["empty", "newlines", "bom", "nuls", "all-bytes", "png", "zip"])
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".txt"])
def test_empty_and_binary_files_are_refused_clearly(tmp_path, content, suffix):
    path = tmp_path / f"in{suffix}"
    path.write_bytes(content)
    argv = ["import", str(path)]
    result = invoke(argv, tmp_path / "r.db")
    assert result.exit_code == 1
    _clean(result, argv)


def _db_paths(tmp_path: Path) -> dict[str, Path | str]:
    """Database paths that are not a usable record. (A NUL byte cannot reach argv or the environment.)"""
    real = tmp_path / "real.db"
    seeded_database(real)
    corrupt = tmp_path / "corrupt.db"
    data = bytearray(real.read_bytes())
    data[4096:8192] = os.urandom(4096)  # damage the second page onward, keep the header
    corrupt.write_bytes(bytes(data))
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(real.read_bytes()[:300])
    (tmp_path / "text.db").write_text("my notes\n")
    (tmp_path / "binary.db").write_bytes(os.urandom(4096))
    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "folder.db").mkdir()
    return {
        "missing-folder": tmp_path / "nowhere" / "x.db", "folder": tmp_path / "folder.db",
        "text": tmp_path / "text.db", "binary": tmp_path / "binary.db", "empty": tmp_path / "empty.db",
        "corrupt": corrupt, "truncated": truncated,
        "surrogate": str(tmp_path / "\udcff.db"), "too-long": str(tmp_path / ("n" * 5000)),
        "name-too-long": str(tmp_path / ("n" * 300) / "x.db"),
    }


@pytest.mark.parametrize("argv", [["list"], ["add", "--speaker", "Ann", "--", "Words."], ["show", "1"],
                                  ["speakers"], ["db", "schema"], ["log"]], ids=lambda a: a[0])
def test_hostile_database_paths(tmp_path, argv):
    for label, path in _db_paths(tmp_path).items():
        result = invoke(argv, Path(path) if isinstance(path, Path) else path)  # type: ignore[arg-type]
        problem = judge(result, [*argv, "--db", label])
        assert problem is None, problem
        if label in ("text", "binary"):
            assert result.exit_code == 1


def test_text_file_database_is_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"my notes\n")
    invoke(["add", "--speaker", "Ann", "--", "Words."], path)
    assert path.read_bytes() == b"my notes\n"

