"""The comparison's widgets, one idea a module: :mod:`.view` composes them into ``compareView``.

:mod:`.texts` words the frames' numbers in the current language, :mod:`.run_style` gives each
compared run its colour, line and marker, :mod:`.cost_plot`, :mod:`.spread_plot` and
:mod:`.mini_map` draw, :mod:`.controls_row` and :mod:`.table` are the controls and the numbers.
None of them trains or decides: :class:`app.controllers.compare_controller.CompareController`
does, and :func:`app.compare_wiring.wire` connects the two.
"""
