"""Part 11, TensorBoard: the event files the snippets write, read back with
TensorBoard's own readers (EventAccumulator, EventMultiplexer), hold exactly
what the snippets computed: scalars, histograms, the image, the graph, the
hyperparameters, in the folders the page names."""
import contextlib
import importlib.util
import io
import os
import runpy
import subprocess
import sys
import types

import numpy as np
import pytest
import torch

import runner

pytest.importorskip("tensorboard", reason="Part 11 needs tensorboard (requirements.txt)")
# the same switch as the snippets: TensorBoard's own file I/O, no TensorFlow in this process
sys.modules.setdefault("tensorboard.compat.notf", types.ModuleType("notf"))
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator  # noqa: E402
from tensorboard.backend.event_processing.plugin_event_multiplexer import EventMultiplexer  # noqa: E402
from tensorboard.plugins.hparams import plugin_data_pb2  # noqa: E402
from tensorboard.util import tensor_util  # noqa: E402


def _run(rel_path, cwd):
    """Run a snippet as __main__ in `cwd` (its log folder lands there, as on a reader's machine)."""
    here = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            names = runpy.run_path(str(runner.ROOT / rel_path), run_name="__main__")
    finally:
        os.chdir(here)
    return names, out.getvalue()


def _f32(values):
    """What a scalar event stores: the value rounded to float32."""
    return np.asarray(values, dtype=np.float32).tolist()


