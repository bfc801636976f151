"""The collector pause used around imports restores the collector as it found it."""

import gc
import threading

from labest_desktop.services.bulk_work import collector_paused


def test_paused_inside_and_back_on_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_blocks_turn_it_back_on_only_at_the_outermost_end():
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_exception_still_turns_it_back_on():
    try:
        with collector_paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


def test_left_off_when_it_was_off_before():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_blocks_in_two_threads():
    """A worker's import that ends first does not turn the collector on under the
    other one still running."""
    inside, release = threading.Event(), threading.Event()

    def worker():
        with collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    with collector_paused():
        thread.start()
        inside.wait(5)
    assert not gc.isenabled()  # the worker's block is still open
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_works_as_a_decorator_each_call():
    @collector_paused()
    def work():
        return gc.isenabled()

    assert work() is False and work() is False
    assert gc.isenabled()
