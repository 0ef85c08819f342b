"""InitScope as an installed distribution: one top-level name, ``initscope``.

The repository keeps its top-level ``app/``, ``engine/`` and ``resources/`` and the code imports
itself absolutely (``from app.x import …``, ``from engine.x import …``).  Installing those as
top-level packages would collide with any other distribution that owns ``app`` or ``engine`` in
the same environment (one installs over the other; uninstalling one deletes the other's files).
So the wheel puts them *inside* this package, ``site-packages/initscope/{app,engine,resources}``,
and importing ``initscope`` puts this folder first on ``sys.path``: ``app`` and ``engine`` then
resolve to InitScope's own copies in this process, and nothing of ours lies in ``site-packages``'s
top level.  From a source checkout (``python -m initscope`` in the repository, or an editable
install) the repository's root is put there instead.  See docs/packaging.md, "Installed names".

Only programs that import ``initscope`` see the change, and they are InitScope: this is an
application, not a library to import beside others.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["code_root", "headless_main", "main"]


def code_root() -> Path:
    """The folder that holds ``app/``, ``engine/`` and ``resources/`` (installed or checkout)."""
    here = Path(__file__).resolve().parent
    return here if (here / "app" / "launch.py").is_file() else here.parent


def _put_code_root_first() -> None:
    root = str(code_root())
    if sys.path[:1] != [root]:
        while root in sys.path:
            sys.path.remove(root)
        sys.path.insert(0, root)
    # Someone else's ``app`` or ``engine`` imported before us would shadow ours: say so plainly.
    for name in ("app", "engine"):
        module = sys.modules.get(name)
        where = getattr(module, "__file__", None) if module is not None else None
        if where is not None and not Path(where).resolve().is_relative_to(Path(root)):
            raise ImportError(
                f"InitScope: another package named {name!r} ({where}) was imported before "
                "InitScope; run InitScope in its own process (the initscope command)"
            )


_put_code_root_first()


def main(argv: list[str] | None = None) -> int:
    """The ``initscope`` command: the window, or ``--headless``, ``--help``, ``--version``."""
    from app.launch import main as launch

    return launch(argv)


def headless_main(argv: list[str] | None = None) -> int:
    """The ``initscope-headless`` command: ``initscope --headless`` under a shorter name."""
    from app.launch import main as launch

    argv = list(sys.argv[1:] if argv is None else argv)
    return launch(argv if "--headless" in argv else ["--headless", *argv])