@pytest.fixture(scope="module")
def digits_run(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("tb-digits")
    names, out = _run("snippets/viz/tb_digits.py", cwd)
    events = EventAccumulator(str(cwd / "runs" / "digits_mlp"), size_guidance={"histograms": 0, "scalars": 0})
    events.Reload()
    return cwd, names, out, events


def test_logs_land_where_the_page_says(digits_run):
    cwd, names, out, events = digits_run
    assert sorted(p.name for p in cwd.iterdir()) == ["runs"]
    files = list((cwd / "runs" / "digits_mlp").iterdir())
    assert len(files) == 1 and files[0].name.startswith("events.out.tfevents.")
    # the notf switch: tensorboard's file I/O is its own stub, not TensorFlow's
    from tensorboard.compat import tf
    assert tf.io.gfile.__name__ == "tensorboard.compat.tensorflow_stub.io.gfile"


def test_scalars_equal_what_the_snippet_computed(digits_run):
    _, names, _, events = digits_run
    logged = names["logged"]
    steps_per_epoch = len(names["train_loader"])
    num_epochs = names["num_epochs"]
    assert sorted(events.Tags()["scalars"]) == sorted(logged)
    train = events.Scalars("loss/train")
    assert [e.step for e in train] == list(range(steps_per_epoch * num_epochs))
    assert [e.value for e in train] == _f32(logged["loss/train"])
    for tag in ("loss/val", "accuracy/val"):
        read = events.Scalars(tag)
        assert [e.step for e in read] == list(range(num_epochs))
        assert [e.value for e in read] == _f32(logged[tag])
    # and the last validation accuracy is the one the snippet printed
    assert events.Scalars("accuracy/val")[-1].value == pytest.approx(names["val_acc"], abs=1e-7)


def test_histograms_of_weights_and_gradients(digits_run):
    _, names, _, events = digits_run
    model = names["model"]
    params = dict(model.named_parameters())
    expected = sorted(f"{kind}/{name}" for kind in ("weights", "grads") for name in params)
    assert sorted(events.Tags()["histograms"]) == expected
    for tag in expected:
        assert [e.step for e in events.Histograms(tag)] == list(range(names["num_epochs"]))
    # the last epoch's histograms summarise the final weights and the last batch's gradients
    for name, param in params.items():
        for kind, tensor in (("weights", param.detach()), ("grads", param.grad)):
            h = events.Histograms(f"{kind}/{name}")[-1].histogram_value
            t = tensor.double().cpu()
            assert h.num == t.numel()
            assert h.min == pytest.approx(t.min().item(), rel=1e-6)
            assert h.max == pytest.approx(t.max().item(), rel=1e-6)
            assert h.sum == pytest.approx(t.sum().item(), rel=1e-4, abs=1e-6)
            assert h.sum_squares == pytest.approx((t ** 2).sum().item(), rel=1e-4)
            assert sum(h.bucket) == t.numel()


def test_image_is_the_first_validation_digits(digits_run):
    from PIL import Image
    _, names, _, events = digits_run
    assert events.Tags()["images"] == ["digits/first_16"]
    (image,) = events.Images("digits/first_16")
    assert image.step == 0
    pixels = np.asarray(Image.open(io.BytesIO(image.encoded_image_string)))
    assert pixels.shape[:2] == (image.height, image.width)
    x = names["x_val"][:16].cpu()                         # (16, 1, 8, 8) in [0, 1]
    # SummaryWriter tiles a batch in a grid of 8 columns, without padding
    grid = x.view(2, 8, 8, 8).permute(0, 2, 1, 3).reshape(16, 64)
    first = pixels[..., 0] if pixels.ndim == 3 else pixels
    assert first.shape == (16, 64)
    assert np.abs(first.astype(int) - (grid * 255).round().numpy().astype(int)).max() <= 1


def test_graph_holds_the_model(digits_run):
    _, names, _, events = digits_run
    assert events.Tags()["graph"] is True
    graph = events.Graph()
    ops = [node.op for node in graph.node]
    assert ops.count("aten::linear") == 2 and ops.count("aten::relu") == 1
    # the input placeholder carries the traced batch's shape (4, 1, 8, 8)
    shapes = [[d.size for d in node.attr["_output_shapes"].list.shape[0].dim]
              for node in graph.node if node.op == "IO Node" and "input" in node.name]
    assert [4, 1, 8, 8] in shapes


def test_hparams_runs_read_back(tmp_path):
    names, out = _run("snippets/viz/tb_hparams.py", tmp_path)
    root = tmp_path / "runs" / "lr_sweep"
    multiplexer = EventMultiplexer()
    multiplexer.AddRunsFromDirectory(str(root))
    multiplexer.Reload()
    results = names["results"]
    assert sorted(multiplexer.Runs()) == sorted(f"lr={lr}" for lr in results)
    content = multiplexer.PluginRunToTagToContent("hparams")
    for lr, (val_loss, val_acc) in results.items():
        run = f"lr={lr}"
        tags = content[run]
        assert set(tags) == {"_hparams_/experiment", "_hparams_/session_start_info",
                             "_hparams_/session_end_info"}
        start = plugin_data_pb2.HParamsPluginData.FromString(tags["_hparams_/session_start_info"])
        hparams = {k: v.number_value for k, v in start.session_start_info.hparams.items()}
        assert hparams == {"lr": lr, "batch_size": 64}
        experiment = plugin_data_pb2.HParamsPluginData.FromString(tags["_hparams_/experiment"])
        assert [m.name.tag for m in experiment.experiment.metric_infos] == ["hparam/val_loss", "hparam/val_acc"]
        # the multiplexer's accumulator keeps scalars as tensors, as TensorBoard's server does
        accumulator = multiplexer.GetAccumulator(run)

        def values(tag):
            return [(e.step, tensor_util.make_ndarray(e.tensor_proto).item())
                    for e in accumulator.Tensors(tag)]
        assert [v for _, v in values("hparam/val_acc")] == _f32([val_acc])
        assert [v for _, v in values("hparam/val_loss")] == _f32([val_loss])
        # the curve of the run sits beside its hparams, 4 epochs of it
        curve = values("accuracy/val")
        assert [step for step, _ in curve] == [0, 1, 2, 3]
        assert curve[-1][1] == _f32([val_acc])[0]


@pytest.mark.slow   # two fresh processes, one of which imports TensorFlow
@pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None, reason="TensorFlow is not installed")
def test_the_notf_switch_keeps_tensorflow_out():
    """What the page's set-up says: with TensorFlow installed, importing torch.utils.tensorboard
    loads TensorFlow; registering `tensorboard.compat.notf` first keeps it out (fresh processes)."""
    probe = ("import sys, types\n"
             "{switch}"
             "from torch.utils.tensorboard import SummaryWriter\n"
             "print('tensorflow' in sys.modules)\n")
    switch = 'sys.modules["tensorboard.compat.notf"] = types.ModuleType("tensorboard.compat.notf")\n'
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    plain, with_switch = (subprocess.run([sys.executable, "-c", probe.format(switch=s)], capture_output=True,
                                         text=True, timeout=120, env=env) for s in ("", switch))
    assert plain.returncode == 0 and with_switch.returncode == 0, plain.stderr + with_switch.stderr
    assert plain.stdout.split()[-1] == "True", "torch.utils.tensorboard no longer imports TensorFlow: update the page"
    assert with_switch.stdout.split()[-1] == "False", "the notf switch no longer keeps TensorFlow out"
