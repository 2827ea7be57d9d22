"""`export -o` and `report -o` write only to files, replace one only with --force, follow a symbolic
link to the file it names, and write whole or not at all (issue 18, item 2)."""

import os
import stat

import pytest

from quotetrack import export
from quotetrack.errors import InvalidInput

COMMANDS = {"export": ("export", "--format", "jsonl", "-o"), "report": ("report", "--no-clusters", "-o")}
NAMES = {"export": "record.jsonl", "report": "story.md"}


@pytest.fixture
def story(run):
    result = run("add", "The ferry will run on Sundays from June.", "--speaker", "Ann Smith",
                 "--outlet", "Harbour Post")
    assert result.exit_code == 0, result.output
    return run


def _write(run, command, target, *more):
    return run(*COMMANDS[command], target, *more)


def _refused(result, *words):
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.stderr


def _no_partial_files(directory):
    assert not [p.name for p in directory.iterdir() if "partial" in p.name]


@pytest.mark.parametrize("command", COMMANDS)
def test_an_existing_file_is_replaced_only_with_force(story, tmp_path, command):
    target = tmp_path / NAMES[command]
    target.write_text("an editor's own notes\n")
    os.chmod(target, 0o640)
    _refused(_write(story, command, target), "already exists", "--force")
    assert target.read_text() == "an editor's own notes\n"
    result = _write(story, command, target, "--force")
    assert result.exit_code == 0, result.output
    assert "The ferry will run on Sundays" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the replaced file's mode is kept
    _no_partial_files(tmp_path)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_new_file_is_written_without_force(story, tmp_path, command):
    target = tmp_path / NAMES[command]
    assert _write(story, command, target).exit_code == 0
    assert "The ferry will run on Sundays" in target.read_text()
    _no_partial_files(tmp_path)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_named_pipe_is_never_replaced(story, tmp_path, command, force):
    target = tmp_path / NAMES[command]
    os.mkfifo(target)
    _refused(_write(story, command, target, *force), "named pipe")
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    _no_partial_files(tmp_path)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_link_to_a_device_is_never_followed_or_replaced(story, tmp_path, command):
    target = tmp_path / NAMES[command]
    target.symlink_to(os.devnull)
    _refused(_write(story, command, target, "--force"), "device", os.devnull)
    assert target.is_symlink() and os.readlink(target) == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_link_is_followed_and_the_file_it_names_written(story, tmp_path, command):
    real = tmp_path / "kept" / NAMES[command]
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / NAMES[command]
    link.symlink_to(real)
    _refused(_write(story, command, link), "already exists")
    assert _write(story, command, link, "--force").exit_code == 0
    assert link.is_symlink()
    assert "The ferry will run on Sundays" in real.read_text()
    _no_partial_files(tmp_path)
    _no_partial_files(real.parent)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_dangling_link_names_a_new_file(story, tmp_path, command):
    real = tmp_path / f"new-{NAMES[command]}"
    link = tmp_path / NAMES[command]
    link.symlink_to(real)
    assert _write(story, command, link).exit_code == 0
    assert link.is_symlink() and "The ferry will run on Sundays" in real.read_text()


def test_a_failed_export_leaves_the_file_as_it_was(story, tmp_path, monkeypatch):
    target = tmp_path / "record.jsonl"
    target.write_text("yesterday's export\n")

    def half_then_fail(db, fmt, stream, **options):
        stream.write('{"half": ')
        raise InvalidInput("The record changed while it was read.")

    monkeypatch.setattr(export, "write", half_then_fail)
    _refused(_write(story, "export", target, "--force"), "changed while")
    assert target.read_text() == "yesterday's export\n"
    _no_partial_files(tmp_path)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_directory_is_never_replaced(story, tmp_path, command):
    target = tmp_path / NAMES[command]
    target.mkdir()
    result = _write(story, command, target, "--force")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert target.is_dir()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_name_near_the_length_limit_is_written(story, tmp_path, command):
    target = tmp_path / ("n" * 245 + (".md" if command == "report" else ".jsonl"))
    assert _write(story, command, target).exit_code == 0
    assert "The ferry will run on Sundays" in target.read_text()
    _no_partial_files(tmp_path)
