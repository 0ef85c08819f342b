"""``networkDiagram``: the maps it draws come from the worker's frames; marks, hover, click,
projector sizes, pictures; and the comparison's compact diagram."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui, QtWidgets

from app.commands import ShowNeuronMaps, Step, Stop
from app.compare_worker import CompareWorker
from app.views.diagram_scene import WEIGHT_FULL, Sizes
from app.views.network_diagram import MiniDiagram, NetworkDiagram
from app.views.style import Palette
from app.worker import TrainingWorker
from engine.config import TrainConfig
from engine.datasets import load_dataset
from engine.neuron_maps import NeuronMapper, trainer_maps
from engine.trainer import Trainer
from tests.app import shown
from tests.app.worker_driver import WorkerDriver, stop_when


def frames_of(config: TrainConfig, steps: int):
    worker = TrainingWorker(config, grid_resolution=16)
    frames = WorkerDriver(worker).run(
        [Step(steps)], react=stop_when(lambda f: f.snapshot.iteration == steps)
    )
    return frames[0], frames[-1]


def maps_of(config: TrainConfig, steps: int = 0, resolution: int = 16):
    trainer = Trainer(config)
    trainer.step(steps)
    return trainer_maps(trainer, NeuronMapper(), resolution)


@pytest.fixture
def diagram(qtbot):
    return shown(qtbot, NetworkDiagram(), 1000, 620)


def test_zeros_draws_one_repeated_neuron_he_varied_ones_that_change(diagram, qtbot):
    assert diagram.objectName() == "networkDiagram" and diagram.neuron_maps() == []
    _, zeros = frames_of(TrainConfig(init="zeros"), 30)
    diagram.show_frame(zeros)
    maps = diagram.neuron_maps()
    assert [m.shape for m in maps] == [(10, 16, 16), (5, 16, 16)]
    for layer in maps:
        assert all(np.array_equal(layer[0], m) for m in layer)

    first, last = frames_of(TrainConfig(init="he"), 200)
    diagram.show_frame(first)
    before = [m.copy() for m in diagram.neuron_maps()]
    for layer in before:
        assert len(np.unique(layer.reshape(len(layer), -1), axis=0)) == len(layer)
    diagram.show_frame(last)
    after = diagram.neuron_maps()
    assert all(not np.array_equal(a, b) for a, b in zip(before, after))
    assert np.array_equal(after[0], last.neurons.hidden[0].values)  # exactly what arrived


def test_frames_without_maps_keep_the_picture(diagram):
    _, frame = frames_of(TrainConfig(init="he"), 5)
    diagram.show_frame(frame)
    diagram.show_maps(None)
    assert diagram.maps is frame.neurons
    assert np.array_equal(diagram.neuron_maps()[0], frame.neurons.hidden[0].values)


def node_pixel(diagram: NetworkDiagram, column: int, unit: int) -> QtGui.QColor:
    """The colour just inside a node's lower-left corner (clear of words and badges)."""
    image = diagram.grab().toImage()
    rect = diagram.scene.node(column, unit).rect
    ratio = image.devicePixelRatio()
    x, y = rect.left() + rect.width() * 0.2, rect.bottom() - rect.height() * 0.2
    return image.pixelColor(round(x * ratio), round(y * ratio))


def test_identical_and_dead_units_are_marked(diagram, qtbot):
    diagram.show_maps(maps_of(TrainConfig(init="zeros"), 10))
    assert diagram.column_note(1) == "×10 identical · 10 dead"
    assert diagram.column_note(2) == "×5 identical · 5 dead"
    grey = node_pixel(diagram, 1, 3)
    assert grey.red() == grey.green() == grey.blue() and 130 < grey.red() < 200  # greyed
    diagram.show_maps(maps_of(TrainConfig(init="he"), 10))
    assert "identical" not in diagram.column_note(1)
    assert not maps_of(TrainConfig(init="he"), 10).hidden[0].flat.any()
    assert node_pixel(diagram, 1, 3) != grey  # alive: its map, not greyed


def test_saturated_units_are_marked():
    maps = maps_of(TrainConfig(init="scaled", scale=40.0, activation="tanh", hidden=(6, 6)))
    d = NetworkDiagram()
    d.resize(900, 600)
    d.show_maps(maps)
    assert d.scene is not None
    n = maps.hidden[1].n_flat
    assert n and f"{n} saturated" in d.column_note(2)


