"""Exercise: 300 digits in TensorBoard's Projector with add_embedding,
and the files it writes read back."""
import shutil
import sys
import types
from pathlib import Path

import torch
from sklearn.datasets import load_digits

sys.modules["tensorboard.compat.notf"] = types.ModuleType("notf")
from torch.utils.tensorboard import SummaryWriter  # noqa: E402

digits = load_digits()
images = torch.tensor(digits.images[:300], dtype=torch.float32) / 16
features = images.reshape(300, 64)      # each digit as a 64-vector
labels = digits.target[:300].tolist()

log_dir = Path("runs") / "projector"
shutil.rmtree(log_dir, ignore_errors=True)
with SummaryWriter(log_dir) as writer:
    writer.add_embedding(features, metadata=labels,
                         label_img=images.unsqueeze(1), tag="digits")

for path in sorted(p for p in log_dir.rglob("*") if p.is_file()):
    name = path.relative_to(log_dir).as_posix()
    # an event file's name carries the time, host and process id
    print("events.out.tfevents.*" if "tfevents" in name else name)
(tensors,) = log_dir.rglob("tensors.tsv")
rows = tensors.read_text().splitlines()
read_back = torch.tensor([[float(v) for v in row.split("\t")]
                          for row in rows])
(metadata,) = log_dir.rglob("metadata.tsv")
print("vectors:", tuple(read_back.shape), "labels:",
      metadata.read_text().split()[:10])
assert torch.allclose(read_back, features, atol=1e-6)
assert metadata.read_text().split() == [str(t) for t in labels]
assert "digits" in (log_dir / "projector_config.pbtxt").read_text()
