"""What every hidden neuron computes over the input plane: the maps of the network diagram.

One forward pass over a coarse grid of the plane the decision map shows, keeping every hidden
layer's activations (the boundary grid keeps only the output), with the same NumPy operations in
the same order as :meth:`Network.forward <engine.network.Network.forward>`, so each map holds the
very bits the network computes at those points.  The grid's points and one buffer per layer are
kept between frames (:class:`NeuronMapper`): fresh arrays cost page faults.

Beside the maps, per layer: the shown units' incoming weights and biases, which units are the
same neuron (rows of ``[W | b]`` grouped exactly as :func:`engine.diagnostics.distinct_rows`
counts them), and — from the trainer's forward pass on the training data, which a snapshot has
already made — which units are dead or saturated (:data:`engine.diagnostics.DEAD_RULES`) and
the mean and spread of each unit's activation.

Wide layers show their first :data:`MAX_SHOWN` units; big networks get coarser maps
(:func:`map_resolution`), so a full frame stays cheap.  Everything returned is a read-only copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from engine.activations import sigmoid
from engine.diagnostics import _flat_mask, row_groups
from engine.snapshot import frozen_copy

__all__ = [
    "MAX_MAP_RESOLUTION",
    "MAX_SHOWN",
    "MIN_MAP_RESOLUTION",
    "LayerMaps",
    "NeuronMapper",
    "NeuronMaps",
    "map_resolution",
    "trainer_maps",
]

#: Units drawn per layer; the rest are counted ("+500 more").
MAX_SHOWN = 12
MAX_MAP_RESOLUTION = 32
MIN_MAP_RESOLUTION = 8
#: Floating-point operations one map pass may cost (about 2 ms of one core): a 32 x 32 grid for
#: the tutorial's network, 24 x 24 for 100,100, the 8 x 8 floor for 12 x 512.
MAP_FLOPS = 1.2e7


def map_resolution(layer_dims: Sequence[int], cap: int = MAX_MAP_RESOLUTION) -> int:
    """The maps' grid side for a network of these layer sizes (at most ``cap``, and never
    above :data:`MAX_MAP_RESOLUTION`: a node is ~50 px wide, and the workers pass the boundary
    grid's side, 150, as the cap, which made every frame compute and colour 22x the pixels)."""
    cap = min(cap, MAX_MAP_RESOLUTION)
    flops = 2 * sum(a * b for a, b in pairwise(layer_dims))
    side = int((MAP_FLOPS / max(flops, 1)) ** 0.5)
    return max(min(MIN_MAP_RESOLUTION, cap), min(side, cap))


@dataclass(frozen=True, slots=True, eq=False)
class LayerMaps:
    """One layer's shown units (its first ``shown``), read-only.

    ``values[u, row, col]`` is unit ``u``'s output at ``(xs[col], ys[row])``; ``weights[u]`` its
    incoming weights (from every unit below), ``biases[u]`` its bias; ``groups[u]`` the first unit
    of the layer equal to it and ``group_sizes[u]`` how many units of the whole layer are equal to
    it (1: it is unique); ``distinct`` counts different units in the whole layer.  From the
    training data, when known (else ``None``): ``flat[u]`` — dead or saturated on every training
    point — with ``n_flat`` such units in the whole layer, and each unit's activation ``mean`` and
    ``std``.
    """

    values: np.ndarray
    n_units: int
    weights: np.ndarray
    biases: np.ndarray
    groups: np.ndarray
    group_sizes: np.ndarray
    distinct: int
    flat: np.ndarray | None = None
    n_flat: int | None = None
    mean: np.ndarray | None = None
    std: np.ndarray | None = None

    @property
    def shown(self) -> int:
        return int(self.values.shape[0])

    @property
    def more(self) -> int:
        """Units of the layer not shown."""
        return self.n_units - self.shown


@dataclass(frozen=True, slots=True, eq=False)
class NeuronMaps:
    """Every hidden layer's maps (``hidden``) and the output unit's (P(class 1), ``output``)."""

    iteration: int
    activation: str
    xs: np.ndarray
    ys: np.ndarray
    hidden: tuple[LayerMaps, ...]
    output: LayerMaps

    @property
    def resolution(self) -> int:
        return int(self.xs.shape[0])

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1])

    @property
    def truncated(self) -> bool:
        """Some layer has more units than are shown."""
        return any(layer.more for layer in self.hidden)


