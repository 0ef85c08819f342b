"""File → Export animation… and ``main.py --headless --export-animation``: a run as a GIF or WebP.

The modules, each one idea: :mod:`~app.animation.spacing` (which iterations become frames),
:mod:`~app.animation.replay` (the run's exact state at each of them, no Qt),
:mod:`~app.animation.canvas` (the app's own views, offscreen, drawn into a picture),
:mod:`~app.animation.encode` (Pillow, written atomically), :mod:`~app.animation.export` (all
of it in one thread), :mod:`~app.animation.export_worker` (the window's export on a thread, with
progress and cancel), :mod:`~app.animation.dialog` (the menu item's dialogs) and
:mod:`~app.animation.headless` (the command line).
"""
