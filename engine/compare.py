"""Several training runs on one data set, stepped in lockstep: their curves compare at equal effort.

A :class:`Comparison` owns one :class:`~engine.trainer.Trainer` per configuration, all sharing the
same read-only :class:`~engine.datasets.Dataset`.  ``step(n)`` advances every run that is still
finite by ``n`` gradient steps, so whenever the caller looks, all live runs stand at the same
iteration (a diverged run stops where it diverged; the others go on).  A configuration added to a
comparison that has already trained starts at iteration 0 and is brought up to the common
iteration first (``catch_up``, in bounded pieces so a GUI worker stays responsive).

Milestones — the first iteration at which the cost is at most :data:`COST_MILESTONE` and the first
at which the train accuracy is at least :data:`ACCURACY_MILESTONE` — would cost two extra forward
passes per step if checked naively: training would take about twice as long.  Instead they are
*checked* every :data:`CHECK_EVERY` steps, and when a check finds a milestone newly met, the steps
since the previous check are *replayed* on a scratch copy of the network from the parameters saved
at that check (same arithmetic, same numbers) to find the exact iteration.  So a milestone is exact
to the iteration; the one thing this can miss is an excursion across the threshold and back that
starts and ends between two checks (then the first crossing a check sees is reported).

Pure NumPy: no Qt here.  The command line's ``--compare`` is :mod:`engine.cli_compare`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from engine.config import TrainConfig
from engine.datasets import Dataset
from engine.initializers import INITIALIZERS
from engine.lockstep import LockstepBatch
from engine.network import Network, TrainingBatch
from engine.trainer import Trainer

__all__ = [
    "ACCURACY_MILESTONE",
    "CHECK_EVERY",
    "COST_MILESTONE",
    "DEFAULT_COMPARE",
    "MAX_CONFIGS",
    "RECORD_EVERY",
    "CompareEntry",
    "CompareRow",
    "Comparison",
    "config_label",
    "make_trainer",
]

COST_MILESTONE = 0.3
ACCURACY_MILESTONE = 0.9
#: milestones are checked every this many steps, then pinned to the exact iteration by replay
CHECK_EVERY = 100
#: the cost curve keeps one point every this many steps: 750 points for a 15000-step run, about
#: one per pixel column of the plot.  Computing the loss costs a forward pass's tail, and for a
#: saturated run (``random``: logits in the thousands take the slow stable path) several times
#: that, so recording every step would cost a comparison ~10% of its speed for nothing visible.
RECORD_EVERY = 20
MAX_CONFIGS = 6
#: the tutorial's three experiments
DEFAULT_COMPARE = ("zeros", "random", "he")

#: ``errstate`` is thread-local (NumPy 2): each public entry point sets it for its own thread.
_quiet = np.errstate(all="ignore")

_TUTORIAL = TrainConfig()


def config_label(config: TrainConfig) -> str:
    """A short name for a configuration: its initializer, then whatever differs from the tutorial.

    ``He``, ``Random ×10``, ``He · lr 0.1 · 20,10``; stable (it does not depend on what else is
    being compared), so a row keeps its name when others are added or removed.
    """
    init = INITIALIZERS[config.init]
    parts = [config.init_label]  # with the multiplier of initializers that take one: "Scaled ×3"
    if config.learning_rate != _TUTORIAL.learning_rate:
        parts.append(f"lr {config.learning_rate:g}")
    if config.hidden != _TUTORIAL.hidden:
        parts.append(",".join(map(str, config.hidden)))
    if config.activation != _TUTORIAL.activation:
        parts.append(config.activation)
    if config.seed != _TUTORIAL.seed and init.uses_seed:
        parts.append(f"seed {config.seed}")
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One configuration's line of the comparison table (plain numbers: safe to send anywhere).

    ``state`` is ``"running"``, ``"stepping"``, ``"paused"``, ``"finished"``, ``"catching up"``
    (added late, being brought to the common iteration) or ``"diverged"``.  ``cost_reached_at`` and
    ``accuracy_reached_at`` are ``None`` while the milestone has not been reached.
    """

    key: int
    label: str
    init: str
    iteration: int
    cost: float
    train_accuracy: float
    test_accuracy: float
    n_train: int
    n_test: int
    cost_reached_at: int | None
    accuracy_reached_at: int | None
    state: str
    diverged_at: int | None = None

    @property
    def state_text(self) -> str:
        if self.state == "diverged" and self.diverged_at is not None:
            return f"diverged at {self.diverged_at}"
        return self.state


