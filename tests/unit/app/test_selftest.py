"""``labest --selftest``: one line, exit 0 when every step passes, exit 1 naming the
step that failed, on a temporary folder that never touches the user's data."""

from __future__ import annotations

import os

from labest_desktop import messages, selftest


def _without_window():
    return [(name, step) for name, step in selftest.STEPS if name != "window"]


def test_every_step_but_the_window_passes_and_prints_one_line(capsys, monkeypatch):
    """The storage, search, backup and workbook steps pass on a fresh temporary database."""
    monkeypatch.setattr(messages, "_language", "en")
    assert selftest.run_selftest(_without_window()) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert "self-test passed" in out[0]
    assert "migrations, project, stage, search, backup, workbook" in out[0]


def test_a_failing_step_is_named_without_traceback(capsys, monkeypatch):
    """A step raising anything ends the run: exit 1, one line naming the step and the
    reason, the steps after it not run, no traceback printed."""
    monkeypatch.setattr(messages, "_language", "en")
    ran = []

    def broken(ctx):
        raise RuntimeError("disk on fire\nsecond line")

    def never(ctx):
        ran.append("never")

    steps = [("migrations", selftest.step_migrations), ("broken", broken), ("after", never)]
    assert selftest.run_selftest(steps) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert "“broken”" in lines[0] and "RuntimeError: disk on fire" in lines[0]
    assert "passed: migrations" in lines[0]
    assert "Traceback" not in captured.err
    assert ran == []


def test_a_failed_check_gives_its_reason(capsys, monkeypatch):
    monkeypatch.setattr(messages, "_language", "en")

    def wrong(ctx):
        selftest._check(False, "schema 0001, expected 0002")

    assert selftest.run_selftest([("check", wrong)]) == 1
    assert "schema 0001, expected 0002" in capsys.readouterr().err


def test_the_users_data_is_never_touched(tmp_path, monkeypatch):
    """The steps run in a temporary folder: the data folder and database the user
    configured stay absent, and the environment is restored afterwards."""
    user_data = tmp_path / "user-data"
    monkeypatch.setenv("LABEST_DATA_DIR", str(user_data))
    monkeypatch.setenv("LABEST_DB", str(tmp_path / "mine.sqlite3"))
    seen = {}

    def spy(ctx):
        seen["data"] = os.environ["LABEST_DATA_DIR"]
        seen["db"] = os.environ.get("LABEST_DB")
        seen["folder"] = ctx.folder

    assert selftest.run_selftest([*_without_window(), ("spy", spy)]) == 0
    assert seen["data"] == str(seen["folder"]) and seen["db"] is None
    assert not seen["folder"].exists(), "the temporary folder is removed"
    assert not user_data.exists() and not (tmp_path / "mine.sqlite3").exists()
    assert os.environ["LABEST_DATA_DIR"] == str(user_data)
    assert os.environ["LABEST_DB"] == str(tmp_path / "mine.sqlite3")


def test_steps_are_a_list_later_features_extend():
    names = [name for name, _ in selftest.STEPS]
    assert names[:1] == ["migrations"] and names[-1] == "window"
    assert len(set(names)) == len(names)