def _frozen_int(a: np.ndarray) -> np.ndarray:
    return frozen_copy(np.asarray(a, dtype=np.int64))


class NeuronMapper:
    """Computes :class:`NeuronMaps`, keeping the grid and one buffer per layer between calls."""

    def __init__(self, max_shown: int = MAX_SHOWN) -> None:
        self.max_shown = max_shown
        self._key: tuple | None = None
        self._grid: tuple[np.ndarray, np.ndarray, np.ndarray, list[np.ndarray]] | None = None

    def _scratch(self, net, bounds, resolution: int):
        key = (tuple(bounds), resolution, net.layer_dims)
        if self._key != key or self._grid is None:
            xs = np.linspace(bounds[0], bounds[1], resolution)
            ys = np.linspace(bounds[2], bounds[3], resolution)
            gx, gy = np.meshgrid(xs, ys)
            points = np.vstack([gx.ravel(), gy.ravel()])
            m = points.shape[1]
            buffers = [np.empty((n, m)) for n in net.layer_dims[1:]]
            self._grid = (xs, ys, points, buffers)
            self._key = key
        return self._grid

    def maps(
        self,
        net,
        bounds: tuple[float, float, float, float],
        resolution: int,
        *,
        iteration: int = 0,
        train_activations: Sequence[np.ndarray] | None = None,
    ) -> NeuronMaps:
        """The maps of ``net`` on a ``resolution`` square grid over ``bounds = (x0, x1, y0, y1)``.

        ``train_activations``: the hidden layers' activations on the training data at the same
        parameters, for the dead/saturated marks and the means (``None``: left out).
        """
        xs, ys, points, buffers = self._scratch(net, bounds, resolution)
        with np.errstate(all="ignore"):  # diverging weights overflow by design
            A = points
            for W, b, Z in zip(net.W[:-1], net.b[:-1], buffers):
                np.dot(W, A, out=Z)  # Network.forward's np.dot(W, A) + b, activated in place
                np.add(Z, b, out=Z)
                net.activation.forward(Z, Z)
                A = Z
            out = buffers[-1]
            np.dot(net.W[-1], A, out=out)
            np.add(out, net.b[-1], out=out)
            sigmoid(out, out=out)
            activation = net.activation.name
            trains = train_activations or [None] * (len(buffers) - 1)
            hidden = tuple(
                self._layer(Z, W, b, A_train, activation, resolution)
                for Z, W, b, A_train in zip(buffers[:-1], net.W[:-1], net.b[:-1], trains)
            )
            output = self._layer(out, net.W[-1], net.b[-1], None, activation, resolution)
        return NeuronMaps(iteration, activation, frozen_copy(xs), frozen_copy(ys), hidden, output)

    def _layer(self, Z, W, b, A_train, activation: str, resolution: int) -> LayerMaps:
        shown = min(self.max_shown, Z.shape[0])
        groups = row_groups(np.hstack([W, b]))
        sizes = np.bincount(groups, minlength=len(groups))
        flat = n_flat = mean = std = None
        if A_train is not None:
            every = _flat_mask(A_train, activation).all(axis=1)
            flat, n_flat = frozen_copy(every[:shown]), int(np.count_nonzero(every))
            mean = frozen_copy(A_train[:shown].mean(axis=1))
            std = frozen_copy(A_train[:shown].std(axis=1))
        return LayerMaps(
            values=frozen_copy(Z[:shown].reshape(shown, resolution, resolution)),
            n_units=int(Z.shape[0]),
            weights=frozen_copy(W[:shown]),
            biases=frozen_copy(b[:shown, 0]),
            groups=_frozen_int(groups[:shown]),
            group_sizes=_frozen_int(sizes[groups[:shown]]),
            distinct=len(np.unique(groups)),
            flat=flat,
            n_flat=n_flat,
            mean=mean,
            std=std,
        )


def trainer_maps(
    trainer,
    mapper: NeuronMapper,
    resolution: int,
    bounds: tuple[float, float, float, float] | None = None,
) -> NeuronMaps:
    """:meth:`NeuronMapper.maps` of a :class:`~engine.trainer.Trainer`'s current parameters, with
    the dead/saturated marks from its training forward pass (which a snapshot of the same
    iteration has already made: no extra pass over the data)."""
    train = trainer._forward().A[1:-1]  # the trainer's own cached pass
    return mapper.maps(
        trainer.net,
        bounds or trainer.grid_bounds(),
        resolution,
        iteration=trainer.iteration,
        train_activations=train,
    )
