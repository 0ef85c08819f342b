"""The run clock both workers keep: what play, pause, step and the target mean, and how big a
chunk of training is, at a pace and flat out.  Plain Python: no thread, no Qt event loop."""

from __future__ import annotations

from app.commands import FLAT_OUT, Play, SetSpeed, SetTarget, Step, TogglePlay
from app.frames import RunState
from app.run_clock import CHUNK_SECONDS, MAX_CHUNK, RunClock


def test_play_below_the_target_stops_there_and_past_it_runs_on():
    clock = RunClock(target=100)
    assert clock.handle(Play(), 40, True, 0.0)
    assert clock.state is RunState.RUNNING and not clock.past_target
    assert not clock.arrived(99)
    assert clock.arrived(100) and clock.state is RunState.FINISHED
    clock.handle(Play(), 100, True, 1.0)
    assert clock.state is RunState.RUNNING and clock.past_target
    assert not clock.arrived(10**6)


def test_step_while_paused_takes_n_and_while_running_only_pauses():
    clock = RunClock()
    clock.handle(Step(5), 10, True, 0.0)
    assert clock.state is RunState.STEPPING
    clock.handle(Step(3), 12, True, 0.0)  # a second click before the first is done adds up
    assert clock.chunk(12, 0.0) == 1  # not timed yet: one step
    clock.took(1, 0.001)
    assert clock.chunk(12, 0.0) == 6  # 18 - 12: never past the step's end
    assert clock.arrived(18) and clock.state is RunState.PAUSED
    clock.handle(Play(), 18, True, 0.0)
    clock.handle(Step(5), 20, True, 0.0)
    assert clock.state is RunState.PAUSED


def test_nothing_to_train_means_play_and_step_change_nothing():
    clock = RunClock()
    clock.handle(Play(), 0, False, 0.0)
    clock.handle(Step(3), 0, False, 0.0)
    assert clock.state is RunState.PAUSED
    assert clock.wait_time(0.0) is None  # idle: wait for a command


def test_toggle_and_a_new_target_while_running():
    clock = RunClock(target=100)
    clock.handle(TogglePlay(), 0, True, 0.0)
    assert clock.active
    clock.handle(SetTarget(50), 60, True, 0.0)  # already past it: runs on
    assert clock.past_target
    clock.handle(TogglePlay(), 60, True, 0.0)
    assert clock.state is RunState.PAUSED
    assert not clock.handle(object(), 0, True, 0.0)  # not a run command


def test_flat_out_chunks_last_about_8_ms_and_respect_the_next_frame():
    clock = RunClock()
    clock.handle(Play(), 0, True, 0.0)
    assert clock.wait_time(5.0) == 0.0
    clock.took(10, 0.001)  # 0.1 ms a step
    assert clock.chunk(0, 0.0) == int(CHUNK_SECONDS / 1e-4)
    assert clock.chunk(0, 0.0, width=4) == int(CHUNK_SECONDS / 4e-4)  # four networks a step
    assert clock.chunk(0, 0.0, until=0.002) == 21  # the frame is due in 2 ms
    clock.took(10, 1e-6)
    assert clock.chunk(0, 0.0) == MAX_CHUNK
    assert clock.chunk(None, 0.0) == MAX_CHUNK  # a catch-up is not bound by the stop


def test_a_paced_run_takes_its_steps_once_a_frame_and_reports_its_pace():
    clock = RunClock(max_fps=30.0)
    clock.handle(SetSpeed(33), 0, True, 0.0)
    clock.handle(Play(), 0, True, 0.0)
    assert clock.paced
    assert clock.chunk(0, 0.0) == 33
    assert clock.wait_time(0.01) > 0  # the next frame's steps come a frame later
    clock.took(33, 0.002)
    assert abs(clock.rate - 33 * 30) < 1e-9  # the pace, not the 16,500 steps/s it could do
    assert clock.chunk(None, 0.0) == 1  # a catch-up ignores the pace (and is not timed yet)
    clock.handle(SetSpeed(FLAT_OUT), 33, True, 0.1)
    assert not clock.paced and clock.wait_time(0.1) == 0.0


def test_a_new_network_is_timed_again():
    clock = RunClock()
    clock.handle(Play(), 0, True, 0.0)
    clock.took(100, 0.01)
    clock.new_network()
    assert clock.state is RunState.PAUSED and clock.rate == 0.0
    clock.handle(Play(), 0, True, 0.0)
    assert clock.chunk(0, 0.0) == 1
