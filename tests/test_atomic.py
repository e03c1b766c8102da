"""Safe replacement of a user's file: atomic, and never where a rename would do harm."""

from __future__ import annotations

import os
import stat

import pytest

from transcheck.atomic import WriteRefused, write_atomic, write_text


def test_a_new_file_gets_the_usual_mode(tmp_path):
    path = tmp_path / "report.json"
    mask = os.umask(0o027)
    try:
        write_text(str(path), "{}\n")
    finally:
        os.umask(mask)
    assert path.read_bytes() == b"{}\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o604)
    write_atomic(str(path), b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o604


def test_a_failing_verify_leaves_the_file_and_no_temporary(tmp_path):
    path = tmp_path / "sv.txt"
    path.write_bytes(b"old")

    def verify():
        raise WriteRefused("changed")

    with pytest.raises(WriteRefused):
        write_atomic(str(path), b"new", verify=verify)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["sv.txt"]


@pytest.mark.parametrize("kind", ["symlink", "dangling symlink", "read-only", "hard link", "directory"])
def test_refused_targets_are_untouched(tmp_path, kind):
    target = tmp_path / "target.txt"
    target.write_bytes(b"keep")
    path = tmp_path / "out.txt"
    if kind == "symlink":
        os.symlink("target.txt", path)
    elif kind == "dangling symlink":
        os.symlink("nowhere.txt", path)
    elif kind == "read-only":
        path.write_bytes(b"keep")
        path.chmod(0o444)
    elif kind == "hard link":
        os.link(target, path)
    else:
        path.mkdir()
    with pytest.raises(WriteRefused) as info:
        write_text(str(path), "new")
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert target.read_bytes() == b"keep"
    assert not (tmp_path / "nowhere.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["target.txt", "out.txt"])


def test_a_streamed_report_replaces_the_file_only_when_complete(tmp_path):
    from transcheck.atomic import replacing

    path = tmp_path / "report.md"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with replacing(str(path), text=True) as fh:
            fh.write("half of a rep")
            raise RuntimeError("a formatter failed")
    assert path.read_text(encoding="utf-8") == "old\n"
    with replacing(str(path), text=True) as fh:
        for chunk in ("# Report\n", "é\n"):
            fh.write(chunk)
    assert path.read_bytes() == "# Report\né\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
