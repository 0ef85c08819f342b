"""Which iterations become frames: distinct, increasing, from 0 to the last, dense early when
log-spaced (the first iterations are where random ×10 changes most)."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.animation.spacing import SPACINGS, iteration_schedule
from engine.cli_options import DEFAULT_ANIMATION


@given(
    last=st.integers(min_value=0, max_value=10**9),
    frames=st.integers(min_value=2, max_value=300),
    spacing=st.sampled_from(SPACINGS),
)
def test_a_schedule_is_distinct_increasing_and_spans_the_run(last, frames, spacing):
    its = iteration_schedule(last, frames, spacing)
    assert its[0] == 0 and its[-1] == last
    assert all(a < b for a, b in itertools.pairwise(its))
    assert len(its) == min(frames, last + 1)  # every iteration when there are fewer


def test_the_default_gives_at_least_20_frames_of_the_tutorials_run():
    its = iteration_schedule(15000, DEFAULT_ANIMATION.frames, DEFAULT_ANIMATION.spacing)
    assert DEFAULT_ANIMATION.spacing == "log"
    assert len(its) >= 20 and len(set(its)) == len(its)


@pytest.mark.parametrize("last,frames", [(15000, 60), (15000, 20), (300, 20), (1_000_000, 40)])
def test_log_spacing_starts_dense_and_spreads_out(last, frames):
    its = iteration_schedule(last, frames, "log")
    assert its[:3] == (0, 1, 2)  # the very first steps, one by one
    gaps = [b - a for a, b in itertools.pairwise(its)]
    quarter = len(gaps) // 4
    assert sum(gaps[:quarter]) * 10 < sum(gaps[-quarter:])
    # half the frames come before the geometric middle of the run, give or take the push
    assert its[len(its) // 2] <= 4 * math.sqrt(last + 1)


def test_even_spacing_keeps_a_steady_pace():
    assert iteration_schedule(15000, 21, "even") == tuple(range(0, 15001, 750))
    its = iteration_schedule(15000, 60, "even")
    gaps = [b - a for a, b in itertools.pairwise(its)]
    assert max(gaps) - min(gaps) <= 1


@pytest.mark.parametrize(
    "args",
    [(-1, 10, "log"), (100, 1, "log"), (100, 0, "even"), (100, 10, "random")],
)
def test_impossible_schedules_are_refused(args):
    with pytest.raises(ValueError):
        iteration_schedule(*args)
