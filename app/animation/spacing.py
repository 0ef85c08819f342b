"""Which iterations of a run become frames of its animation.

Log spacing (the default) puts most frames early, where the tutorial's runs change most: random
×10's cost falls from 1773 to below 1 within the first few hundred iterations, then crawls for
the remaining fifteen thousand.  Even spacing shows the run at a steady pace.  Either way the
first frame is iteration 0, the last is the last iteration, and no iteration appears twice.
Pure Python: the command line checks its options with it before Qt is started.
"""

from __future__ import annotations

import math

from engine.cli_options import SPACINGS

__all__ = ["SPACINGS", "iteration_schedule"]


def iteration_schedule(last: int, frames: int, spacing: str = "log") -> tuple[int, ...]:
    """``frames`` distinct iterations from 0 to ``last``, increasing, both ends included.

    A run with fewer than ``frames`` iterations gives every one of them (``last + 1``).  Log
    spacing follows ``(last + 1) ** t - 1`` for ``t`` evenly spaced in [0, 1], so the gaps grow
    by a constant factor; where that rounds two frames onto one iteration, the later ones are
    pushed on by one (the first few frames are then consecutive iterations).
    """
    if last < 0:
        raise ValueError(f"the last iteration must be 0 or more (got {last})")
    if frames < 2:
        raise ValueError(f"an animation needs at least 2 frames (got {frames})")
    if spacing not in SPACINGS:
        raise ValueError(f"spacing must be one of {', '.join(SPACINGS)} (got {spacing!r})")
    n = min(frames, last + 1)
    if n == 1:
        return (0,)
    ts = [i / (n - 1) for i in range(n)]
    if spacing == "log":
        ideal = [math.expm1(t * math.log1p(last)) for t in ts]
    else:
        ideal = [t * last for t in ts]
    its = [round(v) for v in ideal]
    its[0], its[-1] = 0, last
    for i in range(1, n):  # distinct, pushed forward ...
        its[i] = max(its[i], its[i - 1] + 1)
    its[-1] = last
    for i in range(n - 2, -1, -1):  # ... and never past the end (n <= last + 1 leaves room)
        its[i] = min(its[i], its[i + 1] - 1)
    return tuple(its)