@dataclass(eq=False)
class CompareEntry:
    """One configuration in a :class:`Comparison`: its trainer and its milestones so far."""

    key: int
    label: str
    config: TrainConfig
    trainer: Trainer
    cost_reached_at: int | None = None
    accuracy_reached_at: int | None = None
    #: the last iteration whose milestones were checked, and the parameters there (for replay)
    checked_at: int = -1
    checked_params: np.ndarray | None = None

    @property
    def iteration(self) -> int:
        return self.trainer.iteration

    @property
    def diverged_at(self) -> int | None:
        return self.trainer.diverged_at

    @property
    def live(self) -> bool:
        return self.trainer.diverged_at is None

    @property
    def pending(self) -> bool:
        """Is a milestone still to be found (so checks are still needed)?"""
        return self.cost_reached_at is None or self.accuracy_reached_at is None


def make_trainer(config: TrainConfig, data: Dataset) -> Trainer:
    """A trainer for ``config`` on ``data``, without the extras a comparison never shows.

    Gradient-norm and metrics recording are turned off: they split every chunk of steps into
    pieces, and the comparison draws neither (only costs are compared).
    """
    return Trainer(config, data, grad_every=0, metrics_every=0)


def _accuracy(net: Network, X: np.ndarray, Y: np.ndarray) -> float:
    """``Trainer.accuracy``'s arithmetic for any network (the replay must agree with it exactly)."""
    return float(np.mean((net.predict_proba(X) > 0.5).astype(np.int64)[0, :] == Y[0, :]))


