"""The options of ``main.py --headless``: the parser, and the run its options ask for.

``--preset NAME`` starts from a ready-made experiment, ``--experiment FILE`` from a saved one; any
option given explicitly overrides it (which is why the options that set a
:class:`~engine.config.TrainConfig` field default to ``None`` here and get their real defaults,
the tutorial's, in :func:`config_from_args`).  A bad value is refused while parsing, with one line
on stderr naming the option and what is allowed, and exit status 2; so are options that parse on
their own but contradict each other (:func:`refuse_combinations`).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from engine.activations import ACTIVATIONS
from engine.config import (
    CONFIG_OPTIONS,
    MAX_ITERATIONS,
    MAX_SEED,
    TrainConfig,
    check_learning_rate,
    parse_hidden,
)
from engine.datasets import (
    DATASETS,
    MAX_NOISE,
    MAX_SAMPLES,
    MIN_SAMPLES,
    DataError,
    Dataset,
    check_noise,
    check_samples,
    csv_path,
    load_csv,
)
from engine.experiment import Experiment, ExperimentError, load_experiment
from engine.initializers import INITIALIZERS, MAX_SCALE, check_scale
from engine.presets import PRESETS

__all__ = [
    "ANIMATION_FORMATS",
    "DEFAULT_ANIMATION",
    "HOLD_LAST_SECONDS",
    "MAX_FPS",
    "MAX_FRAMES",
    "MAX_FRAME_WIDTH",
    "MIN_FRAME_WIDTH",
    "PROG",
    "SPACINGS",
    "AnimationOptions",
    "animation_options",
    "build_parser",
    "config_from_args",
    "refuse_combinations",
]


PROG = "main.py --headless"

# -- the animation export's limits: the command line's and the window's dialog's ----------------
#: the files an animation can be written as (Pillow writes both)
ANIMATION_FORMATS = (".gif", ".webp")
#: "log": dense early, where the tutorial's runs change most; "even": a steady pace
SPACINGS = ("log", "even")
MIN_FRAME_WIDTH = 640  # narrower, the views' labels are too small to read
MAX_FRAME_WIDTH = 1920
MAX_FRAMES = 300  # every frame is kept in memory until the file is written
MAX_FPS = 50.0  # GIF counts time in hundredths of a second: 50 fps is 2 of them a frame
HOLD_LAST_SECONDS = 2.0  # the last frame stays this much longer, so the end can be read


@dataclass(frozen=True, slots=True)
class AnimationOptions:
    """How an animation is made: how many frames, how fast, which iterations, how wide."""

    frames: int = 60
    fps: float = 12.0
    spacing: str = "log"
    width: int = 960

    @property
    def seconds(self) -> float:
        """How long the frames play (the last one is held a little longer)."""
        return self.frames / self.fps


DEFAULT_ANIMATION = AnimationOptions()
#: the options that shape an animation, by the ``AnimationOptions`` field each sets
#: (``--frame-spacing``, not ``--spacing``: ``--s`` stays short for the run's own options)
ANIMATION_FLAGS = {
    "frames": "--frames",
    "fps": "--fps",
    "spacing": "--frame-spacing",
    "width": "--width",
}


class _OneLineParser(argparse.ArgumentParser):
    """Refuses bad options with one line on stderr and exit status 2 (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _typed(kind, check, allowed: str):
    """An argparse ``type=`` that converts with ``kind``, checks, and names what is allowed."""

    def convert(text: str):
        try:
            value = kind(text)
            check(value)
        except (TypeError, ValueError):
            raise argparse.ArgumentTypeError(f"{text!r} is not allowed: {allowed}") from None
        return value

    return convert


def _whole(low: int, high: int, unit: str = ""):
    """An argparse ``type=`` for a whole number from ``low`` to ``high`` (``unit``: "pixels")."""
    words = f"a whole number of {unit} from" if unit else "a whole number from"
    return _typed(int, lambda n: _require(low <= n <= high), f"{words} {low} to {high}")


def _require(condition: bool) -> None:
    if not condition:
        raise ValueError


def _hidden(text: str) -> tuple[int, ...]:
    try:
        return parse_hidden(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _csv(text: str) -> Dataset:
    """Load the file while parsing, so a bad one is refused like any bad option: one line."""
    try:
        return load_csv(text)
    except DataError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _experiment(text: str) -> Experiment:
    """Read the experiment file while parsing: a bad one is refused in one line."""
    try:
        return load_experiment(text)
    except ExperimentError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _output_file(text: str) -> str:
    """A file the run will write: refused now, before training, if it clearly cannot be."""
    path = Path(text).expanduser()
    folder = path.parent
    if not text.strip():
        raise argparse.ArgumentTypeError("a file name is needed")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: is a folder, not a file")
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: the folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise argparse.ArgumentTypeError(f"{text}: no permission to write it")
    return str(path)


def _animation_file(text: str) -> str:
    """An animation to write: a writable place, and a name ending in a format we write."""
    path = _output_file(text)
    if Path(path).suffix.lower() not in ANIMATION_FORMATS:
        raise argparse.ArgumentTypeError(
            f"{text}: the file name must end in {' or '.join(ANIMATION_FORMATS)}"
        )
    return path


def _add_animation_options(p: argparse.ArgumentParser) -> None:
    d = DEFAULT_ANIMATION
    p.add_argument(
        "--export-animation",
        metavar="FILE",
        type=_animation_file,
        help="train, then write the run as an animation (.gif or .webp): the cost curve, the "
        "weight histograms, the decision boundary and the network at chosen iterations, drawn "
        "as the window draws them (no display needed)",
    )
    p.add_argument(
        "--frames",
        metavar="N",
        type=_whole(2, MAX_FRAMES),
        help=f"frames of the animation (default: {d.frames}; at most one per iteration)",
    )
    p.add_argument(
        "--fps",
        metavar="X",
        type=_typed(
            float, lambda f: _require(0 < f <= MAX_FPS), f"a number above 0 and at most {MAX_FPS:g}"
        ),
        help=f"frames per second (default: {d.fps:g}); the last frame stays "
        f"{HOLD_LAST_SECONDS:g} s longer",
    )
    p.add_argument(
        "--frame-spacing",
        dest="spacing",
        choices=list(SPACINGS),
        help="which iterations become frames: log (default: dense early, where runs change "
        "most) or even",
    )
    p.add_argument(
        "--width",
        metavar="PX",
        type=_whole(MIN_FRAME_WIDTH, MAX_FRAME_WIDTH, "pixels"),
        help=f"the animation's width in pixels (default: {d.width}; 16:10)",
    )


def animation_options(args: argparse.Namespace) -> AnimationOptions:
    """The animation the options ask for, the defaults where none was given."""
    given = {field: getattr(args, field) for field in ANIMATION_FLAGS}
    return AnimationOptions(**{k: v for k, v in given.items() if v is not None})


def build_parser() -> argparse.ArgumentParser:
    p = _OneLineParser(
        prog=PROG,
        description="Train without a window and print the tutorial's transcript.",
    )
    p.add_argument("--headless", action="store_true", help=argparse.SUPPRESS)
    p.add_argument(
        "--preset",
        choices=list(PRESETS),
        help="start from a ready-made experiment; explicit options override it",
    )
    p.add_argument("--init", choices=list(INITIALIZERS), help="weight initializer (default: he)")
    p.add_argument(
        "--scale",
        metavar="X",
        type=_typed(float, check_scale, f"a number above 0 and at most {MAX_SCALE:g}"),
        help="the multiplier of --init scaled (default: 1)",
    )
    p.add_argument(
        "--iterations",
        metavar="N",
        type=_whole(0, MAX_ITERATIONS),
        help="gradient steps (default: 15000, or the preset's)",
    )
    p.add_argument(
        "--lr",
        metavar="X",
        type=_typed(float, check_learning_rate, "a number above 0 and at most 10"),
        help="learning rate (default: 0.01)",
    )
    p.add_argument(
        "--layers",
        type=_hidden,
        metavar="SIZES",
        help="hidden layer sizes, e.g. 10,5 (default)",
    )
    p.add_argument(
        "--seed",
        metavar="S",
        type=_whole(0, MAX_SEED),
        help="the initializer's random seed (default: 3)",
    )
    p.add_argument("--dataset", choices=list(DATASETS), help="data set (default: circles)")
    p.add_argument(
        "--noise",
        metavar="X",
        type=_typed(float, check_noise, f"a number from 0 to {MAX_NOISE:g}"),
        help="noise of the generated data set (default: the data set's own; circles 0.05)",
    )
    p.add_argument(
        "--samples",
        metavar="N",
        type=_typed(int, check_samples, f"a whole number from {MIN_SAMPLES} to {MAX_SAMPLES}"),
        help="training points of the generated data set, plus a third as many test points "
        "(default: 300)",
    )
    p.add_argument(
        "--csv",
        metavar="PATH",
        type=_csv,
        help="your own points: a CSV file of x1,x2,label rows (label 0 or 1)",
    )
    p.add_argument(
        "--activation",
        choices=list(ACTIVATIONS),
        help="hidden-layer activation (default: relu)",
    )
    p.add_argument(
        "--print-every",
        default=1000,
        metavar="K",
        type=_typed(int, lambda k: _require(k >= 1), "a whole number of at least 1"),
        help="print the cost every K iterations (default: 1000)",
    )
    p.add_argument(
        "--compare",
        metavar="NAMES",
        help="train several initializers side by side on the same data, e.g. zeros,random,he "
        "(up to 6), then print a comparison table",
    )
    p.add_argument(
        "--diagnostics",
        action="store_true",
        help="after the accuracies, report per layer: gradient norms, distinct neurons, dead "
        "units; and the saturated outputs",
    )
    p.add_argument(
        "--experiment",
        metavar="FILE",
        type=_experiment,
        help="start from a saved experiment file (its settings and its target iterations); "
        "explicit options override it",
    )
    p.add_argument(
        "--save-experiment",
        metavar="FILE",
        type=_output_file,
        help="write the run's settings and iterations to an experiment file, then train",
    )
    p.add_argument(
        "--export-csv",
        metavar="FILE",
        type=_output_file,
        help="after training, write every iteration's cost, with the accuracies and gradient "
        "norms every 100 iterations, as CSV",
    )
    _add_animation_options(p)
    p.set_defaults(experiment_data=None)  # refuse_combinations loads the experiment's CSV here
    return p


def _refuse_animation_combinations(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> None:
    """The animation's options need --export-animation, which writes the animation only."""
    if args.export_animation is None:
        for field, option in ANIMATION_FLAGS.items():
            if getattr(args, field) is not None:
                parser.error(f"argument {option}: only with --export-animation FILE")
        return
    for option, given in (
        ("--compare", args.compare is not None),
        ("--diagnostics", args.diagnostics),
        ("--export-csv", args.export_csv is not None),
        ("--save-experiment", args.save_experiment is not None),
    ):
        if given:
            parser.error(
                f"argument {option}: not allowed with --export-animation (it writes the "
                "animation only)"
            )


def config_from_args(args: argparse.Namespace) -> tuple[TrainConfig, Dataset | None, int]:
    """The run the options ask for: ``(config, data loaded from --csv or None, iterations)``.

    ``args`` comes from :func:`build_parser` (after :func:`refuse_combinations`, which loads an
    experiment's CSV file).  The preset or experiment file (if any) first, then every option
    given explicitly; what neither sets keeps the tutorial's default.  The iterations:
    ``--iterations``, else the experiment's target, else the preset's, else 15000.
    """
    preset = PRESETS[args.preset] if args.preset else None
    experiment: Experiment | None = args.experiment
    if experiment is not None:
        config = experiment.config
    else:
        config = preset.apply() if preset else TrainConfig()
    changes = {name: getattr(args, _dest(option)) for name, option in CONFIG_OPTIONS.items()}
    data = args.csv
    if data is not None:
        changes["dataset"] = data.name
    config = config.with_(**{k: v for k, v in changes.items() if v is not None})
    loaded = args.experiment_data
    if data is None and loaded is not None and loaded.name == config.dataset:
        data = loaded
    iterations = args.iterations
    if iterations is None and experiment is not None:
        iterations = experiment.target
    if iterations is None:
        iterations = preset.iterations if preset else 15000
    return config, data, iterations


def _dest(option: str) -> str:
    """The attribute argparse stores ``option`` in: ``--print-every`` → ``print_every``."""
    return option.removeprefix("--").replace("-", "_")


def refuse_combinations(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Options that parse on their own but contradict each other: one line, status 2.

    Also reads the data file an experiment names (into ``args.experiment_data``), so that a
    bad one is refused like any bad option.
    """
    experiment: Experiment | None = args.experiment
    if experiment is not None and args.preset is not None:
        parser.error("argument --experiment: not allowed with --preset (both set up the whole run)")
    _refuse_animation_combinations(parser, args)
    if args.compare is not None:
        for option, value in (
            ("--save-experiment", args.save_experiment),
            ("--export-csv", args.export_csv),
        ):
            if value is not None:
                parser.error(f"argument {option}: not allowed with --compare (a single run only)")
    compared = args.compare.split(",") if args.compare else []
    if args.scale is not None and not any(
        n in INITIALIZERS and INITIALIZERS[n].uses_scale for n in compared
    ):
        if experiment is not None:
            base_init = experiment.config.init
        else:
            base_init = PRESETS[args.preset].init if args.preset else TrainConfig().init
        init = args.init or base_init
        if not INITIALIZERS[init].uses_scale:
            parser.error(
                f"argument --scale: only --init scaled uses a multiplier (the initializer: {init})"
            )
    if args.csv is not None:
        clash = [
            option
            for option, value in (
                ("--dataset", args.dataset),
                ("--noise", args.noise),
                ("--samples", args.samples),
            )
            if value is not None
        ]
        if clash:
            parser.error(
                f"argument --csv: not allowed with {clash[0]} (a file brings its own points)"
            )
    elif experiment is not None and args.dataset is None:
        path = csv_path(experiment.config.dataset)
        if path is not None:
            for option, value in (("--noise", args.noise), ("--samples", args.samples)):
                if value is not None:
                    parser.error(
                        f"argument {option}: the experiment's data come from a file, which "
                        "brings its own points (choose a --dataset to use it)"
                    )
            try:
                args.experiment_data = load_csv(path)
            except DataError as exc:
                parser.error(f"argument --experiment: its data file: {exc}")