def test_hover_a_neuron_shows_its_map_weights_and_bias(diagram, qtbot):
    maps = maps_of(TrainConfig(init="he"), 50)
    diagram.show_maps(maps)
    rect = diagram.scene.node(1, 2).rect
    qtbot.mouseMove(diagram, rect.center().toPoint())
    qtbot.waitUntil(lambda: diagram.card.isVisible())
    assert diagram.hovered == ("node", (1, 2))
    text = diagram.card.text()
    layer = maps.hidden[0]
    assert text.startswith("layer 1, unit 3")
    assert f"bias: {layer.biases[2]:.4g}" in text
    assert f"incoming weights: {layer.weights[2, 0]:.4g}, {layer.weights[2, 1]:.4g}" in text
    assert f"mean {layer.mean[2]:.4g}, std {layer.std[2]:.4g}" in text
    assert not diagram.card.image.pixmap().isNull()
    assert diagram.card.image.pixmap().width() == diagram.card.map_side


def test_hover_a_link_shows_its_weight(diagram, qtbot):
    diagram.show_maps(maps_of(TrainConfig(init="he"), 50))
    scene = diagram.scene
    index = next(i for i, lk in enumerate(scene.links) if lk.column == 2)
    link = scene.links[index]
    point = link.line.pointAt(0.5).toPoint()
    qtbot.mouseMove(diagram, point)
    qtbot.waitUntil(lambda: diagram.card.isVisible())
    kind, found = diagram.hovered
    hit = scene.links[found]
    assert kind == "link"
    assert QtCore.QLineF(hit.line.pointAt(0.5), link.line.pointAt(0.5)).length() < 30
    assert diagram.card.text().startswith(f"weight {hit.weight:.4g}")
    qtbot.mouseMove(diagram, QtCore.QPoint(3, diagram.height() // 2))  # nothing there
    qtbot.waitUntil(lambda: not diagram.card.isVisible())


def test_click_a_neuron_highlights_its_links(diagram, qtbot):
    diagram.show_maps(maps_of(TrainConfig(init="he"), 50))
    renders = diagram.scene_renders
    centre = diagram.scene.node(2, 1).rect.center().toPoint()
    with qtbot.waitSignal(diagram.selectionChanged) as blocker:
        qtbot.mouseClick(diagram, QtCore.Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [(2, 1)] and diagram.selected == (2, 1)
    links = [diagram.scene.links[i] for i in diagram.highlighted_links()]
    assert len(links) == 10 + 1  # from every unit of layer 1, to the output
    assert all((lk.column, lk.target) == (2, 1) or lk.source == 1 for lk in links)
    qtbot.waitUntil(lambda: diagram.scene_renders > renders)  # the picture was redrawn
    qtbot.mouseClick(diagram, QtCore.Qt.MouseButton.LeftButton, pos=centre)
    assert diagram.selected is None and diagram.highlighted_links() == []


def test_repaints_blit_the_cached_picture(diagram, qtbot):
    diagram.show_maps(maps_of(TrainConfig(init="he"), 5))
    diagram.repaint()
    renders = diagram.scene_renders
    for _ in range(3):
        diagram.repaint()
    assert diagram.scene_renders == renders


def test_new_maps_draw_the_nodes_again_and_the_links_only_when_they_look_otherwise(diagram):
    """The links are rasterised once and blitted after that: a frame whose weights moved by a
    hair (the maps change every frame while training) redraws the nodes alone."""
    wiring, nodes = (w for w in diagram.children() if type(w) is QtWidgets.QLabel)
    trainer = Trainer(TrainConfig(init="he"))
    trainer.step(100)
    diagram.show_maps(trainer_maps(trainer, NeuronMapper(), 16))
    links, maps = wiring.pixmap().cacheKey(), nodes.pixmap().cacheKey()
    trainer.step(1)  # learning rate 0.01: no link gains or loses half a pixel
    diagram.show_maps(trainer_maps(trainer, NeuronMapper(), 16))
    assert nodes.pixmap().cacheKey() != maps
    assert wiring.pixmap().cacheKey() == links
    moved = Trainer(TrainConfig(init="random"))  # ten times heavier links
    diagram.show_maps(trainer_maps(moved, NeuronMapper(), 16))
    assert wiring.pixmap().cacheKey() != links


def test_links_are_as_wide_as_their_weights_on_a_fixed_scale(diagram):
    sizes = diagram.sizes
    w = np.array([0.7, 0.8, 0.9, -0.9])
    assert np.allclose(sizes.link_width(10 * w), 10 * sizes.link_width(w))
    assert sizes.link_width(np.array([WEIGHT_FULL * 5]))[0] == sizes.link_max
    widths = {}
    for init in ("random", "he"):
        diagram.show_maps(maps_of(TrainConfig(init=init)))
        widths[init] = np.mean([lk.width for lk in diagram.scene.links if lk.column == 1])
    assert widths["random"] > 5 * widths["he"]


def test_projector_mode_makes_nodes_links_and_fonts_big(diagram):
    diagram.resize(1600, 1000)
    diagram.show_maps(maps_of(TrainConfig(init="he")))
    normal_side, normal = diagram.scene.node_side, diagram.sizes
    diagram.apply_palette(Palette(projector=True))
    big = diagram.sizes
    assert big.font_pt >= 20 and big.node >= 72 and big.link_max >= 16
    assert big.link_max > normal.link_max and big.rim_max > normal.rim_max
    assert diagram.scene.node_side > normal_side
    assert diagram.card.title.font().pointSizeF() >= 20


def test_picture_export_is_slide_wide(diagram, tmp_path):
    diagram.show_maps(maps_of(TrainConfig(init="he")))
    image = diagram.render_picture(1920)
    assert image.width() == 1920 and image.height() > 900
    colours = {image.pixel(x, y) for x in range(0, 1920, 37) for y in range(0, 1000, 41)}
    assert len(colours) > 20  # a drawing, not a blank page
    path = tmp_path / "net.png"
    assert diagram.save_picture(path, 2400)
    assert QtGui.QImage(str(path)).width() == 2400


def test_wide_layers_show_twelve_units_and_say_so(diagram):
    maps = maps_of(TrainConfig(init="he", hidden=(40, 3)), resolution=8)
    diagram.show_maps(maps)
    assert [m.shape for m in diagram.neuron_maps()] == [(12, 8, 8), (3, 8, 8)]
    assert diagram.more_text(1) == "+28 more" and diagram.more_text(2) == ""
    assert "first 12 units" in diagram.note() and "8×8" in diagram.note()


def test_language_change_rewords_the_picture(diagram, qtbot):
    diagram.show_maps(maps_of(TrainConfig(init="he")))
    qtbot.waitUntil(lambda: diagram.scene_renders >= 1)
    renders = diagram.scene_renders
    QtCore.QCoreApplication.sendEvent(diagram, QtCore.QEvent(QtCore.QEvent.Type.LanguageChange))
    assert diagram.accessibleName().startswith("Network diagram")
    diagram.repaint()
    assert diagram.scene_renders == renders + 1


def test_the_comparison_diagram_draws_each_runs_picture(qtbot):
    data = load_dataset("circles")
    configs = [(0, TrainConfig(init="zeros"), None), (1, TrainConfig(init="he"), None)]
    frames = WorkerDriver(CompareWorker(data, configs, grid_resolution=12)).run(
        [ShowNeuronMaps(True), Step(10)], react=lambda f: [Stop()] if f.iteration == 10 else None
    )
    minis = [MiniDiagram(i) for i in range(2)]
    for mini, run in zip(minis, frames[-1].runs):
        qtbot.addWidget(mini)
        mini.resize(260, 200)
        mini.show_picture(run)
    assert minis[0].objectName() == "compareNetworkDiagram0"
    zeros, he = (mini.neuron_maps() for mini in minis)
    assert [m.shape[0] for m in zeros] == [6, 5]  # compact: six units a layer at most
    assert all(np.array_equal(m[0], x) for m in zeros for x in m)
    assert len(np.unique(he[0].reshape(6, -1), axis=0)) == 6
    assert minis[0].more_text(1) == "+4 more"
    assert minis[0].render_picture(800).width() == 800
    assert Sizes.of(Palette(), compact=True).node < Sizes.of(Palette()).node


def test_the_picture_is_painted_by_qt_alone(diagram):
    """The diagram has no Python ``paintEvent``: its layers are plain labels that Qt paints from
    its own loop, so a repaint never holds the GIL the training thread needs."""
    python_classes = [c for c in NetworkDiagram.__mro__ if not c.__module__.startswith("PyQt6")]
    assert all("paintEvent" not in vars(c) for c in python_classes)
    layers = [w for w in diagram.children() if type(w) is QtWidgets.QLabel]
    assert len(layers) == 2
    diagram.show_maps(maps_of(TrainConfig(init="he")))
    assert all(not layer.pixmap().isNull() for layer in layers)  # the wiring, the nodes
    image = diagram.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 11)
    }
    assert len(colours) > 20  # links, maps and texts: a drawing, not a blank widget


def test_map_pixels_are_the_lookup_tables_rows(qapp):
    """Each map pixel is its value's row of the diagram's table on its layer's scale (NaN: the
    grey row), flipped so that the lowest y is drawn at the bottom."""
    from app.neuron_colors import LUT
    from app.views.diagram_scene import map_image

    values = np.random.default_rng(1).normal(size=(3, 4, 5))
    values[1, 2, 3] = np.nan
    centre, half = np.zeros((3, 1, 1)), np.array([1.0, 2.0, 0.5])[:, None, None]
    images = map_image(values, centre, half)
    with np.errstate(invalid="ignore"):
        index = np.clip((values - centre) * (127.5 / half) + 127.5, 0, 255).astype(np.intp)
    index[np.isnan(values)] = 256
    for k, image in enumerate(images):
        raw = np.frombuffer(image.constBits().asstring(image.sizeInBytes()), np.uint8)
        pixels = raw.reshape(image.height(), image.bytesPerLine())[:, : 4 * image.width()]
        expected = LUT[index[k, ::-1]].reshape(image.height(), -1)
        np.testing.assert_array_equal(pixels, expected)


def test_column_titles_fit_their_columns_in_a_narrow_projector_panel(qapp):
    """A projector's title font in a narrow panel wrote "input", "layer 1", "layer 2" and
    "output" over each other: titles that do not fit take the smaller font, then "…"."""
    from app.views.diagram_paint import _fitted_titles
    from app.views.style import point_font

    titles = ["input", "layer 1", "layer 2", "output"]
    big = point_font(20, bold=True)
    font, fitted = _fitted_titles(titles, big, 400)
    assert font is big and fitted == titles  # room enough: as they were
    font, fitted = _fitted_titles(titles, big, 70.0)  # a smaller font, whole words
    metrics = QtGui.QFontMetricsF(font)
    assert 8 <= font.pointSizeF() < big.pointSizeF() and font.bold() and fitted == titles
    assert all(metrics.horizontalAdvance(t) <= 70 for t in fitted)
    font, fitted = _fitted_titles(titles, big, 30.0)  # no font small enough: cut short
    metrics = QtGui.QFontMetricsF(font)
    assert font.pointSizeF() == 8 and all(metrics.horizontalAdvance(t) <= 30 for t in fitted)
    assert "…" in "".join(fitted)


def test_the_legend_line_shrinks_to_its_room_rather_than_cover_the_nodes(qapp):
    from app.views.diagram_paint import _WRAPPED, _font_to_fit
    from app.views.style import point_font

    text = "link width ∝ |weight| (full at 10) · blue +, orange − · rim: bias"
    font = point_font(17)
    room = QtCore.QRectF(0, 0, 280, 50)
    fitted = _font_to_fit(text, font, room)
    assert fitted.pointSizeF() < font.pointSizeF()
    assert QtGui.QFontMetricsF(fitted).boundingRect(room, _WRAPPED, text).height() <= 50
    wide = QtCore.QRectF(0, 0, 2000, 50)
    assert _font_to_fit(text, font, wide).pointSizeF() == font.pointSizeF()


def _columns(scene) -> dict[int, list[QtCore.QRectF]]:
    out: dict[int, list[QtCore.QRectF]] = {}
    for node in scene.nodes:
        out.setdefault(node.column, []).append(node.rect)
    return out


def test_a_short_projector_diagram_keeps_every_node_whole_and_moves_its_legend_to_the_tooltip(
    diagram, qtbot
):
    """At 1024 x 768 in projector mode the diagram is ~250 px tall: ten nodes of the least
    size were drawn a third over each other under two lines of legend.  There, the nodes are
    smaller and apart, the legend is the tooltip; with room, it is under the picture again."""
    diagram.apply_palette(Palette(projector=True))
    diagram.show_maps(maps_of(TrainConfig(init="he")))
    diagram.resize(480, 250)
    scene = diagram.scene
    for rects in _columns(scene).values():
        assert all(a.bottom() <= b.top() for a, b in pairwise(rects)), rects
        assert all(r.top() >= scene.header and r.bottom() <= scene.height for r in rects)
    assert scene.footer == 0
    assert "link width" in diagram.toolTip()
    node = scene.node(1, 0).rect.center().toPoint()
    qtbot.mouseMove(diagram, node)  # over a node its card tells more: no tooltip over it
    qtbot.waitUntil(lambda: diagram.hovered is not None)
    assert diagram.toolTip() == ""
    qtbot.mouseMove(diagram, QtCore.QPoint(2, int(scene.height) - 2))  # off every node and link
    qtbot.waitUntil(lambda: diagram.hovered is None)
    assert "link width" in diagram.toolTip()
    diagram.resize(480, 900)
    assert diagram.scene.footer > 0 and diagram.toolTip() == ""