class Comparison:
    """Trainers on one shared data set, stepped together.

    Parameters
    ----------
    data
        The data every configuration trains on (a configuration's own ``dataset`` is not used:
        the point is the same data for all).
    configs
        The initial configurations, each as a ``TrainConfig`` (labelled by :func:`config_label`).
    record_every
        The cost curves keep one point every this many steps (:data:`RECORD_EVERY`).
    check_every
        Milestone check interval (:data:`CHECK_EVERY`); milestones are exact regardless.
    trainer_factory
        Builds a trainer from ``(config, data)``; tests inject failures through it.
    """

    def __init__(
        self,
        data: Dataset,
        configs: Iterable[TrainConfig] = (),
        *,
        record_every: int = RECORD_EVERY,
        check_every: int = CHECK_EVERY,
        trainer_factory: Callable[[TrainConfig, Dataset], Trainer] = make_trainer,
    ) -> None:
        if record_every < 1 or check_every < 1:
            raise ValueError("record_every and check_every must be at least 1")
        self.data = data
        self.record_every = record_every
        self.check_every = check_every
        self._factory = trainer_factory
        self.entries: list[CompareEntry] = []
        #: stacked batches by their networks' ids (the networks are kept, so ids stay theirs)
        self._batches: dict[tuple[int, ...], tuple[tuple, LockstepBatch | None]] = {}
        #: the iteration every live configuration stands at (once caught up)
        self.iteration = 0
        self._next_key = 0
        for config in configs:
            self.add(config)

    # -- membership ---------------------------------------------------------------------------
    @_quiet
    def add(
        self, config: TrainConfig, label: str | None = None, key: int | None = None
    ) -> CompareEntry:
        """Add a configuration at iteration 0; it catches up with the others on the next step.

        ``key`` identifies it later (default: the next free number).  Raises ``ValueError`` when
        :data:`MAX_CONFIGS` are already compared or the key is taken; nothing changes then.
        """
        if len(self.entries) >= MAX_CONFIGS:
            raise ValueError(f"at most {MAX_CONFIGS} configurations can be compared at once")
        if key is None:
            key = self._next_key
        if any(e.key == key for e in self.entries):
            raise ValueError(f"configuration key {key} is already in use")
        trainer = self._factory(config, self.data)
        entry = CompareEntry(key, label or config_label(config), config, trainer)
        self._check(entry)  # iteration 0 counts: a run may start past a milestone
        self.entries.append(entry)
        self._next_key = max(self._next_key, key + 1)
        return entry

    def remove(self, key: int) -> bool:
        """Drop the configuration ``key``; ``False`` if there is none.  The others are untouched."""
        for i, entry in enumerate(self.entries):
            if entry.key == key:
                del self.entries[i]
                if not self.entries:
                    self.iteration = 0  # nothing left to be in step with
                return True
        return False

    def entry(self, key: int) -> CompareEntry:
        for entry in self.entries:
            if entry.key == key:
                return entry
        raise KeyError(f"no configuration with key {key}")

    # -- where the comparison stands ---------------------------------------------------------
    @property
    def live(self) -> list[CompareEntry]:
        """Entries still training (not diverged)."""
        return [e for e in self.entries if e.live]

    @property
    def lagging(self) -> list[CompareEntry]:
        """Live entries behind the common iteration (added late, not yet caught up)."""
        return [e for e in self.entries if e.live and e.iteration < self.iteration]

    @property
    def in_step(self) -> bool:
        """Do all live entries stand at the common iteration?"""
        return not self.lagging

    # -- training -------------------------------------------------------------------------------
    @_quiet
    def reset(self) -> None:
        """Every configuration back to iteration 0 with its initial weights; milestones cleared."""
        self.iteration = 0
        self._batches.clear()  # new networks: new batches
        for entry in self.entries:
            entry.trainer.reset()
            entry.cost_reached_at = entry.accuracy_reached_at = None
            entry.checked_at, entry.checked_params = -1, None
            self._check(entry)

    @_quiet
    def step(self, n: int) -> int:
        """Advance every live configuration to ``iteration + n``; returns the common advance.

        Laggards are first brought up to the common iteration (all of the way: call
        :meth:`catch_up` beforehand to bound the work of one call).  A configuration whose cost
        stops being finite stops at that iteration (its ``diverged_at``); the others go on.
        Runs of one shape step together (:mod:`engine.lockstep`, the same bits), the rest one by
        one.  Returns ``n``, or 0 when nothing is left to train.
        """
        if n <= 0 or not self.live:
            return 0
        target = self.iteration + n
        for group in self._lockstep_groups():
            self._advance_together(group, target)
        for entry in self.live:
            self._advance(entry, target)  # the rest, and whatever a group left (a divergence)
        self.iteration = target
        return n

    def _lockstep_groups(self) -> list[list[CompareEntry]]:
        """Live, in-step runs that can take their steps together, by shape and activation.

        Only plain trainers with nothing recorded between costs (``make_trainer``'s), and only
        groups whose stacked steps were checked to give each run's own bits.
        """
        groups: dict[tuple, list[CompareEntry]] = {}
        for entry in self.live:
            t = entry.trainer
            plain = type(t).step is Trainer.step and t.grad_every == 0 and t.metrics_every == 0
            if plain and t.iteration == self.iteration:
                groups.setdefault((t.layer_dims, t.net.activation.name), []).append(entry)
        groups_now = [g for g in groups.values() if len(g) > 1]
        wanted = {tuple(id(e.trainer.net) for e in g) for g in groups_now}
        for key in [k for k in self._batches if k not in wanted]:
            del self._batches[key]  # a run joined, left or diverged: that batch is done with
        return [g for g in groups_now if self._batch_for(g) is not None]

    def _batch_for(self, group: list[CompareEntry]) -> LockstepBatch | None:
        """The stacked batch for ``group``'s networks (kept while they stay the same)."""
        nets = tuple(e.trainer.net for e in group)
        key = tuple(id(net) for net in nets)
        if key not in self._batches:
            batch = LockstepBatch(nets, self.data.train_X, self.data.train_Y)
            rates = [e.trainer.learning_rate for e in group]
            self._batches[key] = (nets, batch if batch.agrees(rates) else None)
        return self._batches[key][1]

    def _advance_together(self, group: list[CompareEntry], target: int) -> None:
        """Train ``group`` up to ``target`` in one stacked batch, stopping at milestone checks.

        If a cost or a weight stops being finite, the batch changes nothing and returns: each
        run then steps on its own (``_advance``), which finds exactly where it diverged.
        """
        batch = self._batch_for(group)
        trainers = [e.trainer for e in group]
        every = self.check_every
        while batch is not None and trainers[0].iteration < target:
            it = trainers[0].iteration
            end = target
            if any(e.pending for e in group):
                end = min(end, (it // every + 1) * every)
            rates = [t.learning_rate for t in trainers]
            recorded = batch.run(end - it, rates, it, self.record_every)
            if recorded is None:
                return
            for i, trainer in enumerate(trainers):
                trainer.advanced(end - it, [(at, float(costs[i])) for at, costs in recorded])
            for entry in group:
                if entry.pending and entry.trainer.iteration % every == 0:
                    self._check(entry)

    @_quiet
    def catch_up(self, max_steps: int) -> int:
        """Move each laggard up to ``max_steps`` closer to the common iteration.

        Returns the gradient steps taken (over all entries); 0 when everyone is in step.
        """
        taken = 0
        for entry in self.lagging:
            before = entry.iteration
            self._advance(entry, min(self.iteration, before + max(1, max_steps)))
            taken += entry.iteration - before
        return taken

    def _advance(self, entry: CompareEntry, target: int) -> None:
        """Train ``entry`` up to ``target``, stopping at each milestone check while one is due."""
        trainer, every = entry.trainer, self.check_every
        while trainer.iteration < target and trainer.diverged_at is None:
            end = target
            if entry.pending:
                end = min(end, (trainer.iteration // every + 1) * every)
            trainer.step(end - trainer.iteration, self.record_every)
            if entry.pending and trainer.diverged_at is None and trainer.iteration % every == 0:
                self._check(entry)

    def _check(self, entry: CompareEntry) -> None:
        """Check the milestones at the entry's iteration; pin newly met ones by replay."""
        trainer = entry.trainer
        it = trainer.iteration
        if it <= entry.checked_at or trainer.diverged_at is not None:
            return
        need_cost = entry.cost_reached_at is None and trainer.cost() <= COST_MILESTONE
        need_acc = entry.accuracy_reached_at is None and (
            trainer.train_accuracy() >= ACCURACY_MILESTONE
        )
        if need_cost or need_acc:
            if entry.checked_params is None:  # the first check (iteration 0): nothing to replay
                found_cost, found_acc = it, it
            else:
                found_cost, found_acc = self._replay(entry, need_cost, need_acc)
            if need_cost:
                entry.cost_reached_at = found_cost
            if need_acc:
                entry.accuracy_reached_at = found_acc
        entry.checked_at = it
        entry.checked_params = trainer.net.flat.copy() if entry.pending else None

    def _replay(
        self, entry: CompareEntry, need_cost: bool, need_acc: bool
    ) -> tuple[int | None, int | None]:
        """Re-run the steps since the last check one by one to find where each milestone was met.

        The scratch network starts from the parameters saved at the last check and takes the same
        steps with the same arithmetic, so it passes through exactly the trainer's parameters.
        """
        trainer = entry.trainer
        net = Network(trainer.layer_dims, trainer.net.get_params(), entry.config.activation)
        net.flat[...] = entry.checked_params
        X, Y = self.data.train_X, self.data.train_Y
        batch = TrainingBatch(net, X, Y)
        lr, end = trainer.learning_rate, trainer.iteration
        found_cost = found_acc = None
        for i in range(entry.checked_at + 1, end + 1):
            batch.run(1, lr)
            if need_cost and found_cost is None:
                batch.forward()
                if batch.loss() <= COST_MILESTONE:
                    found_cost = i
            if need_acc and found_acc is None and _accuracy(net, X, Y) >= ACCURACY_MILESTONE:
                found_acc = i
            cost_done = found_cost is not None or not need_cost
            if cost_done and (found_acc is not None or not need_acc):
                break
        # The check at ``end`` met them, so the replay must have: fall back to it if it did not.
        return (found_cost if found_cost is not None else end), (
            found_acc if found_acc is not None else end
        )

    # -- the table ----------------------------------------------------------------------------
    @_quiet
    def rows(
        self, state: str = "paused", shown: Mapping[int, Trainer] | None = None
    ) -> tuple[CompareRow, ...]:
        """The comparison table, one row per configuration, in the order they were added.

        ``state`` is the group's (``running``, ``paused``, ``finished``…); a diverged or lagging
        configuration shows its own.  ``shown`` gives, by key, a trainer standing at an earlier
        iteration of that run (a timeline's replay, :mod:`engine.compare_timeline`): its row has
        that iteration's numbers, and a milestone or a divergence that came later is not there.
        """
        rows = []
        n_test = int(self.data.test_Y.shape[1])
        n_train = int(self.data.train_Y.shape[1])
        shown = shown or {}
        for e in self.entries:
            trainer = shown.get(e.key, e.trainer)
            at = trainer.iteration
            diverged_at = (
                e.diverged_at if e.diverged_at is not None and e.diverged_at <= at else None
            )
            if diverged_at is not None:
                row_state = "diverged"
            elif e.live and e.iteration < self.iteration:
                row_state = "catching up"
            else:
                row_state = state
            rows.append(
                CompareRow(
                    key=e.key,
                    label=e.label,
                    init=e.config.init,
                    iteration=at,
                    cost=trainer.cost(),
                    train_accuracy=trainer.train_accuracy(),
                    test_accuracy=trainer.test_accuracy(),
                    n_train=n_train,
                    n_test=n_test,
                    cost_reached_at=_by(e.cost_reached_at, at),
                    accuracy_reached_at=_by(e.accuracy_reached_at, at),
                    state=row_state,
                    diverged_at=diverged_at,
                )
            )
        return tuple(rows)


def _by(reached_at: int | None, iteration: int) -> int | None:
    """A milestone as known at ``iteration``: not reached yet if it was reached after it."""
    return reached_at if reached_at is not None and reached_at <= iteration else None
