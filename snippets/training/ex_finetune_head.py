"""Exercise: a new 10-class head on resnet18, the
rest frozen; one step changes only the head."""
import torch
from torch import nn
from torchvision import models

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

# with a network: weights=models.ResNet18_Weights.DEFAULT
model = models.resnet18(weights=None)
for p in model.parameters():
    p.requires_grad_(False)                              # freeze the backbone
# a new head: trainable by default
model.fc = nn.Linear(model.fc.in_features, 10)
model = model.to(device)

trainable = [p for p in model.parameters() if p.requires_grad]
total = sum(p.numel() for p in model.parameters())
print("trainable parameters:", sum(p.numel() for p in trainable), "of", total)
assert sum(p.numel() for p in trainable) == 512 * 10 + 10

# give the optimizer only what should change
optimizer = torch.optim.SGD(trainable, lr=0.1)
before = {name: p.detach().clone() for name, p in model.named_parameters()}
# small images: the pooling adapts
x = torch.randn(4, 3, 64, 64, device=device)
y = torch.tensor([0, 1, 2, 3], device=device)
model.train()
loss = nn.functional.cross_entropy(model(x), y)
loss.backward()
optimizer.step()

changed = [name for name, p in model.named_parameters() if not torch.equal(
    p, before[name])]
print("changed by one step:", changed)
assert changed == ["fc.weight", "fc.bias"]
assert model.conv1.weight.grad is None  # frozen: no gradient was even computed

# batch norm still updates its running statistics
# in train mode: buffers are not parameters
moved = not torch.equal(model.bn1.running_mean, torch.zeros(64, device=device))
print("bn1 running mean moved:", moved)
assert moved  # use model.eval() on the backbone to keep them
