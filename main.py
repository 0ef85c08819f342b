"""InitScope: ``python main.py`` opens the window; ``main.py --headless`` trains in the terminal.

The headless path never imports Qt, so it starts fast and runs where no display exists;
``--headless --export-animation FILE`` is the one exception: it draws the frames with the
window's views, on Qt's offscreen platform (still no display needed).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--headless" in argv:
        from app.launch import headless  # imports no Qt itself

        return headless(argv)
    from app.launch import main as window_main

    return window_main(argv)


if __name__ == "__main__":
    sys.exit(main())
