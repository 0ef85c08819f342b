"""InitScope: ``python main.py`` opens the window; ``main.py --headless`` trains in the terminal.

The headless path never imports Qt, so it starts fast and runs where no display exists;
``--headless --export-animation FILE`` is the one exception: it draws the frames with the
window's views, on Qt's offscreen platform (still no display needed).
"""

from __future__ import annotations

import sys


def _exports_animation(argv: list[str]) -> bool:
    return any(a == "--export-animation" or a.startswith("--export-animation=") for a in argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--headless" in argv and _exports_animation(argv):
        # drawn by the window's own views, offscreen: no display needed, but Qt is
        from app.animation.headless import main as export_main

        return export_main(argv)
    if "--headless" in argv:
        import os

        from engine.cli import main as headless_main

        try:
            return headless_main(argv)
        except BrokenPipeError:  # e.g. `| head`: the reader left; stop quietly, as a filter should
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    from app.launch import main as window_main

    return window_main(argv)


if __name__ == "__main__":
    sys.exit(main())
